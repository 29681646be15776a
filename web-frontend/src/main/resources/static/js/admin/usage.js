// Usage: per key, or totals over every key the caller may list, over a date range: chart,
// per-day table, rates, latency.

import { describeError } from '../common/api.js';
import { $, h } from '../common/dom.js';
import { usageChart } from './chart.js';

const DAY_MS = 86400000;

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** The days from..to inclusive, each filled from the answer (missing days count zero). */
function fillDays(from, to, rows) {
  const byDay = new Map(rows.map((row) => [String(row.day ?? row.date).slice(0, 10), row]));
  const days = [];
  for (let t = Date.parse(from); t <= Date.parse(to); t += DAY_MS) {
    const day = isoDay(new Date(t));
    const row = byDay.get(day) ?? {};
    days.push({ day, images: row.images ?? 0, requests: row.requests ?? 0 });
  }
  return days;
}

function percent(rate) {
  if (rate === undefined || rate === null) return '—';
  return `${(rate <= 1 ? rate * 100 : rate).toFixed(1)}%`;
}

function ms(value) {
  return value === undefined || value === null ? '—' : `${Math.round(value)} ms`;
}

export function createUsagePanel({ client, onUnauthorized }) {
  const form = $('#usage-form');
  const select = $('#usage-key');
  const message = $('#usage-message');
  const today = new Date();
  $('#usage-to').value = isoDay(today);
  $('#usage-from').value = isoDay(new Date(today.getTime() - 13 * DAY_MS));

  async function load() {
    const from = $('#usage-from').value;
    const to = $('#usage-to').value;
    message.hidden = true;
    if (!from || !to || from > to) {
      message.textContent = 'Choose a range whose start is not after its end.';
      message.hidden = false;
      return;
    }
    try {
      const answer = select.value
        ? await client.get(`/api/v1/keys/${encodeURIComponent(select.value)}/usage`, { query: { from, to } })
        : await client.get('/api/v1/keys/usage', { query: { from, to } });
      render(answer, from, to);
    } catch (error) {
      if (error.status === 401) onUnauthorized(error);
      message.textContent = `Could not load usage: ${describeError(error)}`;
      message.className = 'message error';
      message.hidden = false;
    }
  }

  function render(answer, from, to) {
    const days = fillDays(from, to, answer.days ?? []);
    const key = select.selectedOptions[0];
    $('#usage-scope').textContent = select.value
      ? `Usage of ${key.text}, ${from} to ${to}`
      : `Totals over every key you can see, ${from} to ${to}`;
    const totals = answer;
    const stats = [
      ['Images', totals.images ?? days.reduce((s, d) => s + d.images, 0)],
      ['Requests', totals.requests ?? days.reduce((s, d) => s + d.requests, 0)],
      ['Success rate', percent(totals.success_rate)],
      ['Mean latency', ms(totals.mean_latency_ms)],
      ['p95 latency', ms(totals.p95_latency_ms)],
    ];
    $('#usage-stats').replaceChildren(...stats.map(([term, value]) => h('div', { class: 'stat' }, h('dt', { text: term }), h('dd', { text: value }))));
    $('#usage-chart').replaceChildren(usageChart(days));
    $('#usage-body').replaceChildren(...days.map((d) => h('tr', {},
      h('td', { text: d.day }), h('td', { text: d.images }), h('td', { text: d.requests }))));
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });

  return {
    load,
    /** Keeps the key picker in step with the keys the console knows. */
    setKeys(keys) {
      const current = select.value;
      select.replaceChildren(h('option', { value: '', text: 'All keys (totals)' }),
        ...keys.map((key) => h('option', { value: key.id, text: `${key.name} (${key.prefix ?? key.id})` })));
      select.value = current;
    },
    show(key) {
      if (![...select.options].some((o) => o.value === key.id)) select.append(h('option', { value: key.id, text: `${key.name} (${key.prefix ?? key.id})` }));
      select.value = key.id;
      load();
    },
  };
}
