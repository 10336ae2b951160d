// The JSON API client: every call sends the caller's key in x-functions-key and turns problem+json into ApiError.

/** An API call that failed: status 0 means the host did not answer at all. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  /** The fields the API named as wrong, as "field: message" lines. */
  get fieldErrors() {
    return Object.entries(this.problem?.errors ?? {}).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`);
  }
}

/**
 * The API lives under the same origin as the page: /api/ (the Functions app serves the page at /api/dashboard/, the local
 * host also at /dashboard/); any path base in front of it is kept.
 */
export function apiBase(location) {
  const path = location.pathname;
  const at = path.lastIndexOf('/dashboard/');
  const prefix = at >= 0 ? path.slice(0, at + 1) : '/';
  return prefix.endsWith('/api/') ? prefix : prefix + 'api/';
}

function describe(status, problem) {
  if (status === 401) return 'The API refused this key (401 Unauthorized). Check that you pasted the whole key, then sign in again.';
  if (status === 503) return `Storage is unavailable (503): ${problem?.detail ?? 'the host could not reach storage'}. Try again in a moment.`;
  if (problem?.detail) return `${problem.title ?? 'The request failed.'} ${problem.detail}`;
  return `The API answered ${status}.`;
}

export function createApi(base, getKey, onUnauthorized) {
  async function request(method, path, body) {
    const headers = { 'Accept': 'application/json', 'x-functions-key': getKey() ?? '' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
    } catch (error) {
      throw new ApiError(0, null, `The host did not answer (${error.message}). Check that it is running, then try again.`);
    }

    const text = await response.text();
    let data = null;
    if (text) {
      try { data = JSON.parse(text); } catch { data = null; }
    }

    if (!response.ok) {
      const error = new ApiError(response.status, data, describe(response.status, data));
      if (response.status === 401) onUnauthorized(error);
      throw error;
    }

    return data;
  }

  const query = (params) => {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params ?? {})) if (value !== undefined && value !== null && value !== '') search.set(name, value);
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const run = (id) => `runs/${encodeURIComponent(id)}`;

  return {
    listRuns: (params) => request('GET', `runs${query(params)}`),
    getRun: (id) => request('GET', run(id)),
    timeline: (id) => request('GET', `${run(id)}/timeline`),
    // The owner reads its own run decrypted; the stored ciphertext stays at .../events without view (chain checks).
    events: (id) => request('GET', `${run(id)}/events${query({ view: 'revealed' })}`),
    stateAt: (id, seq) => request('GET', `${run(id)}/state${query({ atSeq: seq })}`),
    verification: (id) => request('GET', `${run(id)}/verification`),
    decide: (id, stepId, decision) => request('POST', `${run(id)}/approvals/${encodeURIComponent(stepId)}`, decision),
    approvals: (params) => request('GET', `approvals${query(params)}`),
    // The live stream is read as it arrives (see live.js), so it returns the Response rather than parsed JSON.
    stream: (id, lastEventId, signal) => fetch(`${base}${run(id)}/stream`, {
      headers: { 'Accept': 'text/event-stream', 'x-functions-key': getKey() ?? '', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
      signal, cache: 'no-store', credentials: 'omit',
    }),
    evaluationDays: (params) => request('GET', `evaluations/days${query(params)}`),
    latestEvaluation: () => request('GET', 'evaluations/latest'),
    evaluate: (from, to) => request('POST', 'evaluations', { from, to }),
  };
}
