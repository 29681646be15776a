// Results: before/after comparison per variation, fullscreen viewer, downloads with useful names.

import { $, h } from '../common/dom.js';

/** Fullscreen viewer in the page's <dialog id="viewer">, with previous/next and arrow keys. */
export function createViewer() {
  const dialog = $('#viewer');
  const image = $('#viewer-image');
  const caption = $('#viewer-caption');
  const prev = $('#viewer-prev');
  const next = $('#viewer-next');
  let items = [];
  let index = 0;

  function show(at) {
    index = (at + items.length) % items.length;
    const item = items[index];
    image.src = item.src;
    image.alt = item.alt;
    caption.textContent = `${item.caption} (${index + 1} of ${items.length})`;
    prev.disabled = items.length < 2;
    next.disabled = items.length < 2;
  }

  prev.addEventListener('click', () => show(index - 1));
  next.addEventListener('click', () => show(index + 1));
  $('#viewer-close').addEventListener('click', () => dialog.close());
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowLeft') show(index - 1);
    else if (event.key === 'ArrowRight') show(index + 1);
  });
  dialog.addEventListener('close', () => image.removeAttribute('src'));

  return {
    open(list, at) {
      items = list;
      show(at);
      dialog.showModal();
      $('#viewer-close').focus();
    },
  };
}

function slug(text) {
  return String(text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'image';
}

/** e.g. staged-living-room-scandinavian-3f2a9c1b-2-seed1234.png */
export function downloadName(job, image, extension) {
  const parts = ['staged', slug(job.room_type), slug(job.style), String(job.id).slice(0, 8), String(image.index + 1)];
  if (image.seed !== undefined && image.seed !== null) parts.push(`seed${image.seed}`);
  return `${parts.join('-')}.${extension}`;
}

/** One variation: the before/after comparison (a range input drives a clip), caption, actions. */
export function resultFigure(job, image, { beforeUrl, onFullscreen, onMoreLikeThis }) {
  const number = image.index + 1;
  const after = h('img', { class: 'after', src: image.url, alt: `Staged variation ${number}`, loading: 'lazy' });
  const stage = h('div', { class: 'compare-stage' });
  const figure = h('figure', { class: 'result', 'data-index': image.index });
  if (beforeUrl) {
    const before = h('img', { class: 'before', src: beforeUrl, alt: `Original photo before staging, variation ${number}` });
    const divider = h('span', { class: 'compare-divider', 'aria-hidden': 'true' });
    const range = h('input', {
      type: 'range', class: 'compare-range', min: '0', max: '100', value: '50', step: '1',
      'aria-label': `Before and after comparison, variation ${number}`, 'aria-valuetext': '50% before',
    });
    const apply = () => {
      const percent = Number(range.value);
      after.style.clipPath = `inset(0 0 0 ${percent}%)`;
      divider.style.left = `${percent}%`;
      range.setAttribute('aria-valuetext', `${percent}% before, ${100 - percent}% after`);
    };
    range.addEventListener('input', apply);
    stage.append(before, after, divider);
    stage.classList.add('comparing');
    figure.append(stage, range);
    apply();
  } else {
    stage.append(after);
    figure.append(stage);
  }
  figure.append(h('figcaption', {},
    h('span', { class: 'result-title', text: `Variation ${number}` }),
    image.seed !== undefined && image.seed !== null ? h('span', { class: 'seed', text: `Seed ${image.seed}` }) : null,
    h('div', { class: 'result-actions' },
      h('button', { type: 'button', class: 'secondary small', text: 'Fullscreen', 'aria-label': `Show variation ${number} fullscreen`, onclick: onFullscreen }),
      h('a', { class: 'button secondary small download-png', href: image.url, download: downloadName(job, image, 'png'), 'aria-label': `Download variation ${number} as PNG`, text: 'PNG' }),
      image.jpeg_url ? h('a', { class: 'button secondary small download-jpeg', href: image.jpeg_url, download: downloadName(job, image, 'jpg'), 'aria-label': `Download variation ${number} as JPEG`, text: 'JPEG' }) : null,
      h('button', { type: 'button', class: 'secondary small more-like-this', text: 'Generate more like this', onclick: onMoreLikeThis }))));
  return figure;
}
