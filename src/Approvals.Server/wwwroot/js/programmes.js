// The multi-year programmes: the list, and for finance and case officers a creation form with a row per phase.
import { el, replace, euros, focus } from './dom.js';
import { request, get } from './api.js';
import { initLayout, reportError, clearBanner } from './layout.js';
import { showErrors, clearErrors } from './forms.js';
import { programmeRequest, period } from './finance.js';

const root = document.getElementById('programmes');
const form = document.getElementById('programme-form');
const summary = document.getElementById('programme-errors');
const rows = document.getElementById('phase-rows');
let phaseCount = 0;

form.addEventListener('submit', save);
document.getElementById('add-phase').addEventListener('click', () => focus(addPhase().querySelector('input')));
addPhase();
start();

async function start() {
  const me = await initLayout('programmes');
  document.getElementById('programme-editor').hidden = !['Finance', 'CaseOfficer'].includes(me?.role);
  await load();
}

async function load() {
  try {
    render((await get('/api/programmes')) ?? []);
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Les programmes ne peuvent pas être affichés.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function render(programmes) {
  if (!programmes.length) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Aucun programme pluriannuel enregistré.')));
    return;
  }
  replace(root, el('div', { class: 'table-wrap' }, el('table', { id: 'programme-table' },
    el('caption', {}, 'Programmes pluriannuels'),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col' }, 'Programme'), el('th', { scope: 'col' }, 'Période'), el('th', { scope: 'col', class: 'num' }, 'Budget total'),
      el('th', { scope: 'col' }, 'Phases'), el('th', { scope: 'col' }, 'Financeurs'))),
    el('tbody', {}, programmes.map((p) => el('tr', { 'data-testid': 'programme-row', 'data-programme-id': p.id },
      el('th', { scope: 'row' }, el('a', { href: `programme.html?id=${encodeURIComponent(p.id)}` }, p.name)),
      el('td', { class: 'nowrap' }, period(p.phases)),
      el('td', { class: 'num' }, euros(p.totalBudget)),
      el('td', {}, el('ul', { class: 'plain-list' }, p.phases.map((phase) => el('li', {}, `${phase.firstYear}-${phase.lastYear} : ${phase.label}`)))),
      el('td', {}, p.funders.join(', '))))))));
}

function addPhase() {
  const i = phaseCount++;
  const input = (name, label, attrs = {}) => el('div', { class: 'field', 'data-field': `phases[${i}].${name}` },
    el('label', { for: `phase-${i}-${name}` }, label),
    el('input', { type: 'text', id: `phase-${i}-${name}`, name: `phase-${name}`, autocomplete: 'off', ...attrs }));
  const row = el('div', { class: 'grid phase-row', 'data-field': `phases[${i}]`, role: 'group', 'aria-label': `Phase n°${i + 1}` },
    input('label', `Phase n°${i + 1} : libellé`),
    input('firstYear', 'Première année', { inputmode: 'numeric', class: 'short' }),
    input('lastYear', 'Dernière année', { inputmode: 'numeric', class: 'short' }));
  rows.appendChild(row);
  return row;
}

function values() {
  const data = new FormData(form);
  const labels = data.getAll('phase-label');
  const firsts = data.getAll('phase-firstYear');
  const lasts = data.getAll('phase-lastYear');
  // Rows left entirely empty are not phases.
  const phases = labels.map((label, i) => ({ label, firstYear: firsts[i], lastYear: lasts[i] }))
    .filter((p) => `${p.label}${p.firstYear}${p.lastYear}`.trim());
  return { id: data.get('id'), name: data.get('name'), totalBudget: data.get('totalBudget'), phases, funders: data.get('funders') };
}

async function save(event) {
  event.preventDefault();
  clearBanner();
  const { errors, body } = programmeRequest(values());
  if (errors.length) {
    showErrors(form, errors, { summary });
    return;
  }
  clearErrors(form, summary);
  const button = document.getElementById('programme-submit');
  button.disabled = true;
  try {
    const created = (await request('/api/programmes', { method: 'POST', json: body })).data;
    location.assign(`programme.html?id=${encodeURIComponent(created.id)}`);
  } catch (error) {
    const list = error.errors.length ? error.errors : [{ field: null, message: [error.title, error.detail].filter(Boolean).join(' — ') || 'Le serveur ne répond pas.' }];
    showErrors(form, list, { summary, title: 'Le programme n’a pas été créé' });
    button.disabled = false;
  }
}
