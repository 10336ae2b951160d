// The explained timeline (GET /api/runs/{id}/timeline), each event's raw envelope on demand (GET .../events), and the
// folded state right after a chosen Seq (GET .../state?atSeq=N).
import { h, badge, json, notice, replace, time, usd } from '../dom.js';

export function timelineSection(api, runId) {
  const table = h('div', { id: 'timeline' }, h('p', { class: 'status-line' }, 'Loading the timeline…'));
  const seqInput = h('input', { id: 'state-seq', name: 'atSeq', type: 'number', min: 1, step: 1, required: true, inputmode: 'numeric', class: 'seq-input' });
  const stateOut = h('div', { id: 'state-at', 'aria-live': 'polite' });
  let events = null;

  async function rawEvent(seq) {
    events ??= api.events(runId).then((r) => r.events);
    const all = await events;
    return all.find((e) => e.seq === seq);
  }

  async function showState(seq) {
    seqInput.value = seq;
    replace(stateOut, h('p', { class: 'status-line' }, `Folding events 1 to ${seq}…`));
    try {
      const state = await api.stateAt(runId, seq);
      replace(stateOut, h('div', { class: 'panel' },
        h('h3', {}, `State right after Seq ${seq}`),
        h('dl', { class: 'facts' },
          h('dt', {}, 'Status'), h('dd', { id: 'state-status' }, badge(state.status)),
          h('dt', {}, 'Cost so far'), h('dd', {}, usd(state.costUsd)),
          h('dt', {}, 'Steps'), h('dd', {}, (state.steps ?? []).length
            ? h('ul', { class: 'rules' }, state.steps.map((s) => h('li', {}, `${s.id} ${s.tool}: `, badge(s.phase))))
            : 'no plan yet')),
        h('details', {}, h('summary', {}, 'Whole state (JSON)'), json(state))));
    } catch (error) {
      replace(stateOut, notice('error', error.fieldErrors?.length ? error.fieldErrors.join(' ') : error.message));
    }
  }

  const form = h('form', {
    class: 'toolbar',
    onsubmit: (event) => { event.preventDefault(); showState(Number(seqInput.value)); },
  }, h('div', { class: 'field' }, h('label', { for: 'state-seq' }, 'State at Seq'), seqInput), h('button', { type: 'submit' }, 'Show state'));

  function row(entry) {
    const rawButton = h('button', { type: 'button', class: 'link', 'aria-expanded': 'false' }, 'Raw event');
    const stateButton = h('button', { type: 'button', class: 'link' }, 'State here');
    const tr = h('tr', { dataset: { seq: entry.seq } },
      h('td', { class: 'num', 'data-label': 'Seq' }, String(entry.seq)),
      h('td', { 'data-label': 'Time' }, time(entry.occurredAt)),
      h('td', { 'data-label': 'Type' }, h('code', {}, entry.type)),
      h('td', { 'data-label': 'Actor' }, entry.actor),
      h('td', { 'data-label': 'What happened' }, h('strong', {}, entry.title), entry.summary ? ` — ${entry.summary}` : ''),
      h('td', { class: 'actions', 'data-label': '' }, rawButton, ' ', stateButton));
    let rawRow = null;
    rawButton.addEventListener('click', async () => {
      if (rawRow) {
        rawRow.remove();
        rawRow = null;
        rawButton.setAttribute('aria-expanded', 'false');
        return;
      }
      rawButton.setAttribute('aria-expanded', 'true');
      rawRow = h('tr', { class: 'raw' }, h('td', { colspan: 6 }, h('span', { class: 'status-line' }, 'Loading…')));
      tr.after(rawRow);
      try {
        const event = await rawEvent(entry.seq);
        replace(rawRow.firstChild, event ? json(event) : 'This event is newer than the copy read; reload the page.');
      } catch (error) {
        events = null;
        replace(rawRow.firstChild, notice('error', error.message));
      }
    });
    stateButton.addEventListener('click', () => { showState(entry.seq); seqInput.focus(); });
    return tr;
  }

  async function refresh(lastSeq) {
    seqInput.max = lastSeq;
    if (!seqInput.value) seqInput.value = lastSeq;
    events = null;
    try {
      const result = await api.timeline(runId);
      replace(table, h('div', { class: 'table-wrap' }, h('table', { class: 'stack', id: 'timeline-table' },
        h('caption', { class: 'visually-hidden' }, 'Every event of the run, explained'),
        h('thead', {}, h('tr', {}, ['Seq', 'Time', 'Type', 'Actor', 'What happened', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, result.entries.map(row)))));
    } catch (error) {
      replace(table, notice('error', `The timeline could not be read: ${error.message}`));
    }
  }

  const element = h('section', { 'aria-labelledby': 'timeline-title' }, h('h2', { id: 'timeline-title' }, 'Timeline'), form, stateOut, table);
  return { element, refresh };
}
