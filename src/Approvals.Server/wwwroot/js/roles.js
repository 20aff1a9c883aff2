// Role assignments kept by Approvals (GET/PUT/DELETE /api/role-assignments) and their audit register
// (GET /api/role-audit), for administrators.
import { el, replace, frenchInstant } from './dom.js';
import { get, request } from './api.js';
import { initLayout, reportError } from './layout.js';
import { showErrors, clearErrors } from './forms.js';
import { ROLES } from './labels.js';

const form = document.getElementById('assign-form');
const summary = document.getElementById('error-summary');
const status = document.getElementById('status');
const assignments = document.getElementById('assignments');
const audit = document.getElementById('audit');
const user = await initLayout('roles');
if (user?.role === 'Administrator') load();
else {
  form.hidden = true;
  const notice = el('p', { class: 'notice', 'data-testid': 'administrators-only' }, 'Cette page est réservée aux administrateurs d’Approvals.');
  replace(assignments, notice);
  audit.replaceChildren();
  assignments.removeAttribute('aria-busy');
  audit.removeAttribute('aria-busy');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const person = document.getElementById('assign-person').value.trim();
  if (!person) {
    showErrors(form, [{ field: 'person', message: "Indiquez l'adresse électronique ou l'identifiant de la personne." }], { summary });
    return;
  }
  clearErrors(form, summary);
  const role = document.getElementById('assign-role').value;
  try {
    await request(`/api/role-assignments/${encodeURIComponent(person)}`, { method: 'PUT', json: { role } });
    status.textContent = `Rôle « ${ROLES[role]} » attribué à ${person}.`;
    form.reset();
  } catch (error) {
    if (error.errors.length) showErrors(form, error.errors, { summary });
    else reportError(error, "L'attribution a échoué");
  }
  load();
});

async function remove(assignment) {
  try {
    await request(`/api/role-assignments/${encodeURIComponent(assignment.person)}`, { method: 'DELETE' });
    status.textContent = `Rôle retiré à ${assignment.person}.`;
  } catch (error) {
    reportError(error, 'Le retrait a échoué');
  }
  load();
}

async function load() {
  try {
    const [people, changes] = await Promise.all([get('/api/role-assignments'), get('/api/role-audit')]);
    replace(assignments, people.length
      ? table('Rôles attribués', ['Personne', 'Rôle', 'Attribué par', 'Le', ''], people.map((a) => el('tr', { 'data-testid': 'role-assignment' },
        el('td', {}, a.person), el('td', {}, a.roleLabel), el('td', {}, a.assignedBy), el('td', {}, frenchInstant(a.assignedAt)),
        el('td', {}, el('button', { type: 'button', class: 'button-small button-secondary', on: { click: () => remove(a) } }, 'Retirer')))))
      : el('p', { class: 'empty' }, 'Aucun rôle attribué.'));
    replace(audit, changes.length
      ? table('Registre des changements', ['Le', 'Par', 'Personne', 'Avant', 'Après'], changes.map((c) => el('tr', { 'data-testid': 'role-change' },
        el('td', {}, frenchInstant(c.changedAt)), el('td', {}, c.changedBy), el('td', {}, c.person),
        el('td', {}, c.beforeLabel ?? 'aucun'), el('td', {}, c.afterLabel ?? 'aucun'))))
      : el('p', { class: 'empty' }, 'Aucun changement.'));
  } catch (error) {
    reportError(error);
  } finally {
    assignments.removeAttribute('aria-busy');
    audit.removeAttribute('aria-busy');
  }
}

function table(caption, headers, rows) {
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('caption', { class: 'visually-hidden' }, caption),
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, rows)));
}
