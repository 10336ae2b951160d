// One step waiting for a human: what it wants to do, why the policy held it, and the approve / reject form.
// After a decision the card follows the run until it finishes, so the approver sees the run resume and end.
import { h, badge, fields, notice, relative, replace, shortHash, time } from '../dom.js';
import { auth } from '../auth.js';
import { pollingFeed } from '../live.js';

let nextId = 0;

export function approvalCard(api, item, { showRun = true } = {}) {
  const a = item.approval;
  const id = `approval-${++nextId}`;
  const approver = h('input', { id: `${id}-approver`, name: 'approver', type: 'text', value: auth.approver, autocomplete: 'name', required: true, maxlength: 128 });
  const comment = h('textarea', { id: `${id}-comment`, name: 'comment', maxlength: 2000 });
  const outcome = h('div', { class: 'outcome', 'aria-live': 'polite' });
  const approve = h('button', { type: 'button', class: 'approve' }, 'Approve');
  const reject = h('button', { type: 'button', class: 'danger reject' }, 'Reject');
  let follow = null;

  async function decide(decision) {
    if (!approver.value.trim()) {
      replace(outcome, notice('error', 'Enter your name as the approver: it is recorded in the journal with your decision.'));
      approver.focus();
      return;
    }

    auth.approver = approver.value.trim();
    approve.disabled = reject.disabled = true;
    replace(outcome, notice(undefined, 'Sending your decision…'));
    try {
      const accepted = await api.decide(item.runId, a.stepId, { decision, approver: approver.value.trim(), comment: comment.value.trim() || undefined });
      card.dataset.decided = decision;
      const statusLine = h('p', { class: 'run-status' }, 'Run status: ', badge(accepted.status));
      replace(outcome, notice('ok',
        h('p', {}, `${decision === 'approve' ? 'Approved' : 'Rejected'} by ${accepted.by}. The run resumes; this card follows it until it finishes.`),
        statusLine,
        h('p', {}, h('a', { href: `#/runs/${encodeURIComponent(item.runId)}` }, 'Open the run')))); 
      follow = pollingFeed(() => api.getRun(item.runId), {
        intervalMs: 1500,
        onData: (run) => {
          replace(statusLine, 'Run status: ', badge(run.status), run.response ? ` — final answer ready (${run.response.length} characters)` : '');
          card.dataset.runStatus = run.status;
          if (['completed', 'failed', 'cancelled'].includes(run.status) || run.pendingApprovals.length > 0) follow.stop();
        },
        onError: (error) => replace(statusLine, `Could not read the run: ${error.message}`),
      });
    } catch (error) {
      const detail = error.status === 409 ? 'Someone already decided this step, or the run moved on. Refresh the list.' : error.message;
      replace(outcome, notice('error', detail));
      approve.disabled = reject.disabled = false;
    }
  }

  approve.addEventListener('click', () => decide('approve'));
  reject.addEventListener('click', () => decide('reject'));

  const rules = (a.rules ?? []).map((r) => h('li', {}, h('strong', {}, r.name), ' ', badge(r.action), r.reason ? ` — ${r.reason}` : ''));
  const card = h('article', { class: 'panel approval-card', dataset: { runId: item.runId, stepId: a.stepId }, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, `${a.tool} `, h('span', { class: 'status-line' }, `step ${a.stepId}`)),
    showRun ? h('p', {}, 'Run: ', h('a', { href: `#/runs/${encodeURIComponent(item.runId)}` }, item.goal || item.runId)) : null,
    item.objective ? h('p', {}, h('strong', {}, 'The agent wants to: '), item.objective) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'Why it is held'), h('dd', { class: 'reason' }, a.reason),
      h('dt', {}, 'Rule'), h('dd', {}, a.rule ?? '—', rules.length > 1 ? h('ul', { class: 'rules' }, rules) : null),
      h('dt', {}, 'Expires'), h('dd', {}, time(a.expiresAt), ` (${relative(a.expiresAt)}; then ${String(a.onTimeout).replaceAll('_', ' ')})`),
      h('dt', {}, 'Policy version'), h('dd', {}, shortHash(a.policyVersion))),
    h('details', { open: true, class: 'input' }, h('summary', {}, 'What it will send (input)'), fields(a.input)),
    h('div', { class: 'form-row' },
      h('div', {}, h('label', { for: approver.id }, 'Approver name'), approver),
      h('div', {}, h('label', { for: comment.id }, 'Comment (optional)'), comment)),
    h('div', { class: 'actions' }, approve, reject),
    outcome);
  card.stop = () => follow?.stop();
  return card;
}
