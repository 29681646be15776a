// One job on screen: status, queue position, a progress bar per image, cancel, results.

import { ApiError, describeError } from '../common/api.js';
import { formatTime, h, humanize } from '../common/dom.js';
import { followEvents } from '../common/sse.js';
import { resultFigure } from './gallery.js';

const TERMINAL = new Set(['completed', 'failed', 'cancelled']);
const UNDELIVERED = new Set(['failed', 'cancelled']);
const STATUS_TEXT = { queued: 'Queued', running: 'Running', completed: 'Completed', failed: 'Failed', cancelled: 'Cancelled' };

/**
 * Renders a job and keeps it live through its event stream. context: client, viewer,
 * beforeUrls (object URLs of the uploaded photos, when this tab uploaded them), simulated,
 * onFinished(job), onMoreLikeThis(job), onUnauthorized(error).
 */
export class JobCard {
  constructor(job, context) {
    this.job = job;
    this.context = context;
    this.progress = new Map();
    this.stream = null;
    this.build();
    this.render();
    if (!TERMINAL.has(job.status)) this.follow();
  }

  build() {
    this.title = h('h3', {});
    this.statusBadge = h('span', { class: 'status-badge' });
    this.simBadge = h('span', { class: 'badge simulated', text: 'Engine simulated', hidden: true });
    this.meta = h('p', { class: 'job-meta' });
    this.queue = h('p', { class: 'queue-position', role: 'status', hidden: true });
    this.bars = h('ol', { class: 'image-progress', 'aria-label': 'Progress per image' });
    this.message = h('p', { class: 'message error', role: 'alert', hidden: true });
    this.cancelButton = h('button', { type: 'button', class: 'danger cancel-job', text: 'Cancel job', onclick: () => this.cancel() });
    this.gallery = h('div', { class: 'gallery' });
    this.element = h('article', { class: 'job', 'data-job-id': this.job.id, 'aria-labelledby': `job-${this.job.id}-title` },
      h('div', { class: 'job-head' }, this.title, this.statusBadge, this.simBadge),
      this.meta, this.queue, this.bars, this.message,
      h('div', { class: 'job-actions' }, this.cancelButton), this.gallery);
    this.title.id = `job-${this.job.id}-title`;
  }

  follow() {
    const { client } = this.context;
    const url = this.job.links?.events || `/api/v1/staging/jobs/${encodeURIComponent(this.job.id)}/events`;
    this.stream = followEvents(url, {
      headers: client.headers,
      onEvent: (event) => this.apply(event),
      onError: (error, fatal) => {
        if (error instanceof ApiError && error.status === 401) this.context.onUnauthorized(error);
        if (fatal) this.showError(`Live progress stopped: ${describeError(error)}`);
      },
      isTerminal: (event) => TERMINAL.has(event.type),
    });
  }

  /** Applies one server-sent event; terminal events re-read the job for its final state. */
  apply({ type, data }) {
    const body = data && typeof data === 'object' ? data : {};
    const snapshot = body.job ?? (body.id === this.job.id && body.status ? body : null);
    if (snapshot) this.job = { ...this.job, ...snapshot };
    if (body.simulated === true || body.engine_simulated === true) this.job.simulated = true;
    switch (type) {
      case 'queued':
        this.job.status = 'queued';
        this.job.queue_position = body.position ?? body.queue_position ?? this.job.queue_position;
        break;
      case 'started':
        this.job.status = 'running';
        break;
      case 'progress':
        this.job.status = 'running';
        this.trackProgress(body);
        break;
      case 'image_ready':
        this.mergeImage(body.image ?? body);
        break;
      case 'completed':
      case 'failed':
      case 'cancelled':
        this.job.status = type;
        if (type === 'failed') this.job.error = body.reason ?? body.error ?? body.detail ?? this.job.error;
        this.refreshFinal();
        break;
      default:
        break;
    }
    this.render();
  }

  trackProgress(body) {
    const index = body.index ?? body.image_index ?? 0;
    const percent = body.percent ?? body.progress ?? (body.max ? Math.round((100 * body.step) / body.max) : 0);
    this.progress.set(index, { percent, step: body.step, steps: body.steps ?? body.max });
    if (typeof body.job_progress === 'number') this.job.progress = body.job_progress;
  }

  mergeImage(image) {
    if (image.index === undefined) return;
    const images = [...(this.job.images ?? [])];
    const at = images.findIndex((i) => i.index === image.index);
    const merged = { ...(at >= 0 ? images[at] : {}), ...image, status: image.status ?? 'done' };
    if (at >= 0) images[at] = merged;
    else images.push(merged);
    images.sort((a, b) => a.index - b.index);
    this.job.images = images;
    this.progress.set(image.index, { percent: 100 });
  }

