// What every portal page shares: calls to the portal's API (a 401 is the page's to handle: the portal has its own
// sign-in, not the agents'), the signed-in address in the header with sign-out.
import { request } from '../../js/api.js';
import { el, replace } from '../../js/dom.js';
import { reportError } from '../../js/layout.js';

export { reportError };

/** Calls the API and returns its JSON; throws ApiError. */
export async function call(path, options = {}) {
  return (await request(path, { ...options, redirectOn401: false })).data;
}

/** The signed-in address ({ email }), or null. */
export async function session() {
  try {
    return await call('/api/portal/me');
  } catch (error) {
    if (error.status === 401) return null;
    throw error;
  }
}

/** The signed-in address, shown in the header with a sign-out button; without a session, back to the portal's home. */
export async function requireSession() {
  const me = await session();
  if (!me) {
    location.assign('index.html');
    return null;
  }
  showUser(me);
  return me;
}

export function showUser(me) {
  replace(document.getElementById('utilisateur'),
    el('span', { class: 'user-name', 'data-testid': 'portal-email' }, me.email),
    el('button', { type: 'button', class: 'button button-secondary button-small', id: 'sign-out', on: { click: signOut } }, 'Se déconnecter'));
}

async function signOut() {
  try {
    await call('/api/portal/session', { method: 'DELETE' });
    location.assign('index.html');
  } catch (error) {
    reportError(error, 'La déconnexion a échoué');
  }
}
