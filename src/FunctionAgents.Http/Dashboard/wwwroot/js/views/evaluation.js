// Evaluation: per-day trends from the stored reports (GET /api/evaluations/days) as SVG line charts, a pass-rate trend
// per evaluator with links to its failing runs, today's alerts, and the latest report's regressions and divergences
// (GET /api/evaluations/latest).
import { h, badge, notice, percent, replace, time, usd, utcDay } from '../dom.js';
import { lineChart } from '../chart.js';

const Windows = [7, 30, 90];

const Metrics = [
  { id: 'chart-success-rate', title: 'Success rate', pick: (m) => m.successRate, format: percent, fixedMax: 1 },
  { id: 'chart-mean-quality', title: 'Mean quality (0 to 1)', pick: (m) => m.meanQuality, format: (v) => (v === null ? '—' : Number(v).toFixed(2)), fixedMax: 1 },
  { id: 'chart-violations', title: 'Policy violations per 100 runs', pick: (m) => m.violationRatePer100, format: (v) => (v === null ? '—' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 1 })) },
  { id: 'chart-cost', title: 'Cost per successful run (USD)', pick: (m) => m.costPerSuccessfulRunUsd ?? null, format: usd, tickFormat: (v) => `$${Number(Number(v).toPrecision(2))}` },
];

export function renderEvaluation(main, { api, params, navigate }) {
  const days = Number(params.get('days')) || 30;
  const to = utcDay(new Date());
  const fromDate = new Date(`${to}T00:00:00Z`);
  fromDate.setUTCDate(fromDate.getUTCDate() - (days - 1));
  const from = utcDay(fromDate);

  const windowSelect = h('select', { id: 'eval-window', onchange: () => navigate(`#/evaluation?days=${windowSelect.value}`) },
    Windows.map((d) => h('option', { value: d, selected: d === days }, `Last ${d} days`)));
  const charts = h('div', { id: 'eval-charts' }, h('p', { class: 'status-line' }, 'Loading the trends…'));
  const evaluators = h('section', { id: 'eval-evaluators', 'aria-labelledby': 'eval-evaluators-title' });
  const alerts = h('section', { id: 'eval-alerts', 'aria-labelledby': 'eval-alerts-title' });
  const latest = h('section', { id: 'eval-latest', 'aria-labelledby': 'eval-latest-title' });

  replace(main,
    h('h1', { tabindex: '-1' }, 'Evaluation'),
    h('div', { class: 'toolbar' },
      h('div', { class: 'field' }, h('label', { for: 'eval-window' }, 'Window (UTC days)'), windowSelect),
      h('p', { class: 'status-line' }, `${from} to ${to}. Each day comes from the newest nightly or manual evaluation that covered it; the line is the runs as recorded, a dashed line shows the replay when it differs.`)),
    charts, evaluators, alerts, latest, evaluateForm(api, () => navigate(`#/evaluation?days=${days}&t=${Date.now()}`)));

  let cancelled = false;
  Promise.allSettled([api.evaluationDays({ from, to }), api.latestEvaluation()]).then(([trend, report]) => {
    if (cancelled) return;
    renderCharts(charts, trend, from, to);
    renderEvaluators(evaluators, trend, from, to);
    renderAlerts(alerts, report, to);
    renderLatest(latest, report);
  });
  return () => { cancelled = true; };
}

function renderCharts(container, trend, from, to) {
  if (trend.status === 'rejected') {
    replace(container, notice('error', `The trends could not be read: ${trend.reason.message}`));
    return;
  }

  const result = trend.value;
  if (result.days.length === 0) {
    replace(container, notice(undefined,
      h('p', {}, `No evaluation report covers ${from} to ${to} yet.`),
      h('p', {}, 'The nightly evaluation (FA_NIGHTLY_SCHEDULE, 02:00 UTC by default) scores the previous day\'s finished runs. To see numbers now, evaluate a window with the form below.')));
    return;
  }

  const differs = (metric) => result.days.some((d) => (metric.pick(d.recorded) ?? null) !== (metric.pick(d.replayed) ?? null));
  replace(container,
    h('div', { class: 'charts' }, Metrics.map((metric) => {
      const recorded = { name: 'as recorded', points: result.days.map((d) => ({ day: d.day, value: metric.pick(d.recorded) ?? null })) };
      const series = differs(metric)
        ? [recorded, { name: 'as replayed', className: 'replayed', points: result.days.map((d) => ({ day: d.day, value: metric.pick(d.replayed) ?? null })) }]
        : [recorded];
      return lineChart({
        id: metric.id, title: metric.title, series, from, to, format: metric.format, tickFormat: metric.tickFormat, fixedMax: metric.fixedMax,
        description: `${metric.title} per day from ${from} to ${to}: ${recorded.points.map((p) => `${p.day} ${metric.format(p.value)}`).join(', ')}.`,
      });
    })),
    result.truncated ? notice('warn', `Only the newest ${result.reportsRead} reports were read; older days may be missing.`) : null);
}

