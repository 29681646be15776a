// Photo picking: drag and drop or the file dialog, previews, and rejection before upload.

import { formatBytes, h } from '../common/dom.js';

const SIGNATURES = [
  { type: 'JPEG', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'PNG', test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v) },
  { type: 'WebP', test: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
];

function ascii(bytes, from, to) {
  return String.fromCharCode(...bytes.slice(from, to));
}

/** Checks one file by its bytes (not its name or declared type) and size; resolves to a reason or null. */
export async function rejectionReason(file, limits) {
  if (file.size === 0) return 'the file is empty';
  if (file.size > limits.maxUploadBytes) {
    return `too large (${formatBytes(file.size)}; the limit is ${formatBytes(limits.maxUploadBytes)})`;
  }
  const head = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  if (!SIGNATURES.some((signature) => signature.test(head))) {
    return `not a JPEG, PNG or WebP image${file.type ? ` (${file.type})` : ''}`;
  }
  return null;
}

/** Wires the drop zone and file input; keeps the accepted files and their preview URLs. */
export function createPhotoPicker({ input, dropzone, previews, rejections, onChange }) {
  let limits = { maxUploadBytes: 20 * 1024 * 1024, maxFiles: 20 };
  let photos = [];

  async function add(fileList) {
    rejections.replaceChildren();
    for (const file of fileList) {
      const reason = photos.length >= limits.maxFiles
        ? `at most ${limits.maxFiles} photos per job`
        : await rejectionReason(file, limits);
      if (reason) {
        rejections.append(h('li', { class: 'message error' }, h('strong', { text: file.name }), `: rejected, ${reason}.`));
      } else {
        photos.push({ file, url: URL.createObjectURL(file) });
      }
    }
    render();
  }

  function remove(photo) {
    URL.revokeObjectURL(photo.url);
    photos = photos.filter((p) => p !== photo);
    render();
  }

  function render() {
    previews.replaceChildren(...photos.map((photo) => h('li', { class: 'preview' },
      h('img', { src: photo.url, alt: `Preview of ${photo.file.name}` }),
      h('span', { class: 'preview-name', text: `${photo.file.name} (${formatBytes(photo.file.size)})` }),
      h('button', { type: 'button', class: 'secondary small', 'aria-label': `Remove ${photo.file.name}`, text: 'Remove', onclick: () => remove(photo) }))));
    onChange(photos.length);
  }

  input.addEventListener('change', () => {
    add([...input.files]);
    input.value = '';
  });
  for (const type of ['dragenter', 'dragover']) {
    dropzone.addEventListener(type, (event) => {
      event.preventDefault();
      dropzone.classList.add('dragging');
    });
  }
  for (const type of ['dragleave', 'drop']) {
    dropzone.addEventListener(type, () => dropzone.classList.remove('dragging'));
  }
  dropzone.addEventListener('drop', (event) => {
    event.preventDefault();
    add([...event.dataTransfer.files]);
  });

  return {
    files: () => photos.map((p) => p.file),
    /** Object URLs of the accepted photos, used as the "before" images of new jobs. */
    urls: () => photos.map((p) => URL.createObjectURL(p.file)),
    count: () => photos.length,
    add,
    clear() {
      photos.forEach((p) => URL.revokeObjectURL(p.url));
      photos = [];
      rejections.replaceChildren();
      render();
    },
    setLimits(next) {
      limits = { ...limits, ...next };
    },
  };
}
