// The final report: the financial report's table (CERFA n°15059: planned and realised by account, balanced), its
// explanatory notes, the activity report with the convention's indicators, the certification, and its documents.
// The server checks everything again and names the faulty field; this page shows its errors beside the fields.
import { el, replace, frenchDate, queryParam } from '../../js/dom.js';
import { showErrors, clearErrors } from '../../js/forms.js';
import { amountValue, centsText, parseAmount } from '../../js/money.js';
import { call, requireSession, reportError } from './portal.js';

const id = queryParam('id') ?? '';
const status = document.getElementById('report-status');
const form = document.getElementById('report-form');
const rows = { charges: [], products: [] };
let report = null;

document.getElementById('retour').href = `dossier.html?id=${encodeURIComponent(id)}`;
await requireSession();
await load();

async function load() {
  try {
    report = await call(`/api/portal/dossiers/${encodeURIComponent(id)}/report`);
    status.textContent = report.status;
    if (report.canFile && !form.dataset.ready) build();
    form.hidden = !report.canFile;
    document.getElementById('report-documents').hidden = !(report.canFile || report.receivedOn);
  } catch (error) {
    status.textContent = 'Ce compte rendu ne peut pas être affiché.';
    reportError(error);
  } finally {
    status.removeAttribute('aria-busy');
  }
}

function build() {
  form.dataset.ready = '1';
  for (const line of report.plannedExpenses) addRow('charges', { account: '60', planned: line.amount, detail: line.label });
  for (const line of report.plannedRevenues) addRow('products', { account: '74', planned: line.amount, detail: line.funder });
  replace(document.getElementById('indicators'), report.indicators.map((name, i) =>
    el('div', { class: 'field', 'data-field': `activity.indicators[${i}].result` },
      el('label', { for: `indicator-${i}` }, `Indicateur : ${name}`),
      el('input', { type: 'text', id: `indicator-${i}`, dataset: { indicator: name } }))));
  document.getElementById('add-charge').addEventListener('click', () => addRow('charges', { account: '60' }));
  document.getElementById('add-product').addEventListener('click', () => addRow('products', { account: '75' }));
  form.addEventListener('input', totals);
  form.addEventListener('submit', submit);
  document.getElementById('report-upload').addEventListener('submit', upload);
  totals();
}

/** One row of the table: account, detail, planned, realised; its inputs are labelled for screen readers. */
function addRow(kind, { account, planned = '', detail = '' }) {
  const accounts = kind === 'charges' ? report.chargeAccounts : report.productAccounts;
  const index = rows[kind].length;
  const name = kind === 'charges' ? 'Charge' : 'Produit';
  const prefix = `${kind}-${index}`;
  const path = `financial.${kind}[${index}]`;
  const row = el('div', { class: 'grid report-line', 'data-field': path, role: 'group', 'aria-label': `${name} n°${index + 1}` },
    el('div', { class: 'field', 'data-field': `${path}.account` }, el('label', { for: `${prefix}-account` }, 'Rubrique'),
      el('select', { id: `${prefix}-account` }, Object.entries(accounts).map(([code, label]) => el('option', { value: code, selected: code === account }, label)))),
    el('div', { class: 'field', 'data-field': `${path}.detail` }, el('label', { for: `${prefix}-detail` }, 'Détail (financeur pour une subvention)'),
      el('input', { type: 'text', id: `${prefix}-detail`, value: detail })),
    el('div', { class: 'field', 'data-field': `${path}.planned` }, el('label', { for: `${prefix}-planned` }, 'Prévu (euros)'),
      el('input', { type: 'text', inputmode: 'decimal', id: `${prefix}-planned`, value: String(planned) })),
    el('div', { class: 'field', 'data-field': `${path}.realised` }, el('label', { for: `${prefix}-realised` }, 'Réalisé (euros)'),
      el('input', { type: 'text', inputmode: 'decimal', id: `${prefix}-realised` })));
  rows[kind].push(prefix);
  document.getElementById(kind).append(row);
}

function lines(kind) {
  return rows[kind].map((prefix) => ({
    account: document.getElementById(`${prefix}-account`).value,
    detail: document.getElementById(`${prefix}-detail`).value.trim() || null,
    planned: amountValue(document.getElementById(`${prefix}-planned`).value) ?? 0,
    realised: amountValue(document.getElementById(`${prefix}-realised`).value) ?? 0,
  }));
}

/** The totals in cents (never floating-point euros), contributions in kind (86, 87) apart, as the server counts them. */
function totals() {
  const sum = (kind, column, excluded) => rows[kind].reduce((total, prefix) =>
    document.getElementById(`${prefix}-account`).value === excluded ? total
      : total + (parseAmount(document.getElementById(`${prefix}-${column}`).value).cents ?? 0), 0);
  const text = (column, label) => `${label} : charges ${centsText(sum('charges', column, '86'))}, produits ${centsText(sum('products', column, '87'))}.`;
  document.getElementById('report-totals').textContent = `${text('planned', 'Prévu')} ${text('realised', 'Réalisé')}`;
}

async function submit(event) {
  event.preventDefault();
  const summary = document.getElementById('error-summary');
  clearErrors(form, summary);
  const body = {
    financial: {
      charges: lines('charges'),
      products: lines('products'),
      indirectChargesRule: document.getElementById('indirectChargesRule').value.trim() || null,
      gapsExplanation: document.getElementById('gapsExplanation').value.trim() || null,
      observations: document.getElementById('observations').value.trim() || null,
    },
    activity: {
      summary: document.getElementById('summary').value,
      indicators: [...document.querySelectorAll('#indicators input')].map((input) => ({ indicator: input.dataset.indicator, result: input.value })),
    },
    signatory: document.getElementById('signatory').value.trim(),
    certified: document.getElementById('certified').checked,
  };
  try {
    await call(`/api/portal/dossiers/${encodeURIComponent(id)}/report`, { method: 'POST', json: body });
    location.assign(`dossier.html?id=${encodeURIComponent(id)}&compte-rendu=1`);
  } catch (error) {
    if (error.errors?.length) showErrors(form, error.errors, { summary });
    else showErrors(form, [{ field: null, message: [error.title, error.detail].filter(Boolean).join(' — ') }], { summary });
  }
}

async function upload(event) {
  event.preventDefault();
  const uploadForm = event.target;
  clearErrors(uploadForm);
  const file = document.getElementById('report-document-file').files?.[0];
  const message = document.getElementById('report-upload-status');
  if (!file) {
    showErrors(uploadForm, [{ field: 'file', message: 'Choisissez le fichier à déposer.' }]);
    return;
  }
  const data = new FormData();
  data.append('kind', document.getElementById('report-document-kind').value);
  data.append('file', file, file.name);
  try {
    message.textContent = 'Envoi en cours…';
    await call(`/api/portal/dossiers/${encodeURIComponent(id)}/report/documents`, { method: 'POST', form: data });
    message.textContent = `Pièce « ${file.name} » déposée le ${frenchDate(new Date().toISOString().slice(0, 10))}.`;
  } catch (error) {
    message.textContent = 'Le dépôt a échoué.';
    showErrors(uploadForm, error.errors?.length ? error.errors.map((e) => ({ ...e, field: e.field === 'kind' ? 'kind' : 'file' }))
      : [{ field: 'file', message: [error.title, error.detail].filter(Boolean).join(' — ') }]);
  }
}
