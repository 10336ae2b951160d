// Entry point: the sign-in gate, the hash router (#/runs, #/runs/{id}, #/approvals, #/evaluation) and the top bar.
import { apiBase, createApi } from './api.js';
import { auth } from './auth.js';
import { h, notice, replace } from './dom.js';
import { renderRuns } from './views/runs.js';
import { renderRun } from './views/run.js';
import { renderApprovals } from './views/approvals.js';
import { renderEvaluation } from './views/evaluation.js';
import { startApprovalBadge } from './views/approval-badge.js';

const main = document.getElementById('main');
const nav = document.querySelector('nav.views');
const signOutButton = document.getElementById('sign-out');
let dispose = () => {};
let stopBadge = () => {};
let refusal = null;

const api = createApi(apiBase(window.location), () => auth.key, (error) => {
  // A key that stops working (rotated, removed) sends the user back to sign-in with the reason, never to a blank page.
  refusal = error.message;
  auth.signOut();
  route();
});

function parseRoute() {
  const [path, search] = window.location.hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(search ?? '') };
}

function showSignIn() {
  nav.hidden = true;
  signOutButton.hidden = true;
  stopBadge();
  const input = h('input', { id: 'api-key', name: 'apiKey', type: 'password', autocomplete: 'off', required: true, spellcheck: 'false' });
  const message = h('div', { id: 'sign-in-message', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit' }, 'Sign in');
  if (refusal) replace(message, notice('error', refusal));

  const form = h('form', {
    onsubmit: async (event) => {
      event.preventDefault();
      const key = input.value.trim();
      if (!key) {
        replace(message, notice('error', 'Enter an API key first.'));
        input.focus();
        return;
      }

      button.disabled = true;
      replace(message, notice(undefined, 'Checking the key…'));
      auth.signIn(key);
      refusal = null;
      try {
        await api.listRuns({ pageSize: 1 });
        route();
      } catch (error) {
        if (error.status !== 401) auth.signOut();
        replace(message, notice('error', refusal ?? error.message));
        button.disabled = false;
        input.select();
        input.focus();
      }
    },
  },
  h('label', { for: 'api-key' }, 'API key'),
  input,
  h('p', { class: 'status-line' }, 'The key your host printed at startup, or one of FA_API_KEYS. It is sent as x-functions-key, kept in this browser tab only, and forgotten when you sign out or close the tab.'),
  button,
  message);

  replace(main, h('section', { class: 'panel sign-in', 'aria-labelledby': 'sign-in-title' }, h('h1', { id: 'sign-in-title' }, 'Sign in'), form));
  input.focus();
}

function route() {
  dispose();
  dispose = () => {};
  if (!auth.key) {
    showSignIn();
    return;
  }

  nav.hidden = false;
  signOutButton.hidden = false;
  stopBadge();
  stopBadge = startApprovalBadge(api, document.getElementById('approval-count'));
  const { parts, params } = parseRoute();
  const view = parts[0] ?? 'runs';
  for (const link of nav.querySelectorAll('a')) {
    if (link.dataset.view === view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }

  const context = { api, params, navigate: (hash) => { window.location.hash = hash; } };
  main.replaceChildren();
  if (view === 'runs' && parts[1]) dispose = renderRun(main, context, parts[1]);
  else if (view === 'runs') dispose = renderRuns(main, context);
  else if (view === 'approvals') dispose = renderApprovals(main, context);
  else if (view === 'evaluation') dispose = renderEvaluation(main, context);
  else {
    replace(main, h('h1', {}, 'Page not found'), notice('warn', 'There is no view here. ', h('a', { href: '#/runs' }, 'Go to the runs')));
  }

  document.title = `${main.querySelector('h1')?.textContent ?? 'Dashboard'} · FunctionAgents`;
}

document.querySelector('a.skip-link').addEventListener('click', (event) => {
  // The router owns the hash: following href="#main" would route to a view named "main" (Page not found).
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
});

signOutButton.addEventListener('click', () => {
  auth.signOut();
  refusal = null;
  window.location.hash = '#/runs';
  route();
});

window.addEventListener('hashchange', () => {
  route();
  main.focus();
});

window.addEventListener('unhandledrejection', (event) => {
  // Nothing should fail silently: an unexpected error is shown where the view was.
  main.prepend(notice('error', `Something went wrong: ${event.reason?.message ?? event.reason}. Reload the page to try again.`));
});

route();
