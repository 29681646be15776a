// Usage: per key (or totals for all keys) over a date range: chart, per-day table, rates, latency.

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
        : await totals(from, to);
      render(answer, from, to);
    } catch (error) {
      if (error.status === 401) onUnauthorized(error);
      message.textContent = `Could not load usage: ${describeError(error)}`;
      message.className = 'message error';
      message.hidden = false;
    }
  }

  /** Totals over every key in the picker: the key manager reports usage per key. */
  async function totals(from, to) {
    const ids = [...select.options].map((o) => o.value).filter(Boolean);
    const reports = [];
    for (let i = 0; i < ids.length; i += 4) {
      const batch = ids.slice(i, i + 4).map((id) => client.get(`/api/v1/keys/${encodeURIComponent(id)}/usage`, { query: { from, to } }));
      reports.push(...await Promise.all(batch));
    }
    const days = new Map();
    let requests = 0;
    let successes = 0;
    let latency = 0;
    let p95 = null;
    for (const report of reports) {
      for (const day of report.days ?? []) {
        const sum = days.get(day.day) ?? { day: day.day, images: 0, requests: 0 };
        sum.images += day.images;
        sum.requests += day.requests;
        days.set(day.day, sum);
      }
      requests += report.requests ?? 0;
      successes += (report.success_rate ?? 0) * (report.requests ?? 0);
      latency += (report.mean_latency_ms ?? 0) * (report.requests ?? 0);
      if (report.p95_latency_ms !== null && report.p95_latency_ms !== undefined) p95 = Math.max(p95 ?? 0, report.p95_latency_ms);
    }
    return {
      days: [...days.values()],
      images: reports.reduce((sum, r) => sum + (r.images ?? 0), 0),
      requests,
      success_rate: requests ? successes / requests : null,
      mean_latency_ms: requests ? latency / requests : null,
      p95_latency_ms: p95,
    };
  }

  function render(answer, from, to) {
    const days = fillDays(from, to, answer.days ?? []);
    const totals = answer;
    const stats = [
      ['Images', totals.images ?? days.reduce((s, d) => s + d.images, 0)],
      ['Requests', totals.requests ?? days.reduce((s, d) => s + d.requests, 0)],
      ['Success rate', percent(totals.success_rate)],
      ['Mean latency', ms(totals.mean_latency_ms)],
      [select.value ? 'p95 latency' : 'p95 latency (worst key)', ms(totals.p95_latency_ms)],
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
