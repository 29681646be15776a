// Keys: filterable, paged table; create, edit, rotate, revoke, delete, each confirmed first.

import { describeError, listItems, pageInfo } from '../common/api.js';
import { $, formatTime, h } from '../common/dom.js';
import { confirmAction, formDialog, showSecret } from './dialogs.js';

const PAGE_SIZE = 20;

export function createKeysPanel({ client, me, onUsage, onUnauthorized }) {
  const body = $('#keys-body');
  const message = $('#keys-message');
  const filters = $('#key-filters');
  let page = 0;
  let filter = {};

  function fail(error, what) {
    if (error.status === 401) onUnauthorized(error);
    message.textContent = `${what}: ${describeError(error)}`;
    message.className = 'message error';
    message.hidden = false;
  }

  function note(text) {
    message.textContent = text;
    message.className = 'message success';
    message.hidden = false;
  }

  async function load() {
    try {
      const answer = await client.get('/api/v1/keys', { query: { ...filter, page, size: PAGE_SIZE } });
      const keys = listItems(answer, 'keys');
      body.replaceChildren(...keys.map(row));
      if (keys.length === 0) body.append(h('tr', {}, h('td', { colspan: '11', text: 'No keys match these filters.' })));
      const info = pageInfo(answer, page, PAGE_SIZE, keys.length);
      $('#keys-page').textContent = `Page ${page + 1}${info.pages ? ` of ${info.pages}` : ''}${info.total !== undefined ? ` · ${info.total} keys` : ''}`;
      $('#keys-prev').disabled = page === 0;
      $('#keys-next').disabled = !info.hasNext;
      return keys;
    } catch (error) {
      fail(error, 'Could not load the keys');
      return [];
    }
  }

  function mayManage(key) {
    const caller = me();
    if (caller.role === 'superadmin') return key.role !== 'superadmin';
    return key.role === 'user';
  }

  function row(key) {
    const limits = `${key.rate_limit_per_minute}/min · ${key.daily_quota}/day`;
    const owner = h('td', {}, h('div', { text: key.owner_email ?? '' }), key.organization ? h('div', { class: 'hint', text: key.organization }) : null);
    const actions = h('td', { class: 'actions' });
    const label = key.name || key.prefix;
    const button = (text, handler, cls = 'secondary small') => h('button', { type: 'button', class: cls, text, 'aria-label': `${text} key ${label}`, onclick: () => handler(key) });
    actions.append(button('Usage', (k) => onUsage(k)));
    if (mayManage(key) && key.status === 'active') actions.append(button('Edit', edit), button('Rotate', rotate), button('Revoke', revoke));
    if (me().role === 'superadmin') actions.append(button('Delete', remove, 'danger small'));
    return h('tr', { 'data-key-id': key.id },
      h('td', { class: 'key-name', text: key.name ?? '' }), owner,
      h('td', { text: key.role }), h('td', {}, h('code', { text: key.prefix ?? '' })),
      h('td', {}, h('span', { class: `status-badge status-${key.status}`, text: key.status })),
      h('td', { text: limits }), h('td', { text: key.used_today ?? 0 }),
      h('td', { text: formatTime(key.last_used_at) }), h('td', { text: key.created_by ?? '—' }),
      h('td', { text: key.expires_at ? formatTime(key.expires_at) : 'never' }), actions);
  }

  function detailFields(key = {}) {
    return [
      { name: 'name', label: 'Name', value: key.name, required: true },
      { name: 'organization', label: 'Organization (optional)', value: key.organization },
      { name: 'rate_limit_per_minute', label: 'Requests per minute', type: 'number', min: '1', max: '100000', value: key.rate_limit_per_minute ?? 60 },
      { name: 'daily_quota', label: 'Images per day', type: 'number', min: '0', max: '1000000', value: key.daily_quota ?? 100 },
      { name: 'expires_at', label: 'Expires (optional, your local time)', type: 'datetime-local', value: toLocalInput(key.expires_at), hint: 'Leave empty for a key that does not expire.' },
      { name: 'metadata', label: 'Metadata (optional JSON object)', type: 'textarea', value: key.metadata ? JSON.stringify(key.metadata) : '' },
    ];
  }

  function payload(values) {
    let metadata;
    if (values.metadata) {
      try {
        metadata = JSON.parse(values.metadata);
      } catch {
        throw new Error('Metadata must be a JSON object, e.g. {"team": "north"}.');
      }
    }
    return {
      name: values.name,
      organization: values.organization || null,
      rate_limit_per_minute: Number(values.rate_limit_per_minute),
      daily_quota: Number(values.daily_quota),
      expires_at: values.expires_at ? new Date(values.expires_at).toISOString() : null,
      ...(metadata !== undefined ? { metadata } : {}),
    };
  }

  async function create() {
    const roles = me().role === 'superadmin' ? ['user', 'admin'] : ['user'];
    const fields = detailFields();
    fields.splice(1, 0, { name: 'owner_email', label: 'Owner email', type: 'email', required: true },
      { name: 'role', label: 'Role', type: 'select', options: roles, value: 'user' });
    const created = await formDialog({
      title: 'Create an API key', submitLabel: 'Create key', fields,
      intro: 'The new key works at once. Its secret is shown once, right after creation.',
      onSubmit: async (values) => {
        try {
          return await client.post('/api/v1/keys', { ...payload(values), owner_email: values.owner_email, role: values.role });
        } catch (error) {
          throw new Error(describeError(error));
        }
      },
    });
    if (!created) return;
    await showSecret({ title: 'Key created', secret: created.api_key, keyName: created.name });
    note(`Key ${created.name} created.`);
    load();
  }

  async function edit(key) {
    const updated = await formDialog({
      title: `Edit key ${key.name}`, submitLabel: 'Save changes', fields: detailFields(key),
      intro: 'Changes apply to every gateway within 2 seconds. The secret stays the same.',
      onSubmit: async (values) => {
        try {
          return await client.patch(`/api/v1/keys/${encodeURIComponent(key.id)}`, payload(values));
        } catch (error) {
          throw new Error(describeError(error));
        }
      },
    });
    if (updated) {
      note(`Key ${updated.name ?? key.name} updated.`);
      load();
    }
  }

  async function rotate(key) {
    const rotated = await formDialog({
      title: `Rotate key ${key.name}`, submitLabel: 'Rotate key',
      intro: 'A new secret replaces the current one. The current secret keeps working for the grace period, then stops. The new secret is shown once.',
      fields: [{ name: 'grace', label: 'Grace period for the current secret (hours, 0 to 24)', type: 'number', min: '0', max: '24', step: '1', value: '1' }],
      onSubmit: async (values) => {
        const hours = Number(values.grace);
        if (!Number.isInteger(hours) || hours < 0 || hours > 24) throw new Error('The grace period must be a whole number of hours from 0 to 24.');
        try {
          return await client.post(`/api/v1/keys/${encodeURIComponent(key.id)}/rotate`, { grace_period_seconds: hours * 3600 });
        } catch (error) {
          throw new Error(describeError(error));
        }
      },
    });
    if (!rotated) return;
    await showSecret({ title: 'Key rotated', secret: rotated.api_key, keyName: key.name });
    note(`Key ${key.name} rotated.`);
    load();
  }

  async function revoke(key) {
    const ok = await confirmAction({
      title: `Revoke key ${key.name}?`, confirmLabel: 'Revoke key',
      consequences: [`${key.name} (${key.owner_email}) stops working on every gateway within 2 seconds.`, 'Revocation cannot be undone: the owner needs a new key.'],
    });
    if (!ok) return;
    try {
      await client.post(`/api/v1/keys/${encodeURIComponent(key.id)}/revoke`, {});
      note(`Key ${key.name} revoked.`);
      load();
    } catch (error) {
      fail(error, 'Could not revoke the key');
    }
  }

  async function remove(key) {
    const ok = await confirmAction({
      title: `Delete key ${key.name}?`, confirmLabel: 'Delete key',
      consequences: [`${key.name} is deleted: it stops working at once and disappears from this list.`, 'Its audit entries are kept. This cannot be undone.'],
    });
    if (!ok) return;
    try {
      await client.delete(`/api/v1/keys/${encodeURIComponent(key.id)}`);
      note(`Key ${key.name} deleted.`);
      load();
    } catch (error) {
      fail(error, 'Could not delete the key');
    }
  }

  filters.addEventListener('submit', (event) => {
    event.preventDefault();
    filter = Object.fromEntries(new FormData(filters));
    page = 0;
    load();
  });
  $('#keys-prev').addEventListener('click', () => {
    page = Math.max(0, page - 1);
    load();
  });
  $('#keys-next').addEventListener('click', () => {
    page += 1;
    load();
  });
  $('#create-key').addEventListener('click', create);
  return { load };
}

function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60000);
  return local.toISOString().slice(0, 16);
}
