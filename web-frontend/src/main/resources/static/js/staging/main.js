// The staging app: key entry, the new-job form, live jobs and history.

import { ApiError, describeError } from '../common/api.js';
import { $, focusTarget } from '../common/dom.js';
import { mountKeyEntry } from '../common/keyentry.js';
import { fillRoomTypes, fillStyles, readCatalog } from './catalog.js';
import { createViewer } from './gallery.js';
import { createHistory } from './history.js';
import { JobCard } from './job.js';
import { createPhotoPicker } from './photos.js';

const app = $('#app');
const form = $('#job-form');
const formMessage = $('#form-message');
const variations = $('#variations');
const cards = new Map();
let catalog = null;

const session = mountKeyEntry($('#key-entry'), {
  storageKey: 'vstage.stagingKey',
  allowedRoles: null,
  roleRefusal: () => '',
  onSignedIn: () => {
    app.hidden = false;
    loadCatalog();
    history.load();
  },
  onSignedOut: () => {
    app.hidden = true;
    for (const card of cards.values()) card.stop();
    cards.clear();
    $('#jobs').replaceChildren();
    $('#jobs-empty').hidden = false;
    history.clear();
  },
  onMe: () => updateQuotaHint(),
});
const { client } = session;
const viewer = createViewer();
const picker = createPhotoPicker({
  input: $('#photos'), dropzone: $('#dropzone'), previews: $('#previews'), rejections: $('#rejections'),
  onChange: () => updateQuotaHint(),
});
const history = createHistory({ client, onOpen: (id) => reopen(id), onUnauthorized });

function onUnauthorized(error) {
  session.refuse(error);
}

async function loadCatalog() {
  try {
    catalog = readCatalog(await client.get('/api/v1/staging/catalog'));
    fillRoomTypes($('#room-type'), catalog.roomTypes);
    fillStyles($('#style-cards'), catalog.styles);
    picker.setLimits({ maxUploadBytes: catalog.limits.maxUploadBytes, maxFiles: catalog.limits.maxFiles });
    $('#photos-hint').textContent = `JPEG, PNG or WebP, up to ${Math.round(catalog.limits.maxUploadBytes / 1048576)} MB each.`;
    $('#catalog-simulated').hidden = !catalog.simulated;
    updateQuotaHint();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
    else showFormMessage(`Could not load room types and styles: ${describeError(error)}`);
  }
}

/** Caps the variations by the quota left, spread over the selected photos. */
function updateQuotaHint() {
  const me = session.me();
  const maxImages = catalog?.limits.maxImages ?? 10;
  const photos = Math.max(1, picker.count());
  const left = me?.remaining_today;
  const cap = left === null || left === undefined ? maxImages : Math.min(maxImages, Math.floor(left / photos));
  variations.max = String(Math.max(1, cap));
  if (Number(variations.value) > cap && cap >= 1) variations.value = String(cap);
  $('#variations-hint').textContent = left === null || left === undefined
    ? `1 to ${maxImages}.`
    : `1 to ${Math.max(0, cap)}: ${left} image${left === 1 ? '' : 's'} left today for ${photos} photo${photos === 1 ? '' : 's'}.`;
}

function showFormMessage(text, kind = 'error') {
  formMessage.textContent = text;
  formMessage.className = `message ${kind}`;
  formMessage.hidden = false;
}

/** Checks the form before any upload; returns a reason or null. */
function formProblem(files, count) {
  if (files.length === 0) return 'Choose at least one room photo.';
  if (!form.querySelector('input[name=style]:checked')) return 'Choose a style.';
  if (!Number.isInteger(count) || count < 1 || count > (catalog?.limits.maxImages ?? 10)) {
    return `Variations must be a whole number from 1 to ${catalog?.limits.maxImages ?? 10}.`;
  }
  const left = session.me()?.remaining_today;
  if (left !== null && left !== undefined && files.length * count > left) {
    return left === 0
      ? 'Daily quota reached: no images left today. Your quota resets at the time shown above.'
      : `Not enough quota left: ${files.length * count} images asked, ${left} left today.`;
  }
  const seed = $('#seed').value.trim();
  if (seed && !/^\d+$/.test(seed)) return 'The seed must be a whole number (or empty for a random one).';
  return null;
}

