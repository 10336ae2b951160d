// Run detail: facts, cost, final answer and chain verification; pending approvals; the plan with each step's policy
// decision; the explained timeline with raw events on demand; and the state at a chosen Seq.
import { h, badge, json, notice, replace, shortHash, time, usd } from '../dom.js';
import { streamFeed } from '../live.js';
import { approvalCard } from './approval-card.js';
import { timelineSection } from './timeline.js';

const Finished = ['completed', 'failed', 'cancelled'];

export function renderRun(main, { api }, runId) {
  const heading = h('h1', { tabindex: '-1' }, 'Run ', h('code', {}, runId));
  const summary = h('div', { id: 'run-summary' }, h('p', { class: 'status-line' }, 'Loading the run…'));
  const approvals = h('div', { id: 'run-approvals' });
  const plan = h('div', { id: 'run-plan' });
  const verification = h('dd', { id: 'run-verification' }, 'checking…');
  const timeline = timelineSection(api, runId);
  const liveLine = h('p', { class: 'status-line', 'aria-live': 'polite' });
  let lastSeq = -1;
  let shownApprovals = '';

  replace(main, h('p', {}, h('a', { href: '#/runs' }, '← All runs')), heading, liveLine, summary, approvals, plan, timeline.element);

  async function verify() {
    try {
      const result = await api.verification(runId);
      replace(verification, result.isValid
        ? [badge('valid', 'intact'), ` ${result.eventsChecked} events, hash chain recomputed; ${result.checkpointsChecked} checkpoints matched`, result.unanchoredEvents ? `; ${result.unanchoredEvents} events after the last checkpoint` : '']
        : [badge('broken', 'broken'), ` at Seq ${result.firstBadSeq}: ${result.problem}`]);
    } catch (error) {
      replace(verification, `could not verify: ${error.message}`);
    }
  }

  function render(run) {
    heading.replaceChildren('Run ', h('code', {}, runId), ' ', badge(run.status));
    replace(summary, h('section', { class: 'panel', 'aria-label': 'Summary' },
      h('p', { class: 'goal' }, h('strong', {}, 'Goal: '), run.goal),
      h('dl', { class: 'facts' },
        h('dt', {}, 'Status'), h('dd', {}, badge(run.status), run.stoppedEarly ? ` (stopped early: ${run.stoppedEarly})` : ''),
        h('dt', {}, 'Started'), h('dd', {}, time(run.createdAt)),
        h('dt', {}, 'Finished'), h('dd', {}, run.finishedAt ? time(run.finishedAt) : 'not yet'),
        h('dt', {}, 'Cost'), h('dd', { id: 'run-cost' }, `${usd(run.costUsd)} of a ${usd(run.budgetUsd)} budget`),
        h('dt', {}, 'Planner'), h('dd', {}, run.planner ?? '—'),
        h('dt', {}, 'Correlation id'), h('dd', {}, h('code', {}, run.correlationId)),
        h('dt', {}, 'Events'), h('dd', {}, String(run.lastSeq)),
        h('dt', {}, 'Chain verification'), verification),
      run.failure ? notice('error', `Failed (${run.failure.code}): ${run.failure.reason ?? ''}`) : null,
      run.cancelReason ? notice('warn', `Cancelled: ${run.cancelReason}`) : null,
      h('h2', {}, 'Final answer'),
      run.response ? h('p', { class: 'answer', id: 'run-answer' }, run.response) : h('p', { class: 'status-line' }, Finished.includes(run.status) ? 'This run gave no answer.' : 'Not answered yet.')));

    const key = run.pendingApprovals.map((a) => a.stepId).join(',');
    if (key !== shownApprovals) {
      shownApprovals = key;
      replace(approvals, run.pendingApprovals.length
        ? [h('h2', {}, 'Waiting for your decision'), run.pendingApprovals.map((a) => approvalCard(api, {
          runId, goal: run.goal, objective: run.steps.find((s) => s.id === a.stepId)?.objective, approval: a,
        }, { showRun: false }))]
        : []);
    }

    replace(plan, h('h2', {}, 'Plan'), run.steps.length
      ? h('ol', { class: 'steps' }, run.steps.map(stepItem))
      : h('p', { class: 'status-line' }, run.planErrors?.length ? `The plan was rejected: ${run.planErrors.map((e) => e.message ?? JSON.stringify(e)).join('; ')}` : 'No plan yet.'));

    if (run.lastSeq !== lastSeq) {
      lastSeq = run.lastSeq;
      timeline.refresh(run.lastSeq);
      verify();
    }

    liveLine.textContent = Finished.includes(run.status)
      ? `This run has finished (${run.status.replaceAll('_', ' ')}).`
      : `Live: updated ${new Date().toLocaleTimeString()} as the run's events arrive.`;
    if (Finished.includes(run.status)) feed.stop();
  }

  function showError(error) {
    const text = error.status === 404
      ? 'There is no such run for this key. It may belong to another tenant, or the link is wrong.'
      : error.message;
    replace(summary, notice('error', h('p', {}, text), h('p', {}, h('a', { href: '#/runs' }, 'Back to the runs'))));
    if (error.status === 404) feed.stop();
  }

  const feed = streamFeed((lastEventId, signal) => api.stream(runId, lastEventId, signal), () => api.getRun(runId), {
    onData: render, onError: showError, fallbackMs: 3000,
  });
  return () => feed.stop();
}

function stepItem(step) {
  const rules = (step.rules ?? []).map((r) => h('li', {}, h('strong', {}, r.name), ' ', badge(r.action), r.reason ? ` — ${r.reason}` : ''));
  return h('li', { class: 'panel step', dataset: { stepId: step.id } },
    h('header', {}, h('h3', {}, `${step.id} · ${step.tool}`), badge(step.phase), step.decision ? badge(step.decision, `policy: ${step.decision.replaceAll('_', ' ')}`) : null),
    h('p', {}, step.objective),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Decision'), h('dd', { class: 'decision' }, step.decision ? step.decision.replaceAll('_', ' ') : 'not decided yet'),
      h('dt', {}, 'Matched rules'), h('dd', {}, rules.length ? h('ul', { class: 'rules' }, rules) : 'none (the policy default applied)'),
      h('dt', {}, 'Reason'), h('dd', {}, step.reason ?? '—'),
      h('dt', {}, 'Policy version'), h('dd', {}, shortHash(step.policyVersion)),
      step.approver ? [h('dt', {}, 'Human decision'), h('dd', {}, `${step.approver}${step.approvalComment ? `: “${step.approvalComment}”` : ''}`)] : null,
      h('dt', {}, 'Cost'), h('dd', {}, usd(step.costUsd))),
    h('details', {}, h('summary', {}, 'Input'), json(step.input)),
    step.observation ? h('details', {}, h('summary', {}, step.observation.success ? 'Result' : 'Result (failed)'), json(step.observation)) : null);
}