  async refreshFinal() {
    try {
      this.job = await this.context.client.get(`/api/v1/staging/jobs/${encodeURIComponent(this.job.id)}`);
      this.render();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.context.onUnauthorized(error);
    }
    this.context.onFinished(this.job);
  }

  async cancel() {
    this.cancelButton.disabled = true;
    try {
      const cancel = this.job.links?.cancel || `/api/v1/staging/jobs/${encodeURIComponent(this.job.id)}`;
      const body = await this.context.client.delete(cancel);
      if (body && body.status) this.apply({ type: body.status === 'cancelled' ? 'cancelled' : 'snapshot', data: body });
    } catch (error) {
      this.cancelButton.disabled = false;
      if (error instanceof ApiError && error.status === 401) this.context.onUnauthorized(error);
      this.showError(`Could not cancel: ${describeError(error)}`);
    }
  }

  showError(text) {
    this.message.textContent = text;
    this.message.hidden = false;
  }

  render() {
    const { job } = this;
    this.element.dataset.status = job.status;
    this.title.textContent = `${humanize(job.room_type)} · ${humanize(job.style)}`;
    this.statusBadge.textContent = STATUS_TEXT[job.status] ?? humanize(job.status);
    this.statusBadge.className = `status-badge status-${job.status}`;
    this.simBadge.hidden = !(job.simulated || this.context.simulated);
    const seed = job.seed !== undefined && job.seed !== null ? ` · seed ${job.seed}` : '';
    this.meta.textContent = `${job.num_images} variation${job.num_images === 1 ? '' : 's'} per photo · started ${formatTime(job.created_at)}${seed} · job ${job.id}`;
    this.queue.hidden = !(job.status === 'queued' && job.queue_position !== undefined && job.queue_position !== null);
    this.queue.textContent = `Waiting in the queue: position ${job.queue_position}.`;
    this.cancelButton.hidden = TERMINAL.has(job.status);
    this.renderBars();
    if (job.status === 'failed') this.showError(`The job failed: ${job.error?.detail ?? job.error?.message ?? job.error ?? 'no reason given'}.`);
    if (job.status === 'cancelled') this.showError('The job was cancelled. Images not delivered were refunded to your quota.');
    this.renderGallery();
  }

  imageCount() {
    const photos = this.job.input_count ?? this.context.photoCount ?? 1;
    return Math.max(this.job.images?.length ?? 0, this.job.num_images * photos);
  }

  renderBars() {
    const items = [];
    for (let index = 0; index < this.imageCount(); index += 1) {
      const image = this.job.images?.find((i) => i.index === index);
      const live = this.progress.get(index);
      const done = Boolean(image?.url) && !UNDELIVERED.has(image.status);
      const percent = done ? 100 : (live?.percent ?? 0);
      let state = done ? 'ready' : `${percent}%`;
      if (image?.status === 'failed') state = `failed: ${image.error ?? 'no reason given'}`;
      else if (image?.status === 'cancelled') state = 'cancelled';
      else if (!done && image?.status === 'pending' && this.job.status === 'queued') state = 'waiting';
      items.push(h('li', { class: 'bar', 'data-index': index },
        h('span', { class: 'bar-label', text: `Image ${index + 1}` }),
        h('progress', { max: '100', value: String(percent), 'aria-label': `Image ${index + 1} progress` }),
        h('span', { class: 'bar-state', text: state })));
    }
    this.bars.replaceChildren(...items);
  }

  renderGallery() {
    const ready = (this.job.images ?? []).filter((image) => image.url && !UNDELIVERED.has(image.status));
    const shown = new Set([...this.gallery.children].map((figure) => Number(figure.dataset.index)));
    if (ready.every((image) => shown.has(image.index)) && ready.length === shown.size) return;
    const viewerItems = ready.map((image) => ({ src: image.url, alt: `Staged variation ${image.index + 1}`, caption: `Variation ${image.index + 1}` }));
    this.gallery.replaceChildren(...ready.map((image, position) => resultFigure(this.job, image, {
      beforeUrl: this.beforeUrl(image),
      onFullscreen: () => this.context.viewer.open(viewerItems, position),
      onMoreLikeThis: () => this.context.onMoreLikeThis(this.job),
    })));
  }

  beforeUrl(image) {
    const photo = image.input_index ?? Math.floor(image.index / Math.max(1, this.job.num_images));
    return this.context.beforeUrls?.[photo] || this.job.input_urls?.[photo] || null;
  }

  stop() {
    this.stream?.stop();
  }
}