// One pass-rate chart per evaluator that judged a run in the window (runs it did not apply to are not counted), with the
// mean and failing runs of the newest day it failed any: the ids link to the runs' detail pages.
function renderEvaluators(container, trend, from, to) {
  const title = h('h2', { id: 'eval-evaluators-title' }, 'Evaluators');
  if (trend.status === 'rejected' || trend.value.days.length === 0) {
    replace(container);
    return;
  }

  const days = trend.value.days;
  const resultOf = (day, name) => (day.evaluators ?? []).find((e) => e.evaluator === name);
  const names = [...new Set(days.flatMap((d) => (d.evaluators ?? []).filter((e) => e.passRate !== undefined && e.passRate !== null).map((e) => e.evaluator)))];
  if (names.length === 0) {
    replace(container, title, h('p', { class: 'status-line' }, 'No evaluator scored a run in this window: the evaluations that covered it ran without evaluators.'));
    return;
  }

  const judge = days.map((d) => d.judgeModel).filter(Boolean).pop();
  replace(container, title,
    h('p', { class: 'status-line' }, 'Share of the day\'s runs each evaluator passed (an errored judgement counts as failed; runs it did not apply to are left out).',
      judge ? ` Judged evaluators ran on a sample, judged by ${judge}.` : ''),
    h('div', { class: 'charts' }, names.map((name) => {
      const points = days.map((d) => ({ day: d.day, value: resultOf(d, name)?.passRate ?? null }));
      const chart = lineChart({
        id: `chart-evaluator-${name}`, title: `${name}: pass rate`, series: [{ name: 'pass rate', points }], from, to, format: percent, fixedMax: 1,
        description: `${name} pass rate per day from ${from} to ${to}: ${points.filter((p) => p.value !== null).map((p) => `${p.day} ${percent(p.value)}`).join(', ')}.`,
      });
      chart.dataset.evaluator = name;
      const newest = [...days].reverse().find((d) => resultOf(d, name)?.failed > 0);
      const result = newest ? resultOf(newest, name) : null;
      chart.append(result
        ? h('div', { class: 'failing-runs' },
          h('p', {}, `${newest.day}: ${result.failed} of ${result.scored + result.errored} failed`,
            result.mean !== undefined && result.mean !== null ? `, mean ${Number(result.mean).toFixed(2)}` : '',
            result.promptVersion ? ` (prompt ${result.promptVersion})` : '', '.'),
          h('ul', {}, result.failingRuns.map((id) => h('li', {}, h('a', { href: `#/runs/${encodeURIComponent(id)}`, class: 'failing-run' }, id)))))
        : h('p', { class: 'status-line failing-runs' }, 'No run failed it in this window.'));
      return chart;
    })));
}

function renderAlerts(container, report, today) {
  const title = h('h2', { id: 'eval-alerts-title' }, 'Today\'s alerts');
  if (report.status === 'rejected') {
    replace(container, title, report.reason.status === 404
      ? h('p', { class: 'status-line' }, 'No evaluation has run yet, so there are no alerts.')
      : notice('error', `The latest report could not be read: ${report.reason.message}`));
    return;
  }

  const r = report.value;
  const ranToday = utcDay(new Date(r.startedAt)) === today;
  const list = r.alerts.length
    ? h('ul', { class: 'alerts' }, r.alerts.map((a) => h('li', { dataset: { code: a.code } }, badge(a.severity), ` ${a.day}: ${a.message}`,
      a.failingRuns?.length
        ? [' Failing runs: ', a.failingRuns.slice(0, 5).flatMap((id, i) => [i ? ', ' : '', h('a', { href: `#/runs/${encodeURIComponent(id)}` }, id)]), a.failingRuns.length > 5 ? ', …' : '']
        : null)))
    : h('p', { class: 'status-line' }, 'No alert: the violation rate stayed within 3x its baseline, cost per successful run rose by at most 30%, and no evaluator\'s pass rate dropped significantly.');
  replace(container, title,
    ranToday ? null : notice('warn', 'No evaluation ran today (UTC). These are the alerts of the latest one, started ', time(r.startedAt), '.'),
    h('div', { class: 'panel' }, list));
}

