// One programme: its account year by year and funder by funder, the chart (the server's SVG shown as an image, with
// the same figures in the tables below), its tranches and the inconsistencies found.
import { el, replace, euros, queryParam } from './dom.js';
import { get } from './api.js';
import { initLayout, reportError } from './layout.js';
import { stageBadge } from './labels.js';
import { period } from './finance.js';

const id = queryParam('id');
const root = document.getElementById('programme');
start();

async function start() {
  initLayout('programmes');
  if (!id) {
    replace(root, el('p', {}, 'Aucun programme indiqué. ', el('a', { href: 'programmes.html' }, 'Choisir un programme dans la liste.')));
    root.removeAttribute('aria-busy');
    return;
  }
  try {
    const path = `/api/programmes/${encodeURIComponent(id)}`;
    render(await get(path), `${path}/chart.svg`);
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Le programme ne peut pas être affiché.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

/** The server's SVG as an image: an image never runs anything it contains; the tables below say the same in words. */
function chartNode(src) {
  return el('img', { src, class: 'chart-image', alt: 'Graphique : montants votés, versés et restant attendus par année ; le détail figure dans les tableaux ci-dessous.' });
}

const amountCells = (a) => [el('td', { class: 'num' }, euros(a.voted)), el('td', { class: 'num' }, euros(a.paid)), el('td', { class: 'num' }, euros(a.stillExpected))];
const amountHeads = () => ['Voté', 'Versé', 'Reste attendu'].map((h) => el('th', { scope: 'col', class: 'num' }, h));

function render(report, chartSrc) {
  const p = report.programme;
  document.title = `${p.name} — Approvals — Subventions`;
  replace(root,
    el('h1', { id: 'programme-title' }, p.name),
    el('dl', { class: 'summary' },
      item('Identifiant', el('span', { class: 'mono' }, p.id)),
      item('Période', period(p.phases)),
      item('Budget total', euros(p.totalBudget), 'total-budget'),
      item('Financeurs', p.funders.join(', '), 'funders', 'wide'),
      item('Phases', el('ul', { class: 'plain-list' }, p.phases.map((phase) => el('li', {}, `${phase.firstYear}-${phase.lastYear} : ${phase.label}`))), 'phases', 'wide')),
    report.issues?.length ? el('div', { class: 'banner banner-error', id: 'programme-issues' },
      el('p', { class: 'banner-title' }, 'Incohérences'),
      el('ul', {}, report.issues.map((issue) => el('li', {}, issue.message)))) : null,
    el('section', { 'aria-labelledby': 'chart-heading' },
      el('h2', { id: 'chart-heading' }, 'Voté, versé et reste attendu par année'),
      el('figure', { class: 'chart-figure', 'data-testid': 'programme-chart' }, chartNode(chartSrc),
        el('figcaption', { class: 'hint' }, 'Tous financeurs confondus ; les chiffres sont détaillés dans les tableaux ci-dessous.'))),
    yearsTable(report),
    fundersTable(report),
    tranchesSection(report));
}

function item(label, value, testid = null, width = null) {
  return el('div', { class: width }, el('dt', {}, label), el('dd', { 'data-testid': testid }, value ?? '—'));
}

function yearsTable(report) {
  return el('section', { 'aria-labelledby': 'years-heading' },
    el('h2', { id: 'years-heading' }, 'Par année'),
    el('div', { class: 'table-wrap' }, el('table', { id: 'years-table' },
      el('caption', { class: 'visually-hidden' }, 'Montants par année'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Année'), el('th', { scope: 'col' }, 'Phase'), amountHeads())),
      el('tbody', {}, report.years.map((y) => el('tr', { 'data-testid': 'programme-year' },
        el('th', { scope: 'row' }, String(y.year)), el('td', {}, y.phase ?? 'hors phase'), amountCells(y.totals)))),
      el('tfoot', {}, el('tr', {}, el('td', { colspan: '2' }, 'Total'), amountCells(report.totals))))));
}

function fundersTable(report) {
  return el('section', { 'aria-labelledby': 'funders-heading' },
    el('h2', { id: 'funders-heading' }, 'Par financeur'),
    el('p', { class: 'hint' }, 'Pour la collectivité, les montants votés et versés des tranches ; pour les autres financeurs, les montants prévus aux budgets prévisionnels des tranches.'),
    el('div', { class: 'table-wrap' }, el('table', { id: 'funders-table' },
      el('caption', { class: 'visually-hidden' }, 'Montants par financeur'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Financeur'), amountHeads())),
      el('tbody', {}, report.funders.map((f) => el('tr', { 'data-testid': 'programme-funder' },
        el('th', { scope: 'row' }, f.funder, f.thisAuthority ? ' (la collectivité)' : ' (prévisionnel)'), amountCells(f.amounts)))))));
}

function tranchesSection(report) {
  return el('section', { 'aria-labelledby': 'tranches-heading' },
    el('h2', { id: 'tranches-heading' }, 'Tranches annuelles'),
    report.tranches.length
      ? el('div', { class: 'table-wrap' }, el('table', { id: 'tranches-table' },
        el('caption', { class: 'visually-hidden' }, 'Dossiers rattachés au programme'),
        el('thead', {}, el('tr', {},
          ['Dossier', 'Exercice', 'Bénéficiaire'].map((h) => el('th', { scope: 'col' }, h)),
          ['Voté', 'Versé'].map((h) => el('th', { scope: 'col', class: 'num' }, h)),
          el('th', { scope: 'col' }, 'Étape'))),
        el('tbody', {}, report.tranches.map((t) => el('tr', { 'data-testid': 'programme-tranche' },
          el('th', { scope: 'row' }, el('a', { href: `dossier.html?id=${encodeURIComponent(t.dossierId)}` }, t.dossierId)),
          el('td', {}, String(t.year)),
          el('td', {}, t.beneficiaryName),
          el('td', { class: 'num' }, euros(t.amountVoted)),
          el('td', { class: 'num' }, euros(t.amountPaid)),
          el('td', {}, stageBadge(t.stage, t.stageLabel)))))))
      : el('p', { class: 'notice' }, `Aucune tranche : une demande se rattache au programme en indiquant l’identifiant « ${report.programme.id} ».`));
}