async function submit(settings, files, beforeUrls) {
  const data = new FormData();
  for (const file of files) data.append('image', file, file.name);
  data.append('room_type', settings.room_type);
  data.append('style', settings.style);
  if (settings.prompt) data.append('prompt', settings.prompt);
  data.append('num_images', String(settings.num_images));
  if (settings.seed !== undefined && settings.seed !== '') data.append('seed', String(settings.seed));
  if (settings.label) data.append('label', 'Virtually staged');
  const body = await client.request('POST', '/api/v1/staging/jobs', { body: data });
  const jobs = Array.isArray(body?.jobs) ? body.jobs : [body];
  jobs.forEach((job, i) => show(job, { beforeUrls: jobs.length > 1 ? [beforeUrls[i]] : beforeUrls, files: jobs.length > 1 ? [files[i]] : files, settings }));
  session.refresh();
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  formMessage.hidden = true;
  const files = picker.files();
  const count = Number(variations.value);
  const problem = formProblem(files, count);
  if (problem) {
    showFormMessage(problem);
    return;
  }
  const settings = {
    room_type: $('#room-type').value,
    style: form.querySelector('input[name=style]:checked').value,
    prompt: $('#prompt').value.trim(),
    num_images: count,
    seed: $('#seed').value.trim(),
    label: $('#label').checked,
  };
  const button = $('#submit-job');
  button.disabled = true;
  showFormMessage('Uploading…', 'info');
  try {
    await submit(settings, files, picker.urls());
    formMessage.hidden = true;
    picker.clear();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
    showFormMessage(describeError(error));
  } finally {
    button.disabled = false;
  }
});

/** Adds (or brings forward) a job card; files and settings allow "generate more like this". */
function show(job, { beforeUrls, files, settings } = {}) {
  let card = cards.get(job.id);
  if (!card) {
    card = new JobCard(job, {
      client, viewer, beforeUrls, simulated: catalog?.simulated, photoCount: files?.length,
      onFinished: () => {
        session.refresh();
        history.load();
      },
      onMoreLikeThis: (finished) => moreLikeThis(finished, files, beforeUrls, settings),
      onUnauthorized,
    });
    cards.set(job.id, card);
    $('#jobs').prepend(card.element);
    $('#jobs-empty').hidden = true;
  }
  focusTarget(card.element);
  return card;
}

async function reopen(id) {
  try {
    show(await client.get(`/api/v1/staging/jobs/${encodeURIComponent(id)}`));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
    $('#history-message').textContent = `Could not open the job: ${describeError(error)}`;
    $('#history-message').hidden = false;
  }
}

async function fetchPhoto(url, index) {
  const blob = await (await fetch(url)).blob();
  return new File([blob], `photo-${index + 1}.${blob.type.split('/')[1] || 'png'}`, { type: blob.type });
}

/** Same photo and settings, new seeds (no seed sent). */
async function moreLikeThis(job, files, beforeUrls, settings) {
  let photos = files;
  if (!photos?.length) {
    const url = job.input_urls?.find(Boolean);
    if (url) photos = [await fetchPhoto(url, 0)];
  }
  const same = settings ?? { room_type: job.room_type, style: job.style, prompt: job.prompt ?? '', num_images: job.num_images, label: Boolean(job.label) };
  if (!files?.length && job.input_urls?.length > 1) photos = await Promise.all(job.input_urls.filter(Boolean).map(fetchPhoto));
  if (!photos?.length) {
    showFormMessage('Pick the photo again to generate more like this: the settings are filled in.', 'info');
    $('#room-type').value = same.room_type;
    const style = form.querySelector(`input[name=style][value="${CSS.escape(same.style)}"]`);
    if (style) style.checked = true;
    $('#prompt').value = same.prompt ?? '';
    variations.value = String(same.num_images);
    $('#seed').value = '';
    focusTarget($('#new-job-heading'));
    return;
  }
  try {
    await submit({ ...same, seed: '' }, photos, beforeUrls ?? photos.map((p) => URL.createObjectURL(p)));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) onUnauthorized(error);
    showFormMessage(describeError(error));
    focusTarget(formMessage);
  }
}
