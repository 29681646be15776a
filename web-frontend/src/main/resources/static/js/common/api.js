// fetch() wrapper for the gateway's public API: sends the key, parses JSON and problem+json.

const PROBLEM_BASE = 'https://vstage.io/problems/';

/** An HTTP failure with the problem document the server sent (RFC 9457), if any. */
export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.retryAfter = retryAfter;
  }

  /** The last segment of the problem type URI, e.g. "quota-exceeded". */
  get slug() {
    const type = this.problem.type || '';
    return type.startsWith(PROBLEM_BASE) ? type.slice(PROBLEM_BASE.length) : type;
  }
}

/** The server could not be reached at all. */
export class NetworkError extends Error {}

export function createClient(getKey) {
  async function request(method, path, { json, body, query, signal, accept } = {}) {
    const headers = { Accept: accept || 'application/json, application/problem+json' };
    const key = getKey();
    if (key) headers['X-API-Key'] = key;
    let payload = body;
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(json);
    }
    let response;
    try {
      response = await fetch(withQuery(path, query), { method, headers, body: payload, signal, credentials: 'same-origin' });
    } catch (error) {
      if (error.name === 'AbortError') throw error;
      throw new NetworkError('The server cannot be reached. Check your connection and try again.');
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, json, options) => request('POST', path, { ...options, json }),
    patch: (path, json, options) => request('PATCH', path, { ...options, json }),
    delete: (path, options) => request('DELETE', path, options),
    headers: () => (getKey() ? { 'X-API-Key': getKey() } : {}),
  };
}

export function withQuery(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, value);
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

export async function toApiError(response) {
  let problem = null;
  try {
    const text = await response.text();
    problem = text ? JSON.parse(text) : null;
  } catch {
    problem = null;
  }
  return new ApiError(response.status, problem, retryAfterSeconds(response.headers.get('Retry-After')));
}

function retryAfterSeconds(header) {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** A sentence a user can act on, for any failure the API or the network produces. */
export function describeError(error) {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) return error?.message || 'Something went wrong.';
  const detail = error.problem.detail || error.problem.title || '';
  const wait = error.retryAfter !== undefined ? ` Try again in ${formatWait(error.retryAfter)}.` : '';
  switch (error.slug) {
    case 'quota-exceeded':
      return `Daily quota reached: ${detail || 'no images left today.'}${resets(error.problem.resets_at)}`;
    case 'rate-limited':
    case 'too-many-failed-authentications':
      return `Too many requests: ${detail || 'the per-minute limit of this key is reached.'}${wait}`;
    case 'engine-unavailable':
    case 'queue-full':
      return `The staging engine is unavailable: ${detail || 'no engine can take the job now.'}${wait}`;
    case 'upstream-unavailable':
    case 'upstream-timeout':
    case 'key-manager-unavailable':
      return `The service is not reachable right now: ${detail || 'please try again shortly.'}${wait}`;
    default:
      break;
  }
  if (/^(image-|unsupported-image|upload-too-large|no-file|too-many-files)/.test(error.slug)) {
    return `Photo refused: ${detail || 'it is not a usable JPEG, PNG or WebP image.'}`;
  }
  if (error.status === 401) return `This key was refused: ${detail || 'unknown, revoked or expired key.'}`;
  if (error.status === 403) return `Not allowed for this key: ${detail || 'its role does not permit this.'}`;
  if (error.status === 413) return `Photo too large: ${detail || 'the file is over the size limit.'}`;
  if (error.status === 415) return `Not a usable photo: ${detail || 'only JPEG, PNG and WebP images are accepted.'}`;
  if (error.status === 429) return `Limit reached: ${detail || 'too many requests.'}${wait}`;
  if (error.status === 503) return `Service unavailable: ${detail || 'please try again shortly.'}${wait}`;
  const fields = Array.isArray(error.problem.errors)
    ? error.problem.errors.map((e) => [e.field || e.name || e.pointer, e.detail || e.message || e.reason].filter(Boolean).join(': '))
    : [];
  return [detail || `Request failed (HTTP ${error.status}).`, ...fields].join(' ');
}

function resets(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : ` The quota resets at ${date.toLocaleString()}.`;
}

export function formatWait(seconds) {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  return seconds % 60 ? `${minutes} min ${seconds % 60} s` : `${minutes} min`;
}

/** Lists come paged in a few shapes ({items}, Spring's {content}, a bare array): read them all. */
export function listItems(body, ...names) {
  if (Array.isArray(body)) return body;
  for (const name of [...names, 'items', 'content', 'data', 'results']) {
    if (Array.isArray(body?.[name])) return body[name];
  }
  return [];
}

/** Total element count and page count of a paged answer, whichever shape it has. */
export function pageInfo(body, page, size, count) {
  const total = body?.total ?? body?.total_elements ?? body?.totalElements ?? body?.page?.total_elements ?? body?.page?.totalElements;
  const pages = body?.total_pages ?? body?.totalPages ?? body?.page?.total_pages ?? body?.page?.totalPages
    ?? (total !== undefined ? Math.max(1, Math.ceil(total / size)) : undefined);
  return { total, pages, hasNext: pages !== undefined ? page + 1 < pages : count >= size };
}
