// The catalogue (room types, styles, limits) from GET /api/v1/staging/catalog, tolerant of shape.

import { h, humanize } from '../common/dom.js';

// shown on the style cards when the catalogue carries no description of its own
const STYLE_NOTES = {
  modern: 'Clean lines, neutral colours, sleek furniture.',
  scandinavian: 'Light wood, white walls, cosy textiles.',
  industrial: 'Metal, leather and raw materials.',
  mid_century_modern: 'Organic curves, teak, bold accents.',
  japandi: 'Calm Japanese-Nordic mix, natural wood.',
  coastal: 'Airy blues, linen and rattan.',
  farmhouse: 'Rustic wood, warm whites, vintage touches.',
  bohemian: 'Layered patterns, plants and colour.',
  luxury: 'Rich fabrics, marble and gold details.',
  minimalist: 'Few pieces, open space, quiet palette.',
};

function option(entry) {
  if (typeof entry === 'string') return { id: entry, name: humanize(entry), description: '' };
  const id = entry.id ?? entry.key ?? entry.name;
  return {
    id,
    name: entry.name && entry.name !== id ? entry.name : (entry.label ?? entry.title ?? humanize(id)),
    description: entry.description || STYLE_NOTES[String(id).replace(/-/g, '_')] || '',
  };
}

function entries(value) {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    return Object.entries(value).map(([id, v]) => (typeof v === 'object' ? { id, ...v } : { id, name: String(v) }));
  }
  return [];
}

/** Normalises the catalogue answer into {roomTypes, styles, workflows, limits, simulated}. */
export function readCatalog(body) {
  const limits = body.limits ?? {};
  return {
    roomTypes: entries(body.room_types).map(option),
    styles: entries(body.styles).map(option),
    workflows: entries(body.workflows).map(option),
    defaultWorkflow: body.default_workflow,
    limits: {
      maxUploadBytes: limits.max_upload_bytes ?? limits.max_file_bytes ?? 20 * 1024 * 1024,
      maxImages: limits.max_images ?? limits.max_num_images ?? 10,
      maxFiles: limits.max_files ?? limits.max_photos ?? 20,
      maxPromptLength: limits.max_prompt_length ?? 1000,
    },
    simulated: isSimulated(body),
  };
}

/** True when the backend says (anywhere obvious) that the engine is the simulator. */
export function isSimulated(body) {
  if (!body || typeof body !== 'object') return false;
  if (body.simulated === true || body.engine_simulated === true || body.engine?.simulated === true) return true;
  return entries(body.engines).some((engine) => engine.simulated === true);
}

export function fillRoomTypes(select, roomTypes) {
  select.replaceChildren(...roomTypes.map((room) => h('option', { value: room.id, text: room.name })));
}

/** Style cards: one radio per style, each a labelled card with its short description. */
export function fillStyles(container, styles) {
  container.replaceChildren(...styles.map((style, index) => {
    const id = `style-${style.id}`;
    return h('div', { class: 'style-card' },
      h('input', { type: 'radio', name: 'style', id, value: style.id, checked: index === 0, 'aria-describedby': style.description ? `${id}-desc` : undefined }),
      h('label', { for: id },
        h('span', { class: 'style-name', text: style.name }),
        style.description ? h('span', { class: 'style-desc', id: `${id}-desc`, text: style.description }) : null));
  }));
}
