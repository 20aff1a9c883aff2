// Why this person cannot use Approvals: a refused sign-in (?echec=connexion), or a sign-in with no role, with whom
// to ask (the server's message); a person who has a role is sent on to the dossiers.
import { el, replace, queryParam } from './dom.js';
import { request } from './api.js';
import { initLayout } from './layout.js';

initLayout('', { needsUser: false });
const root = document.getElementById('acces');
show().finally(() => root.removeAttribute('aria-busy'));

async function show() {
  if (queryParam('echec') === 'connexion') {
    replace(root,
      el('p', { 'data-testid': 'sign-in-failed' },
        "La connexion n'a pas abouti : la réponse du fournisseur d'identité a été refusée (jeton invalide, expiré ou déjà utilisé). "
        + "Aucune session n'a été ouverte. Réessayez ; si le refus se répète, prévenez l'administrateur d'Approvals."),
      el('p', {}, el('a', { class: 'button', href: '/auth/sign-in', id: 'sign-in-again' }, 'Réessayer')));
    return;
  }
  try {
    const { data } = await request('/api/me', { redirectOn401: false });
    replace(root, el('p', {}, `Vous êtes connecté(e) en tant que ${data.name} (${data.roleLabel}). `,
      el('a', { href: 'index.html' }, 'Accéder aux dossiers')));
  } catch (error) {
    if (error.status === 401) {
      replace(root, el('p', {}, 'Vous n’êtes pas connecté(e). ', el('a', { href: '/connexion.html' }, 'Se connecter')));
    } else {
      replace(root,
        el('p', { class: 'banner-title' }, error.title || 'Accès refusé'),
        el('p', { 'data-testid': 'no-role' }, error.detail || 'Vous n’avez accès à rien dans Approvals.'));
    }
  }
}
