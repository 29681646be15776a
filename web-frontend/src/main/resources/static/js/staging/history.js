// Job history: the key's recent jobs, newest first, with thumbnails; a finished job reopens.

import { describeError, listItems, pageInfo } from '../common/api.js';
import { $, formatTime, h, humanize } from '../common/dom.js';

const PAGE_SIZE = 10;

export function createHistory({ client, onOpen, onUnauthorized }) {
  const list = $('#history');
  const message = $('#history-message');
  const more = $('#history-more');
  let page = 0;

  async function load(reset) {
    if (reset) page = 0;
    message.hidden = true;
    try {
      const body = await client.get('/api/v1/staging/jobs', { query: { page, size: PAGE_SIZE } });
      const jobs = listItems(body, 'jobs');
      if (reset) list.replaceChildren();
      list.append(...jobs.map(row));
      if (reset && jobs.length === 0) list.append(h('li', { class: 'hint', text: 'No jobs yet.' }));
      more.hidden = !pageInfo(body, page, PAGE_SIZE, jobs.length).hasNext;
    } catch (error) {
      if (error.status === 401) onUnauthorized(error);
      message.textContent = `Could not load the history: ${describeError(error)}`;
      message.classList.add('error');
      message.hidden = false;
    }
  }

  function row(job) {
    const thumb = (job.images ?? []).find((image) => image.thumbnail_url || image.url);
    const title = `${humanize(job.room_type)} · ${humanize(job.style)}`;
    return h('li', { class: 'history-item', 'data-job-id': job.id },
      thumb
        ? h('img', { class: 'thumb', src: thumb.thumbnail_url ?? thumb.url, alt: `Thumbnail of ${title}`, loading: 'lazy' })
        : h('span', { class: 'thumb placeholder', 'aria-hidden': 'true' }),
      h('div', { class: 'history-text' },
        h('span', { class: 'history-title', text: title }),
        h('span', { class: 'hint', text: `${formatTime(job.created_at)} · ${job.num_images} per photo` })),
      h('span', { class: `status-badge status-${job.status}`, text: humanize(job.status) }),
      h('button', { type: 'button', class: 'secondary small', text: 'Open', 'aria-label': `Open job ${title} from ${formatTime(job.created_at)}`, onclick: () => onOpen(job.id) }));
  }

  $('#history-refresh').addEventListener('click', () => load(true));
  more.addEventListener('click', () => {
    page += 1;
    load(false);
  });
  return { load: () => load(true), clear: () => list.replaceChildren() };
}
