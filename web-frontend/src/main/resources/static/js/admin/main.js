// The admin console: admin and super admin keys only; the role decides which parts exist.

import { ApiError } from '../common/api.js';
import { $, $$ } from '../common/dom.js';
import { mountKeyEntry } from '../common/keyentry.js';
import { createAuditPanel } from './audit.js';
import { createEnginesPanel } from './engines.js';
import { createKeysPanel } from './keys.js';
import { createUsagePanel } from './usage.js';

const ADMIN_ROLES = ['admin', 'superadmin'];
const app = $('#app');
const tabs = $$('[role=tab]');

const session = mountKeyEntry($('#key-entry'), {
  storageKey: 'vstage.adminKey',
  allowedRoles: ADMIN_ROLES,
  roleRefusal: (role) => `This key has the role ${role}. The admin console needs an admin or super admin key; use the staging app instead.`,
  onSignedIn: (me) => enter(me),
  onSignedOut: () => {
    app.hidden = true;
  },
});
const { client } = session;
const onUnauthorized = (error) => session.refuse(error);
const usage = createUsagePanel({ client, onUnauthorized });
const keys = createKeysPanel({ client, me: () => session.me(), onUsage: (key) => openUsage(key), onUnauthorized });
const audit = createAuditPanel({ client, onUnauthorized });
const engines = createEnginesPanel({ client, onUnauthorized });
const loaders = { keys: refreshKeys, usage: () => usage.load(), audit: () => audit.load(), engines: () => engines.load() };

function enter(me) {
  // superadmin-only parts (audit tab and panel, admin role filter) stay hidden for admins; the
  // key manager refuses those calls anyway
  const superadmin = me.role === 'superadmin';
  for (const el of $$('[data-role=superadmin]')) el.hidden = !superadmin;
  $('#filter-role').querySelector('option[value=admin]').hidden = !superadmin;
  app.hidden = false;
  select('keys');
}

async function refreshKeys() {
  usage.setKeys(await keys.load());
}

function select(name) {
  for (const tab of tabs) {
    const on = tab.id === `tab-${name}`;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    $(`#${tab.getAttribute('aria-controls')}`).hidden = !on;
  }
  loaders[name]();
}

function openUsage(key) {
  select('usage');
  usage.show(key);
}

for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab.id.slice(4)));
  tab.addEventListener('keydown', (event) => {
    const visible = tabs.filter((t) => !t.hidden);
    const at = visible.indexOf(tab);
    let next = null;
    if (event.key === 'ArrowRight') next = visible[(at + 1) % visible.length];
    else if (event.key === 'ArrowLeft') next = visible[(at - 1 + visible.length) % visible.length];
    else if (event.key === 'Home') next = visible[0];
    else if (event.key === 'End') next = visible[visible.length - 1];
    if (next) {
      event.preventDefault();
      next.focus();
      select(next.id.slice(4));
    }
  });
}

window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError && event.reason.status === 401) session.refuse(event.reason);
});
