// Audit log (super admin): who did what to which key, when, from where; filtered and paged.

import { describeError, listItems, pageInfo } from '../common/api.js';
import { $, formatTime, h } from '../common/dom.js';

const PAGE_SIZE = 50;

export function createAuditPanel({ client, onUnauthorized }) {
  const form = $('#audit-filters');
  const message = $('#audit-message');
  let page = 0;
  let filter = {};

  async function load() {
    message.hidden = true;
    try {
      const answer = await client.get('/api/v1/audit', { query: { ...filter, page, size: PAGE_SIZE } });
      const events = listItems(answer, 'events');
      $('#audit-body').replaceChildren(...events.map(row));
      if (events.length === 0) $('#audit-body').append(h('tr', {}, h('td', { colspan: '6', text: 'No audit events match these filters.' })));
      const info = pageInfo(answer, page, PAGE_SIZE, events.length);
      $('#audit-page').textContent = `Page ${page + 1}${info.pages ? ` of ${info.pages}` : ''}`;
      $('#audit-prev').disabled = page === 0;
      $('#audit-next').disabled = !info.hasNext;
    } catch (error) {
      if (error.status === 401) onUnauthorized(error);
      message.textContent = `Could not load the audit log: ${describeError(error)}`;
      message.className = 'message error';
      message.hidden = false;
    }
  }

  function row(event) {
    const change = {};
    if (event.before) change.before = event.before;
    if (event.after) change.after = event.after;
    return h('tr', {},
      h('td', { text: formatTime(event.at) }),
      h('td', {}, h('div', { text: event.actor }), event.actor_role ? h('div', { class: 'hint', text: event.actor_role }) : null),
      h('td', { text: event.action }), h('td', { text: event.target ?? '—' }), h('td', { text: event.client_address ?? '—' }),
      h('td', {}, Object.keys(change).length ? h('pre', { class: 'json', text: JSON.stringify(change, null, 1) }) : '—'));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(form));
    // dates are whole UTC days: "to" includes its day
    if (values.from) values.from = `${values.from}T00:00:00Z`;
    if (values.to) values.to = new Date(Date.parse(`${values.to}T00:00:00Z`) + 86400000).toISOString();
    filter = values;
    page = 0;
    load();
  });
  $('#audit-prev').addEventListener('click', () => {
    page = Math.max(0, page - 1);
    load();
  });
  $('#audit-next').addEventListener('click', () => {
    page += 1;
    load();
  });
  return { load };
}
