// Engines: each ComfyUI instance's health, queue and the preflight report by name.

import { describeError, listItems } from '../common/api.js';
import { $, h } from '../common/dom.js';

export function createEnginesPanel({ client, onUnauthorized }) {
  const list = $('#engines');
  const message = $('#engines-message');

  async function load() {
    message.hidden = true;
    try {
      const answer = await client.get('/api/v1/staging/engines');
      const engines = listItems(answer, 'engines', 'instances');
      list.replaceChildren(...engines.map(card));
      if (engines.length === 0) list.append(h('p', { class: 'hint', text: 'No engine is configured.' }));
    } catch (error) {
      if (error.status === 401) onUnauthorized(error);
      message.textContent = `Could not read the engines: ${describeError(error)}`;
      message.className = 'message error';
      message.hidden = false;
    }
  }

  function card(engine) {
    const facts = [
      ['Queue running', engine.queue_running ?? '—'],
      ['Queue pending', engine.queue_pending ?? '—'],
      ['In flight from us', engine.inflight ?? '—'],
    ];
    return h('article', { class: 'card engine' },
      h('h3', { text: engine.url }),
      h('p', {},
        h('span', { class: `status-badge ${engine.healthy ? 'status-ok' : 'status-down'}`, text: engine.healthy ? 'Healthy' : 'Unreachable' }),
        ' ', engine.simulated ? h('span', { class: 'badge simulated', text: 'Simulated engine' }) : null),
      h('dl', {}, ...facts.flatMap(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })])),
      h('h4', { text: 'Preflight' }), preflight(engine.preflight ?? {}));
  }

  function preflight(report) {
    const workflows = Object.entries(report);
    if (workflows.length === 0) return h('p', { class: 'hint', text: 'No preflight report yet.' });
    return h('ul', { class: 'preflight' }, ...workflows.map(([workflow, result]) => {
      const nodes = result.missing_nodes ?? [];
      const models = result.missing_models ?? [];
      return h('li', {},
        h('strong', { text: workflow }), ': ',
        h('span', { class: `status-badge ${result.ok ? 'status-ok' : 'status-down'}`, text: result.ok ? 'ready' : 'cannot run' }),
        nodes.length ? h('p', {}, 'Missing custom nodes: ', h('span', { text: nodes.join(', ') })) : null,
        models.length ? h('p', {}, 'Missing models: ', h('span', { text: models.map((m) => (typeof m === 'string' ? m : `${m.folder}/${m.name}`)).join(', ') })) : null);
    }));
  }

  $('#engines-refresh').addEventListener('click', load);
  return { load };
}
