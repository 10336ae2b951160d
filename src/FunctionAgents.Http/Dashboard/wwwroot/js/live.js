// Live updates behind one small interface, so a stream (GET /api/runs/{id}/stream, server-sent events) can replace
// polling without touching the views: a feed calls onData with fresh data and onError with a failure, until stop().

/**
 * Polls load() now and then every intervalMs while the page is visible; a slow call is never overlapped by the next.
 * Returns { stop(), refresh() }.
 */
export function pollingFeed(load, { onData, onError, intervalMs = 5000 }) {
  let stopped = false;
  let timer = null;
  let running = false;

  async function tick() {
    if (stopped || running) return;
    running = true;
    clearTimeout(timer);
    try {
      const data = await load();
      if (!stopped) onData(data);
    } catch (error) {
      if (!stopped) onError?.(error);
    } finally {
      running = false;
      if (!stopped) timer = setTimeout(tick, document.hidden ? intervalMs * 4 : intervalMs);
    }
  }

  tick();
  return {
    stop() { stopped = true; clearTimeout(timer); },
    refresh() { tick(); },
  };
}
