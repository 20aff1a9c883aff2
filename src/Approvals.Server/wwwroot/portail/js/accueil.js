// The portal's home: the sign-in form (an e-mail address gets a one-time link), or the signed-in address's requests.
import { el, replace, frenchInstant } from '../../js/dom.js';
import { showErrors, clearErrors } from '../../js/forms.js';
import { call, session, showUser, reportError } from './portal.js';

const me = await session().catch((error) => { reportError(error); return null; });
if (me) {
  showUser(me);
  document.getElementById('espace').hidden = false;
  loadDossiers();
} else {
  document.getElementById('connexion').hidden = false;
}

const form = document.getElementById('link-form');
const summary = document.getElementById('error-summary');
const status = document.getElementById('link-status');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const email = document.getElementById('email').value.trim();
  if (!email) {
    showErrors(form, [{ field: 'email', message: 'Indiquez l’adresse électronique de l’association.' }], { summary });
    return;
  }
  clearErrors(form, summary);
  status.textContent = 'Envoi en cours…';
  try {
    const answer = await call('/api/portal/sign-in', { method: 'POST', json: { email } });
    status.textContent = answer.message;
  } catch (error) {
    status.textContent = '';
    if (error.errors.length) showErrors(form, error.errors, { summary });
    else reportError(error, 'Le lien n’a pas pu être envoyé');
  }
});

async function loadDossiers() {
  const root = document.getElementById('dossiers');
  try {
    const dossiers = await call('/api/portal/dossiers');
    if (!dossiers.length) {
      replace(root, el('p', { class: 'notice' }, 'Vous n’avez encore déposé aucune demande sur ce portail.'));
      return;
    }
    replace(root, el('div', { class: 'table-wrap' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, 'Vos demandes de subvention'),
      el('thead', {}, el('tr', {}, ['Demande', 'Objet', 'Déposée le', 'État'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, dossiers.map((d) => el('tr', { 'data-testid': 'portal-dossier-row' },
        el('td', {}, el('a', { href: `dossier.html?id=${encodeURIComponent(d.dossierId)}` }, d.number)),
        el('td', {}, d.title),
        el('td', {}, frenchInstant(d.submittedAt)),
        el('td', {}, d.stage)))))));
  } catch (error) {
    reportError(error, 'Vos demandes ne peuvent pas être affichées');
  }
}
