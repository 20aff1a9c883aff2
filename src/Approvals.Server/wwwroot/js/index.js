// The dossier list: filters kept in the URL's query (so a filtered list can be bookmarked and shared), paging by
// skip/take/hasMore, a coloured badge per stage (with its label in words, not colour alone).
import { el, replace, euros } from './dom.js';
import { get } from './api.js';
import { initLayout, reportError } from './layout.js';
import { STAGES, stageBadge } from './labels.js';

const TAKE = 50;
const FILTERS = ['stage', 'year', 'budgetLine', 'beneficiary', 'text'];

const params = new URLSearchParams(location.search);
const stageSelect = document.getElementById('filter-stage');
for (const [value, label] of Object.entries(STAGES)) stageSelect.appendChild(el('option', { value }, label));
for (const name of FILTERS) {
  const input = document.getElementById(`filter-${name}`);
  if (params.has(name)) input.value = params.get(name);
}

document.getElementById('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  const query = new URLSearchParams();
  for (const name of FILTERS) {
    const value = document.getElementById(`filter-${name}`).value.trim();
    if (value) query.set(name, value);
  }
  location.assign(`index.html${query.size ? `?${query}` : ''}`);
});

initLayout('dossiers').then(showExports);
load();

/** The exports are for finance, readers and case officers; the open-data file follows the list's year filter. */
function showExports(me) {
  if (!['Finance', 'Reader', 'CaseOfficer'].includes(me?.role)) return;
  const year = params.get('year');
  if (/^\d{4}$/.test(year ?? '')) {
    const link = document.getElementById('export-scdl');
    link.href = `/api/exports/scdl.csv?year=${year}`;
    link.append(` — exercice ${year}`);
  }
  document.getElementById('exports').hidden = false;
}

async function load() {
  const skip = Math.max(0, Number.parseInt(params.get('skip') ?? '0', 10) || 0);
  const query = new URLSearchParams();
  for (const name of FILTERS) if (params.get(name)) query.set(name, params.get(name));
  query.set('skip', String(skip));
  query.set('take', String(TAKE));
  const list = document.getElementById('dossier-list');
  const status = document.getElementById('list-status');
  replace(list, el('p', { class: 'notice' }, 'Chargement des dossiers…'));
  try {
    const page = await get(`/api/dossiers?${query}`);
    render(list, page);
    status.textContent = page.items.length ? `${page.items.length} dossier(s) affiché(s).` : 'Aucun dossier.';
    pager(page);
  } catch (error) {
    replace(list, el('p', { class: 'notice' }, 'La liste des dossiers ne peut pas être affichée.'));
    reportError(error);
  }
}

function render(list, page) {
  if (!page.items.length) {
    const filtered = FILTERS.some((name) => params.get(name));
    replace(list, el('div', { class: 'empty', 'data-testid': 'empty-state' },
      el('p', {}, filtered ? 'Aucun dossier ne correspond à ces filtres.' : 'Aucun dossier pour le moment.'),
      el('p', {}, filtered ? el('a', { href: 'index.html' }, 'Effacer les filtres') : el('a', { href: 'nouveau.html', class: 'button' }, 'Saisir une nouvelle demande'))));
    return;
  }
  replace(list, el('div', { class: 'table-wrap' }, el('table', { id: 'dossier-table' },
    el('caption', {}, 'Dossiers', el('span', { class: 'visually-hidden' }, ` (à partir du n°${page.skip + 1})`)),
    el('thead', {}, el('tr', {},
      ['N°', 'Bénéficiaire', 'Objet', 'Ligne budgétaire'].map((h) => el('th', { scope: 'col' }, h)),
      ['Demandé', 'Voté', 'Versé'].map((h) => el('th', { scope: 'col', class: 'num' }, h)),
      el('th', { scope: 'col' }, 'Étape'))),
    el('tbody', {}, page.items.map((d) => el('tr', { 'data-testid': 'dossier-row', 'data-dossier-id': d.dossierId },
      el('th', { scope: 'row' }, el('a', { href: `dossier.html?id=${encodeURIComponent(d.dossierId)}`, 'data-testid': 'dossier-link' }, d.number)),
      el('td', {}, d.beneficiaryName),
      el('td', {}, d.title),
      el('td', {}, [d.year, d.budgetLineCode].filter(Boolean).join(' — ')),
      el('td', { class: 'num' }, euros(d.amountRequested)),
      el('td', { class: 'num' }, euros(d.amountVoted)),
      el('td', { class: 'num' }, euros(d.amountPaid)),
      el('td', {}, stageBadge(d.stage, d.stageLabel))))))));
}

function pager(page) {
  const nav = document.getElementById('pager');
  const previous = document.getElementById('page-previous');
  const next = document.getElementById('page-next');
  const at = (skip) => {
    const query = new URLSearchParams(params);
    if (skip > 0) query.set('skip', String(skip));
    else query.delete('skip');
    return `index.html${query.size ? `?${query}` : ''}`;
  };
  nav.hidden = page.skip === 0 && !page.hasMore;
  previous.hidden = page.skip === 0;
  previous.href = at(Math.max(0, page.skip - page.take));
  next.hidden = !page.hasMore;
  next.href = at(page.skip + page.take);
  document.getElementById('page-info').textContent = page.items.length
    ? `Dossiers ${page.skip + 1} à ${page.skip + page.items.length}`
    : '';
}
