// Server-Sent Events over fetch(): EventSource cannot send the X-API-Key header.

import { toApiError } from './api.js';

/** Splits a text/event-stream into events, per the WHATWG parsing rules (fields, comments, CRLF). */
export class SseParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
    this.lastEventId = '';
    this.retry = undefined;
  }

  reset() {
    this.type = '';
    this.data = [];
  }

  push(chunk) {
    this.buffer += chunk;
    const lines = this.buffer.split(/\r\n|\r|\n/);
    // the last piece may be an incomplete line (or a lone \r before its \n): keep it
    this.buffer = lines.pop();
    for (const line of lines) this.line(line);
  }

  line(line) {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retry = Number(value);
  }

  dispatch() {
    if (this.data.length === 0) {
      this.reset();
      return;
    }
    const text = this.data.join('\n');
    let data = text;
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
    const event = { type: this.type || 'message', data, id: this.lastEventId };
    this.reset();
    this.onEvent(event);
  }
}

/**
 * Follows an event stream until stop() or a terminal event: reconnects with Last-Event-ID after
 * a dropped connection (the server sends the current state first), gives up on 4xx answers.
 */
export function followEvents(url, { headers, onEvent, onError, isTerminal }) {
  const controller = new AbortController();
  let stopped = false;
  let lastEventId = '';
  let failures = 0;

  async function connect() {
    while (!stopped) {
      const parser = new SseParser((event) => {
        failures = 0;
        onEvent(event);
        if (isTerminal(event)) stop();
      });
      try {
        const requestHeaders = { Accept: 'text/event-stream', ...headers() };
        if (lastEventId) requestHeaders['Last-Event-ID'] = lastEventId;
        const response = await fetch(url, { headers: requestHeaders, signal: controller.signal, cache: 'no-store' });
        if (!response.ok) {
          const error = await toApiError(response);
          if (response.status < 500 && response.status !== 429) {
            onError(error, true);
            return;
          }
          throw error;
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.push(value);
          lastEventId = parser.lastEventId || lastEventId;
        }
      } catch (error) {
        if (stopped || error.name === 'AbortError') return;
        onError(error, false);
      }
      if (stopped) return;
      failures += 1;
      await sleep(parser.retry ?? Math.min(10000, 500 * 2 ** Math.min(failures, 5)));
    }
  }

  function stop() {
    stopped = true;
    controller.abort();
  }

  connect();
  return { stop };
}

function sleep(ms) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}
