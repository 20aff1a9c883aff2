// The header shared by every page: the application's name, the navigation, who is signed in, sign-out; and the
// page's banner for failures that belong to no field ("Le serveur ne répond pas").
import { el, replace } from './dom.js';
import { get, request, signInUrl } from './api.js';
import { ROLES } from './labels.js';

const NAV = [
  { href: 'index.html', label: 'Dossiers', key: 'dossiers' },
  { href: 'nouveau.html', label: 'Nouvelle demande', key: 'nouveau' },
  { href: 'arrivees.html', label: 'Demandes du portail', key: 'arrivees' },
  { href: 'echeances.html', label: 'Échéances', key: 'echeances' },
  { href: 'budget.html', label: 'Lignes budgétaires', key: 'budget' },
  { href: 'programmes.html', label: 'Programmes', key: 'programmes' },
  { href: 'envois.html', label: 'Envois en échec', key: 'envois' },
  { href: 'orchestrations.html', label: 'Orchestrations', key: 'orchestrations' },
  { href: 'courriels.html', label: 'Courriels (dev)', key: 'courriels' },
  { href: 'roles.html', label: 'Rôles', key: 'roles' },
  { href: '/scalar', label: 'API', key: 'api' },
];

/** Draws the header and asks who is signed in. Resolves to the user ({ name, role, roleLabel }) or null. */
export async function initLayout(current, { needsUser = true } = {}) {
  const header = document.getElementById('entete');
  const user = el('div', { class: 'user', id: 'utilisateur', 'data-testid': 'current-user' });
  replace(header,
    el('div', { class: 'header-inner' },
      el('p', { class: 'brand' },
        el('a', { href: 'index.html', class: 'brand-link' },
          el('span', { class: 'brand-mark', 'aria-hidden': 'true' }),
          el('span', { class: 'brand-name' }, 'Approvals'),
          el('span', { class: 'brand-sub' }, ' — Subventions'))),
      user),
    el('nav', { class: 'main-nav', 'aria-label': 'Navigation principale' },
      el('ul', {}, NAV.map((item) => el('li', {},
        el('a', { href: item.href, 'aria-current': item.key === current ? 'page' : null, id: `nav-${item.key}` }, item.label))))));

  if (!needsUser) return null;
  try {
    const me = await get('/api/me');
    // An administrator assigns roles and runs the clocks but reads no dossier: other pages send them to the roles page.
    if (me.role === 'Administrator' && !['roles', 'orchestrations'].includes(current)) location.assign('roles.html');
    replace(user,
      authoritySwitch(me),
      el('span', { class: 'user-name' }, me.name),
      el('span', { class: 'user-role' }, me.roleLabel ?? ROLES[me.role] ?? me.role),
      el('button', { type: 'button', class: 'button button-secondary button-small', id: 'sign-out', on: { click: signOut } }, 'Se déconnecter'));
    return me;
  } catch (error) {
    // Signed in but given no role: the page that says whom to ask, never a page of empty lists.
    if (error.status === 403 && error.type.endsWith('/identity.no-role')) location.assign('acces.html');
    reportError(error);
    replace(user, el('a', { href: signInUrl(), id: 'sign-in-link' }, 'Se connecter'));
    return null;
  }
}

/**
 * With several authorities, the one the person acts in, and a choice among those where they hold a role: the choice
 * is a cookie the API reads (and checks) on every request, then the page shows the chosen authority's data. With one
 * authority, /api/me lists none and nothing shows.
 */
function authoritySwitch(me) {
  const choices = me.authorities ?? [];
  if (choices.length === 0) return null;
  if (choices.length === 1) return el('span', { class: 'user-authority', 'data-testid': 'current-authority' }, choices[0].name);
  const select = el('select', { id: 'authority-switch', 'data-testid': 'authority-switch', on: { change: () => {
    document.cookie = `approvals-authority=${encodeURIComponent(select.value)}; path=/; SameSite=Lax${location.protocol === 'https:' ? '; Secure' : ''}`;
    location.reload();
  } } }, choices.map((a) => el('option', { value: a.id, selected: a.id === me.authority }, a.name)));
  return el('span', { class: 'user-authority' },
    el('label', { for: 'authority-switch', class: 'visually-hidden' }, 'Collectivité'),
    select);
}

async function signOut() {
  try {
    // OpenID Connect: the session ends here, then at the provider.
    const { data } = await request('/auth/sign-out', { method: 'POST', redirectOn401: false });
    location.assign(data.location);
    return;
  } catch (error) {
    if (error.status !== 404) {
      reportError(error);
      return;
    }
  }
  try {
    await request('/dev/sign-out', { method: 'POST', redirectOn401: false });
    location.assign('connexion.html');
  } catch (error) {
    // Outside development the platform signs people out.
    if (error.status === 404) location.assign('/.auth/logout');
    else reportError(error);
  }
}

/**
 * Fills a list's container from the API: `render` draws what `url` answers; a failure leaves a notice in the
 * container and the reason in the banner; either way the container stops being busy.
 */
export async function loadList(root, url, render) {
  try {
    render(await get(url));
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'La liste ne peut pas être affichée.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

/** Shows a failure in the page's banner (#bandeau, role="alert"). */
export function reportError(error, context = '') {
  const banner = document.getElementById('bandeau');
  if (!banner) return;
  const text = error.status === 0
    ? 'Le serveur ne répond pas. Les informations ne peuvent pas être affichées ; vérifiez que le serveur est démarré puis rechargez la page.'
    : [context, error.title, error.detail].filter(Boolean).join(' — ');
  const title = error.status === 0 ? 'Le serveur ne répond pas' : 'Erreur';
  replace(banner, el('p', { class: 'banner-title' }, title), el('p', {}, text));
  banner.hidden = false;
}

export function clearBanner() {
  const banner = document.getElementById('bandeau');
  if (banner) {
    banner.hidden = true;
    banner.replaceChildren();
  }
}
