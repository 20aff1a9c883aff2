// The JSON API client: problem+json becomes an ApiError, a missing identity sends the user to the sign-in page,
// every POST carries an Idempotency-Key that is reused when the same submission is retried after a failure.

/** A refused or failed call. status 0: the server could not be reached. */
export class ApiError extends Error {
  constructor({ status = 0, title = '', detail = '', errors = [], type = '' } = {}) {
    super(detail || title || `Erreur ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.type = type;
    this.errors = Array.isArray(errors) ? errors : [];
  }
}

export const UNREACHABLE = 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.';

/** Sent with every request that changes something: the server refuses a POST without it (CSRF), and a page of another site cannot send it. */
export const ORIGIN_HEADER = 'X-Approvals-Request';

/** A v4 UUID; crypto.randomUUID exists only in secure contexts (an intranet may serve plain HTTP). */
export function newKey() {
  if (globalThis.crypto?.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// Keys of submissions that got no definitive answer (network failure, 5xx): the same submission reuses its key,
// so the server answers a retry with the first outcome instead of doing the work twice.
const pendingKeys = new Map();

/** The key for a POST of `body` to `path`: the pending one of an identical earlier attempt, or a new one. */
export function keyFor(path, bodyText) {
  const submission = `${path}\n${bodyText}`;
  if (!pendingKeys.has(submission)) pendingKeys.set(submission, newKey());
  return { key: pendingKeys.get(submission), settle: () => pendingKeys.delete(submission) };
}

/** Where the sign-in page sends the user back to. */
export function signInUrl(back = location.pathname + location.search) {
  return `connexion.html?retour=${encodeURIComponent(back)}`;
}

/**
 * Calls the API. options: method, json (body sent as JSON), form (URLSearchParams or FormData), ifMatch (ETag).
 * Returns { data, etag, status, location }. Throws ApiError.
 */
export async function request(path, { method = 'GET', json, form, ifMatch, redirectOn401 = true } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  let body;
  if (json !== undefined) {
    body = JSON.stringify(json);
    headers['Content-Type'] = 'application/json';
  } else if (form !== undefined) {
    body = form;
  }
  let pending = null;
  if (method !== 'GET' && method !== 'HEAD') headers[ORIGIN_HEADER] = '1';
  if (method === 'POST') {
    pending = keyFor(path, typeof body === 'string' ? body : form instanceof URLSearchParams ? form.toString() : newKey());
    headers['Idempotency-Key'] = pending.key;
  }
  if (ifMatch) headers['If-Match'] = ifMatch;

  let response;
  try {
    response = await fetch(path, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError({ status: 0, title: 'Le serveur ne répond pas', detail: UNREACHABLE });
  }
  if (pending && response.status < 500) pending.settle();

  if (response.status === 401 && redirectOn401) {
    location.assign(signInUrl());
    throw new ApiError({ status: 401, title: 'Connexion requise', detail: 'Connectez-vous pour continuer.' });
  }
  const data = await readBody(response);
  if (!response.ok) throw toError(response.status, data);
  return { data, etag: response.headers.get('ETag'), status: response.status, location: response.headers.get('Location') };
}

/** GET and return the JSON. */
export async function get(path) {
  return (await request(path)).data;
}

/** POST JSON and return the JSON answer. */
export async function post(path, json, ifMatch) {
  return (await request(path, { method: 'POST', json, ifMatch })).data;
}

async function readBody(response) {
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
  return text;
}

/** A failed response as an ApiError, with French defaults when the server sent no problem document. */
export function toError(status, data) {
  const problem = data && typeof data === 'object' ? data : {};
  const fallback = {
    400: 'La demande est mal formée.',
    403: "Votre rôle ne permet pas cette action.",
    404: "Ce dossier ou cette ressource n'existe pas.",
    409: 'Le dossier a changé entre-temps ou cette action n’est pas possible à ce stade : rechargez la page.',
    413: 'Le fichier est trop volumineux.',
    422: 'Certaines informations sont invalides.',
    503: 'Le stockage ne répond pas à temps : réessayez dans un instant.',
  }[status] ?? (status >= 500 ? 'Erreur du serveur : réessayez dans un instant.' : `Erreur ${status}.`);
  return new ApiError({
    status,
    title: problem.title ?? '',
    detail: problem.detail ?? (problem.title ? '' : fallback),
    errors: problem.errors ?? [],
    type: problem.type ?? '',
  });
}
