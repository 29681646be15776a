// Modal <dialog>s: confirmations that say what will happen, forms, and show-once secrets.

import { h, uid } from '../common/dom.js';

function modal(className, titleText, ...content) {
  const titleId = uid('dialog-title');
  const dialog = h('dialog', { class: className, 'aria-labelledby': titleId },
    h('h2', { id: titleId, text: titleText }), ...content);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  return dialog;
}

/** Asks before a change; resolves true when confirmed. consequences: sentences of what happens. */
export function confirmAction({ title, consequences, confirmLabel, danger = true, extra = null }) {
  return new Promise((resolve) => {
    const confirm = h('button', { type: 'submit', class: danger ? 'danger' : '', value: 'confirm', text: confirmLabel });
    const form = h('form', { method: 'dialog' },
      ...consequences.map((text) => h('p', { text })), extra,
      h('div', { class: 'dialog-actions' },
        h('button', { type: 'submit', class: 'secondary', value: 'cancel', text: 'Cancel', formnovalidate: true }), confirm));
    const dialog = modal('confirm', title, form);
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'confirm'));
    dialog.showModal();
  });
}

/**
 * A form in a dialog. fields: [{name, label, type, value, options, required, min, max, hint}].
 * onSubmit(values) may throw: its message is shown and the dialog stays open.
 */
export function formDialog({ title, intro, fields, submitLabel, onSubmit }) {
  return new Promise((resolve) => {
    const message = h('p', { class: 'message error', role: 'alert', hidden: true });
    const inputs = new Map();
    const rows = fields.map((field) => {
      const id = uid(`f-${field.name}`);
      const hintId = field.hint ? `${id}-hint` : undefined;
      const control = field.type === 'select'
        ? h('select', { id, name: field.name }, field.options.map((o) => h('option', { value: o, text: o, selected: o === field.value })))
        : field.type === 'textarea'
          ? h('textarea', { id, name: field.name, rows: '3' })
          : h('input', { id, name: field.name, type: field.type ?? 'text', required: field.required, min: field.min, max: field.max, step: field.step, 'aria-describedby': hintId });
      if (field.type !== 'select') control.value = field.value ?? '';
      inputs.set(field.name, control);
      return h('div', { class: 'field' }, h('label', { for: id, text: field.label }), control,
        field.hint ? h('p', { class: 'hint', id: hintId, text: field.hint }) : null);
    });
    const submit = h('button', { type: 'submit', text: submitLabel });
    const cancel = h('button', { type: 'button', class: 'secondary', text: 'Cancel' });
    const form = h('form', { novalidate: true }, intro ? h('p', { text: intro }) : null, ...rows, message,
      h('div', { class: 'dialog-actions' }, cancel, submit));
    const dialog = modal('form-dialog', title, form);
    let result = null;
    cancel.addEventListener('click', () => dialog.close());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const values = Object.fromEntries([...inputs].map(([name, control]) => [name, control.value.trim()]));
      submit.disabled = true;
      try {
        result = await onSubmit(values);
        dialog.close();
      } catch (error) {
        message.textContent = error.message;
        message.hidden = false;
      } finally {
        submit.disabled = false;
      }
    });
    dialog.addEventListener('close', () => resolve(result));
    dialog.showModal();
  });
}

/** Shows a new secret once, with a copy button and the warning that it will not be shown again. */
export function showSecret({ title, secret, keyName }) {
  return new Promise((resolve) => {
    const id = uid('secret');
    const field = h('input', { id, type: 'text', readonly: true, class: 'secret-value', spellcheck: 'false' });
    field.value = secret;
    const copied = h('span', { role: 'status', class: 'hint' });
    const copy = h('button', { type: 'button', class: 'secondary copy-secret', text: 'Copy' });
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(secret);
      } catch {
        field.select();
        document.execCommand('copy');
      }
      copied.textContent = 'Copied to the clipboard.';
    });
    const done = h('button', { type: 'button', text: 'I have stored the key' });
    const dialog = modal('confirm secret-dialog', title,
      h('p', { class: 'message warning', text: 'This is the only time the secret is shown. Copy it now and store it safely: it cannot be displayed again, only rotated.' }),
      h('label', { for: id, text: `Secret of ${keyName}` }),
      h('div', { class: 'secret' }, field, copy), copied,
      h('div', { class: 'dialog-actions' }, done));
    done.addEventListener('click', () => dialog.close());
    dialog.addEventListener('close', () => resolve());
    dialog.showModal();
    field.select();
  });
}