function renderLatest(container, report) {
  const title = h('h2', { id: 'eval-latest-title' }, 'Latest report');
  if (report.status === 'rejected') {
    replace(container, title, report.reason.status === 404
      ? notice(undefined, 'There is no evaluation report yet. Use the form below, or wait for the nightly evaluation.')
      : notice('error', report.reason.message));
    return;
  }

  const r = report.value;
  const table = (caption, heads, rows, emptyText) => rows.length
    ? h('div', { class: 'table-wrap' }, h('table', { class: 'stack' }, h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, heads.map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c, i) => h('td', { 'data-label': heads[i] }, c)))))))
    : h('p', { class: 'status-line' }, emptyText);
  const runLink = (id) => h('a', { href: `#/runs/${encodeURIComponent(id)}` }, id);

  replace(container, title, h('div', { class: 'panel', id: 'eval-latest-report', dataset: { evaluationId: r.evaluationId } },
    h('dl', { class: 'facts' },
      h('dt', {}, 'Evaluation'), h('dd', {}, h('code', {}, r.evaluationId), ` (${r.trigger}, ${r.mode})`),
      h('dt', {}, 'Window'), h('dd', {}, `${r.from} to ${r.to}`),
      h('dt', {}, 'Started'), h('dd', {}, time(r.startedAt)),
      h('dt', {}, 'Runs scored'), h('dd', {}, `${r.runsScored} (${r.runsSkipped} skipped)`),
      r.overall ? [h('dt', {}, 'Success rate'), h('dd', {}, percent(r.overall.baseline.successRate))] : null),
    h('h3', {}, `Policy regressions (${r.overall?.policyRegressions ?? r.regressions.length})`),
    table('Policy regressions', ['Run', 'Step', 'Tool', 'Recorded', 'Replayed'],
      r.regressions.map((x) => [runLink(x.runId), x.stepId, x.tool, badge(x.baseline), badge(x.candidate)]), 'No step decided differently on replay.'),
    h('h3', {}, `Divergences (${r.overall?.divergentRuns ?? r.divergences.length})`),
    table('Divergent replays', ['Run', 'Seq', 'Difference'],
      r.divergences.map((x) => [runLink(x.runId), String(x.seq), h('pre', {}, x.difference)]), 'Every replay reproduced its recording.')));
}

function evaluateForm(api, reload) {
  const today = utcDay(new Date());
  const fromInput = h('input', { id: 'evaluate-from', type: 'date', value: today, required: true });
  const toInput = h('input', { id: 'evaluate-to', type: 'date', value: today, required: true });
  const message = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Evaluate now');
  return h('section', { class: 'panel', 'aria-labelledby': 'evaluate-title' },
    h('h2', { id: 'evaluate-title' }, 'Evaluate a window now'),
    h('p', { class: 'status-line' }, 'Replays and scores this key\'s finished runs created on these UTC days (at most 31), and stores the report like the nightly job.'),
    h('form', {
      class: 'toolbar',
      onsubmit: async (event) => {
        event.preventDefault();
        button.disabled = true;
        replace(message, notice(undefined, 'Evaluating…'));
        try {
          const report = await api.evaluate(fromInput.value, toInput.value);
          replace(message, notice('ok', `Evaluation ${report.evaluationId} scored ${report.runsScored} runs.`));
          reload();
        } catch (error) {
          replace(message, notice('error', error.fieldErrors?.length ? error.fieldErrors.join(' ') : error.message));
        } finally {
          button.disabled = false;
        }
      },
    },
    h('div', { class: 'field' }, h('label', { for: 'evaluate-from' }, 'From'), fromInput),
    h('div', { class: 'field' }, h('label', { for: 'evaluate-to' }, 'To'), toInput),
    button),
    message);
}
