// The count of waiting approvals in the top bar, refreshed every 10 s.
import { pollingFeed } from '../live.js';

export function startApprovalBadge(api, element) {
  const feed = pollingFeed(() => api.approvals({ pageSize: 200 }), {
    intervalMs: 10000,
    onData: (page) => {
      const count = page.approvals.length;
      element.textContent = count > 0 ? `${count}${page.continuationToken ? '+' : ''}` : '';
    },
    onError: () => { element.textContent = ''; },
  });
  return () => feed.stop();
}
