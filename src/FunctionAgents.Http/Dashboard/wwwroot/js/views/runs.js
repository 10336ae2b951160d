// Runs: the tenant's runs with status, goal, start time, cost and steps; filters for status and UTC days; live refresh;
// paging through the API's continuation token.
import { h, badge, notice, replace, time, usd } from '../dom.js';
import { pollingFeed } from '../live.js';

const Statuses = ['running', 'awaiting_approval', 'completed', 'failed', 'cancelled'];
export const PageSize = 25;

/** The API's from (inclusive) and to (exclusive) for UTC days picked in the form (both inclusive there). */
function dayWindow(params) {
  const from = params.get('from');
  const to = params.get('to');
  let toExclusive;
  if (to) {
    const next = new Date(`${to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    toExclusive = next.toISOString();
  }
  return { from: from ? `${from}T00:00:00Z` : undefined, to: toExclusive };
}

export function renderRuns(main, { api, params, navigate }) {
  const status = params.get('status') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const pageSize = Math.min(200, Math.max(1, Number(params.get('pageSize')) || PageSize));
  const tokens = [null];
  let page = 0;
  const steps = new Map();

  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'Any status'),
    Statuses.map((s) => h('option', { value: s, selected: s === status }, s.replaceAll('_', ' '))));
  const fromInput = h('input', { id: 'filter-from', name: 'from', type: 'date', value: from });
  const toInput = h('input', { id: 'filter-to', name: 'to', type: 'date', value: to });
  const liveLine = h('p', { class: 'status-line', id: 'runs-live', 'aria-live': 'polite' }, 'Loading runs…');
  const body = h('div', { id: 'runs-body' });
  const previous = h('button', { type: 'button', class: 'secondary', id: 'runs-previous', disabled: true }, '← Previous page');
  const next = h('button', { type: 'button', class: 'secondary', id: 'runs-next', disabled: true }, 'Next page →');
  const pageLabel = h('span', { class: 'status-line' });

  const apply = (event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (statusSelect.value) search.set('status', statusSelect.value);
    if (fromInput.value) search.set('from', fromInput.value);
    if (toInput.value) search.set('to', toInput.value);
    navigate(`#/runs${search.size ? `?${search}` : ''}`);
  };

  replace(main,
    h('h1', { tabindex: '-1' }, 'Runs'),
    h('form', { class: 'toolbar panel', id: 'runs-filters', onsubmit: apply, 'aria-label': 'Filters' },
      h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
      h('div', { class: 'field' }, h('label', { for: 'filter-from' }, 'From (UTC day)'), fromInput),
      h('div', { class: 'field' }, h('label', { for: 'filter-to' }, 'To (UTC day)'), toInput),
      h('button', { type: 'submit' }, 'Apply filters'),
      (status || from || to) ? h('button', { type: 'button', class: 'secondary', onclick: () => navigate('#/runs') }, 'Clear filters') : null,
      h('span', { class: 'spacer' }),
      liveLine),
    body,
    h('div', { class: 'pager' }, previous, next, pageLabel));

  const load = () => api.listRuns({ status, ...dayWindow(params), pageSize, continuationToken: tokens[page] ?? undefined });

  function showSteps(cell, run) {
    // The list has no step counts; each run's state has, fetched once per change of the run (its updatedAt).
    const cached = steps.get(run.runId);
    if (cached && cached.updatedAt === run.updatedAt) {
      cell.textContent = cached.text;
      return;
    }
    api.getRun(run.runId).then((detail) => {
      const executed = detail.steps.filter((s) => s.phase === 'executed').length;
      const text = detail.steps.length ? `${executed} / ${detail.steps.length}` : '0';
      steps.set(run.runId, { updatedAt: run.updatedAt, text });
      cell.textContent = text;
      cell.title = `${executed} of ${detail.steps.length} planned steps executed`;
    }).catch(() => { cell.textContent = '?'; });
  }

  function render(result) {
    tokens[page + 1] = result.continuationToken;
    previous.disabled = page === 0;
    next.disabled = !result.continuationToken;
    pageLabel.textContent = `Page ${page + 1}`;
    liveLine.textContent = `Live: refreshed ${new Date().toLocaleTimeString()} (every 5 s)`;
    if (result.runs.length === 0) {
      replace(body, notice(undefined,
        h('p', {}, (status || from || to) ? 'No run matches these filters.' : 'No runs yet for this key\'s tenant.'),
        h('p', {}, (status || from || to)
          ? 'Clear the filters, or pick other days (they are UTC days).'
          : 'Start one with POST /api/runs (see the README), from the agent-runs queue, or with ./scripts/demo.sh. New runs appear here within seconds.')));
      return;
    }

    const rows = result.runs.map((run) => {
      const stepsCell = h('td', { class: 'num', 'data-label': 'Steps' }, '…');
      showSteps(stepsCell, run);
      return h('tr', { dataset: { runId: run.runId } },
        h('td', { 'data-label': 'Status' }, badge(run.status)),
        h('td', { class: 'goal', 'data-label': 'Goal' }, h('a', { href: `#/runs/${encodeURIComponent(run.runId)}` }, run.goal || run.runId)),
        h('td', { 'data-label': 'Started' }, time(run.createdAt)),
        h('td', { class: 'num', 'data-label': 'Cost' }, usd(run.costUsd)),
        stepsCell);
    });
    replace(body, h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'runs-table' },
      h('caption', { class: 'visually-hidden' }, 'Runs of this key\'s tenant, in the order the run index pages them'),
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Goal'), h('th', { scope: 'col' }, 'Started'),
        h('th', { scope: 'col', class: 'num' }, 'Cost'), h('th', { scope: 'col', class: 'num' }, 'Steps'))),
      h('tbody', {}, rows))));
  }

  function showError(error) {
    liveLine.textContent = `Refresh failed at ${new Date().toLocaleTimeString()}; retrying every 5 s.`;
    const messages = error.fieldErrors?.length ? h('ul', {}, error.fieldErrors.map((m) => h('li', {}, m))) : null;
    replace(body, notice('error', h('p', {}, error.message), messages,
      h('p', {}, h('button', { type: 'button', onclick: () => feed.refresh() }, 'Try again'))));
  }

  let feed = pollingFeed(load, { onData: render, onError: showError, intervalMs: 5000 });
  const turn = (delta) => {
    page += delta;
    feed.stop();
    replace(body, h('p', { class: 'status-line' }, 'Loading…'));
    feed = pollingFeed(load, { onData: render, onError: showError, intervalMs: 5000 });
  };
  previous.addEventListener('click', () => turn(-1));
  next.addEventListener('click', () => turn(1));
  return () => feed.stop();
}
