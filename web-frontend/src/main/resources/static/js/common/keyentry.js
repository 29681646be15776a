// Key entry shared by the staging app and the admin console: validates against GET /api/v1/me
// while typing (500 ms debounce), keeps the key for this browser tab only (sessionStorage).

import { ApiError, createClient, describeError } from './api.js';
import { debounce, formatTime, h } from './dom.js';

const DEBOUNCE_MS = 500;
const REFRESH_MS = 30000;

/**
 * Mounts the key entry into container. options: storageKey, allowedRoles (null = any),
 * roleRefusal(role) message, onSignedIn(me), onSignedOut(), onMe(me) after every refresh.
 */
export function mountKeyEntry(container, options) {
  let key = sessionStorage.getItem(options.storageKey) || '';
  let me = null;
  let generation = 0;
  let refreshTimer;
  const client = createClient(() => key);

  const input = h('input', {
    id: 'api-key', type: 'password', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off',
    'aria-describedby': 'key-status', placeholder: 'vsk_…',
  });
  const toggle = h('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false', 'aria-controls': 'api-key', text: 'Show' });
  const signOut = h('button', { type: 'button', id: 'sign-out', class: 'secondary', text: 'Sign out', hidden: true });
  const status = h('p', { id: 'key-status', class: 'key-status', role: 'status', 'aria-live': 'polite' });
  const details = h('dl', { id: 'key-details', class: 'key-details', hidden: true });
  // a form, so that Enter checks at once and password managers recognise the field
  const form = h('form', { class: 'key-form', autocomplete: 'off' },
    h('label', { for: 'api-key', class: 'key-label', text: 'API key' }),
    h('div', { class: 'key-row' }, input, toggle, signOut));
  container.append(form, status, details);

  function setState(state, message) {
    status.dataset.state = state;
    container.dataset.state = state;
    status.textContent = message;
    input.setAttribute('aria-invalid', String(state === 'invalid' || state === 'forbidden'));
  }

  function showDetails(principal) {
    details.replaceChildren();
    const rows = [
      ['Role', principal.role],
      ['Key', principal.name || principal.key_id],
      ['Images left today', principal.remaining_today ?? 'unlimited'],
      ['Daily quota', principal.daily_quota ?? 'unlimited'],
      ['Quota resets', formatTime(principal.resets_at)],
    ];
    for (const [term, value] of rows) details.append(h('div', {}, h('dt', { text: term }), h('dd', { text: value, 'data-field': term })));
    details.hidden = false;
  }

  async function check(candidate) {
    const mine = ++generation;
    if (!candidate) {
      setState('empty', 'Enter your API key to start.');
      return;
    }
    setState('checking', 'Checking key…');
    const probe = createClient(() => candidate);
    try {
      const principal = await probe.get('/api/v1/me');
      if (mine !== generation) return;
      accept(candidate, principal);
    } catch (error) {
      if (mine !== generation) return;
      reject(error);
    }
  }

  function accept(candidate, principal) {
    const allowed = !options.allowedRoles || options.allowedRoles.includes(principal.role);
    key = candidate;
    sessionStorage.setItem(options.storageKey, candidate);
    signOut.hidden = false;
    showDetails(principal);
    if (!allowed) {
      setState('forbidden', options.roleRefusal(principal.role));
      leave();
      return;
    }
    const wasSignedIn = me !== null;
    me = principal;
    setState('valid', `Valid key: role ${principal.role}, ${quotaText(principal)}.`);
    if (!wasSignedIn) options.onSignedIn(principal);
    options.onMe?.(principal);
    scheduleRefresh();
  }

  function reject(error) {
    const reason = error instanceof ApiError && error.status === 401
      ? (error.problem.detail || 'unknown, revoked or expired key')
      : describeError(error);
    setState('invalid', `Invalid key: ${reason}`);
    details.hidden = true;
    if (error instanceof ApiError && error.status === 401) sessionStorage.removeItem(options.storageKey);
    leave();
  }

  function leave() {
    clearTimeout(refreshTimer);
    if (me !== null) {
      me = null;
      options.onSignedOut();
    }
  }

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh(), REFRESH_MS);
  }

  /** Re-reads /me (quota left, still valid?); resolves to the principal or null. */
  async function refresh() {
    if (!key) return null;
    const mine = generation;
    try {
      const principal = await client.get('/api/v1/me');
      if (mine === generation) accept(key, principal);
      return principal;
    } catch (error) {
      if (mine === generation && error instanceof ApiError && error.status === 401) reject(error);
      else scheduleRefresh();
      return null;
    }
  }

  const debouncedCheck = debounce(check, DEBOUNCE_MS);
  input.addEventListener('input', () => {
    generation += 1;
    const candidate = input.value.trim();
    if (candidate === key && me) return;
    leave();
    key = '';
    if (candidate) setState('checking', 'Checking key…');
    else setState('empty', 'Enter your API key to start.');
    details.hidden = true;
    debouncedCheck(candidate);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    debouncedCheck.cancel();
    const candidate = input.value.trim();
    if (!(candidate === key && me)) check(candidate);
  });
  toggle.addEventListener('click', () => {
    const showing = input.type === 'text';
    input.type = showing ? 'password' : 'text';
    toggle.textContent = showing ? 'Show' : 'Hide';
    toggle.setAttribute('aria-pressed', String(!showing));
  });
  signOut.addEventListener('click', () => {
    generation += 1;
    debouncedCheck.cancel();
    key = '';
    sessionStorage.removeItem(options.storageKey);
    input.value = '';
    signOut.hidden = true;
    details.hidden = true;
    leave();
    setState('empty', 'Signed out. Enter an API key to start again.');
    input.focus();
  });

  input.value = key;
  if (key) check(key);
  else setState('empty', 'Enter your API key to start.');

  return {
    client,
    me: () => me,
    refresh,
    /** Called when any API call answered 401: the key no longer works. */
    refuse(error) {
      generation += 1;
      reject(error);
    },
  };
}

function quotaText(principal) {
  if (principal.remaining_today === null || principal.remaining_today === undefined) return 'unlimited images';
  return `${principal.remaining_today} of ${principal.daily_quota} images left today, resets ${formatTime(principal.resets_at)}`;
}
