// Approvals: every step waiting for a human across the tenant's runs, soonest expiry first. New ones appear within 5 s;
// a card being decided stays until its run finishes, so the approver sees the outcome.
import { h, notice, replace } from '../dom.js';
import { pollingFeed } from '../live.js';
import { approvalCard } from './approval-card.js';

export function renderApprovals(main, { api }) {
  const list = h('div', { id: 'approvals-list' });
  const empty = h('div', { id: 'approvals-empty' });
  const liveLine = h('p', { class: 'status-line', 'aria-live': 'polite' }, 'Loading…');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, 'Load more runs');
  const cards = new Map();
  let token = null;

  replace(main,
    h('h1', { tabindex: '-1' }, 'Approvals'),
    h('p', {}, 'Steps the policy held for a human decision. Read why, then approve or reject; the run resumes at once.'),
    liveLine, empty, list, more);

  const keyOf = (item) => `${item.runId}/${item.approval.stepId}`;

  function render(page) {
    token = page.continuationToken;
    more.hidden = !token;
    const waiting = new Set(page.approvals.map(keyOf));
    for (const item of page.approvals) {
      if (!cards.has(keyOf(item))) {
        const card = approvalCard(api, item);
        cards.set(keyOf(item), card);
        list.append(card);
      }
    }

    for (const [key, card] of cards) {
      // A card somebody decided here stays (it shows the run's progress); one decided elsewhere or expired goes.
      // Only a complete first page proves a card is no longer waiting.
      if (!token && !waiting.has(key) && !card.dataset.decided) {
        card.stop();
        card.remove();
        cards.delete(key);
      }
    }

    replace(empty, cards.size === 0
      ? notice('ok', h('p', {}, 'Nothing is waiting for approval.'), h('p', {}, 'Steps the policy holds for a human appear here within 5 seconds; this page keeps checking.'))
      : []);
    liveLine.textContent = `Live: ${page.approvals.length} waiting, refreshed ${new Date().toLocaleTimeString()} (every 5 s)`;
  }

  function showError(error) {
    liveLine.textContent = `Refresh failed at ${new Date().toLocaleTimeString()}; retrying every 5 s.`;
    replace(empty, notice('error', h('p', {}, error.message), h('p', {}, h('button', { type: 'button', onclick: () => feed.refresh() }, 'Try again'))));
  }

  more.addEventListener('click', async () => {
    try {
      const page = await api.approvals({ continuationToken: token });
      token = page.continuationToken;
      more.hidden = !token;
      for (const item of page.approvals) {
        if (!cards.has(keyOf(item))) {
          const card = approvalCard(api, item);
          cards.set(keyOf(item), card);
          list.append(card);
        }
      }
    } catch (error) {
      showError(error);
    }
  });

  const feed = pollingFeed(() => api.approvals({ pageSize: 200 }), { onData: render, onError: showError, intervalMs: 5000 });
  return () => {
    feed.stop();
    for (const card of cards.values()) card.stop();
  };
}
