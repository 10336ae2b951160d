// Live updates behind one small interface: a feed calls onData with fresh data and onError with a failure, until
// stop(). pollingFeed asks now and then; streamFeed follows a run's Server-Sent Events stream and falls back to polling.

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

/**
 * Follows GET /api/runs/{id}/stream: open(lastEventId, signal) returns the fetch Response (fetch, not EventSource,
 * because the key travels in a header EventSource cannot send). Every burst of events reloads load() once; a response
 * that ends without `event: end` (the host closes each one after a few minutes) is reopened after the last Seq seen;
 * a stream that cannot be opened hands over to pollingFeed. Returns { stop(), refresh() } like pollingFeed.
 */
export function streamFeed(open, load, { onData, onError, fallbackMs = 3000 }) {
  let stopped = false;
  let controller = null;
  let fallback = null;
  let lastEventId = null;
  let loading = false;
  let again = false;

  // One load at a time; events that arrive meanwhile cause exactly one more, so the last state is never missed.
  async function reload() {
    if (stopped) return;
    if (loading) { again = true; return; }
    loading = true;
    try {
      const data = await load();
      if (!stopped) onData(data);
    } catch (error) {
      if (!stopped) onError?.(error);
    } finally {
      loading = false;
      if (again && !stopped) { again = false; reload(); }
    }
  }

  // Reads one response to its end; true when the run's stream said `end`.
  async function readToEnd(response) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return false;
      buffer += value.replaceAll('\r\n', '\n');
      let cut;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const frame = parseFrame(buffer.slice(0, cut));
        buffer = buffer.slice(cut + 2);
        if (frame.id) lastEventId = frame.id;
        if (frame.event === 'end') return true;
        if (frame.data !== null) reload();
      }
    }
  }

  async function follow() {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await open(lastEventId, controller.signal);
        if (!response.ok || !response.body) break;
        if (await readToEnd(response)) { reload(); return; }
      } catch {
        if (stopped) return;
        break;
      }
    }

    if (!stopped) fallback = pollingFeed(load, { onData, onError, intervalMs: fallbackMs });
  }

  reload();
  follow();
  return {
    stop() { stopped = true; controller?.abort(); fallback?.stop(); },
    refresh() { reload(); },
  };
}

/** One SSE frame's fields: id, event and data (null when the frame has none: a comment such as a heartbeat). */
function parseFrame(text) {
  const frame = { id: null, event: 'message', data: null };
  for (const line of text.split('\n')) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'id') frame.id = value;
    else if (name === 'event') frame.event = value;
    else if (name === 'data') frame.data = frame.data === null ? value : `${frame.data}\n${value}`;
  }

  return frame;
}
