// The budget lines: voted, committed, paid and available per line (available in red, and said in words, when the
// line is over-committed), a year filter kept in the URL, and for finance a form that adds or replaces a line.
import { el, replace, euros, queryParam, focus } from './dom.js';
import { request, get } from './api.js';
import { initLayout, reportError, clearBanner } from './layout.js';
import { showErrors, clearErrors } from './forms.js';
import { budgetLineRequest } from './finance.js';

const root = document.getElementById('budget-lines');
const year = queryParam('year');
const yearInput = document.getElementById('filter-year');
if (year) yearInput.value = year;

document.getElementById('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const value = yearInput.value.trim();
  location.assign(value ? `budget.html?year=${encodeURIComponent(value)}` : 'budget.html');
});

const form = document.getElementById('line-form');
const summary = document.getElementById('line-errors');
form.addEventListener('submit', save);

let canEdit = false;
start();

async function start() {
  const me = await initLayout('budget');
  canEdit = me?.role === 'Finance';
  document.getElementById('line-editor').hidden = !canEdit;
  if (canEdit && year) document.getElementById('line-year').value = year;
  await load();
}

async function load() {
  try {
    const lines = (await get(`/api/budget-lines${year ? `?year=${encodeURIComponent(year)}` : ''}`)) ?? [];
    render(lines);
    document.getElementById('list-status').textContent = lines.length ? `${lines.length} ligne(s) budgétaire(s).` : 'Aucune ligne budgétaire.';
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Les lignes budgétaires ne peuvent pas être affichées.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function render(lines) {
  if (!lines.length) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' },
      el('p', {}, year ? `Aucune ligne budgétaire pour l’exercice ${year}.` : 'Aucune ligne budgétaire enregistrée.'),
      canEdit ? el('p', {}, el('a', { href: '#line-form-heading' }, 'Ajouter une ligne')) : null));
    return;
  }
  const total = (key) => lines.reduce((sum, l) => sum + Number(l[key] ?? 0), 0);
  replace(root, el('div', { class: 'table-wrap' }, el('table', { id: 'budget-table' },
    el('caption', {}, year ? `Lignes budgétaires de l’exercice ${year}` : 'Lignes budgétaires'),
    el('thead', {}, el('tr', {},
      ['Exercice', 'Code', 'Libellé'].map((h) => el('th', { scope: 'col' }, h)),
      ['Voté', 'Engagé', 'Versé', 'Disponible', 'Dossiers'].map((h) => el('th', { scope: 'col', class: 'num' }, h)),
      canEdit ? el('th', { scope: 'col' }, el('span', { class: 'visually-hidden' }, 'Actions')) : null)),
    el('tbody', {}, lines.map((line) => el('tr', { 'data-testid': 'budget-line', 'data-code': line.code, 'data-year': line.year },
      el('td', {}, String(line.year)),
      el('th', { scope: 'row', class: 'mono' }, line.code),
      el('td', {}, line.label),
      el('td', { class: 'num' }, euros(line.voted)),
      el('td', { class: 'num' }, euros(line.committed)),
      el('td', { class: 'num' }, euros(line.paid)),
      availableCell(line.available),
      el('td', { class: 'num' }, el('a', {
        href: `index.html?year=${encodeURIComponent(line.year)}&budgetLine=${encodeURIComponent(line.code)}`,
        'aria-label': `${line.dossiers} dossier(s) sur la ligne ${line.code} ${line.year}`,
      }, String(line.dossiers))),
      canEdit ? el('td', {}, el('button', { type: 'button', class: 'button-secondary button-small', on: { click: () => edit(line) } },
        'Modifier', el('span', { class: 'visually-hidden' }, ` la ligne ${line.code} ${line.year}`))) : null))),
    lines.length > 1 ? el('tfoot', {}, el('tr', {},
      el('td', { colspan: '3' }, 'Total'),
      el('td', { class: 'num' }, euros(total('voted'))),
      el('td', { class: 'num' }, euros(total('committed'))),
      el('td', { class: 'num' }, euros(total('paid'))),
      availableCell(total('available')),
      el('td', { class: 'num' }, String(total('dossiers'))),
      canEdit ? el('td', {}) : null)) : null)));
}

function availableCell(available) {
  const negative = Number(available) < 0;
  return el('td', { class: negative ? 'num negative' : 'num', 'data-testid': 'available' },
    euros(available), negative ? el('span', { class: 'negative-note' }, ' (dépassement)') : null);
}

function edit(line) {
  document.getElementById('line-year').value = String(line.year);
  document.getElementById('line-code').value = line.code;
  document.getElementById('line-label').value = line.label;
  document.getElementById('line-voted').value = String(line.voted).replace('.', ',');
  focus(document.getElementById('line-voted'));
}

async function save(event) {
  event.preventDefault();
  clearBanner();
  const values = Object.fromEntries(new FormData(form));
  const { errors, path, body } = budgetLineRequest(values);
  if (errors.length) {
    showErrors(form, errors, { summary });
    return;
  }
  clearErrors(form, summary);
  const button = document.getElementById('line-submit');
  button.disabled = true;
  try {
    const saved = (await request(path, { method: 'PUT', json: body })).data;
    const success = document.getElementById('line-success');
    replace(success, el('p', {}, `Ligne ${saved.code} (${saved.year}) enregistrée : ${euros(saved.voted)} votés, ${euros(saved.available)} disponibles.`));
    success.hidden = false;
    await load();
    focus(success);
  } catch (error) {
    const list = error.errors.length ? error.errors : [{ field: null, message: [error.title, error.detail].filter(Boolean).join(' — ') || 'Le serveur ne répond pas.' }];
    showErrors(form, list, { summary, title: 'La ligne n’a pas été enregistrée' });
  } finally {
    button.disabled = false;
  }
}
