// The request form (CERFA n°12156 spirit). Checks run while typing (on the fields already left) and on submit,
// with the server's wording; the server's own refusals (422) land beside the same fields. After the request is
// recorded, the same page offers the document upload.
import { el, replace, todayInParis, focus } from './dom.js';
import { request } from './api.js';
import { initLayout, reportError, clearBanner } from './layout.js';
import { showErrors, clearErrors } from './forms.js';
import { TRIGGERS } from './labels.js';
import { checkRequest, CONVENTION_COMPULSORY_ABOVE_CENTS } from './request.js';
import { budgetTotals } from './budgetrules.js';
import { paymentTermsTotal } from './paymentterms.js';
import { parseAmount, amountValue, centsText } from './money.js';
import { SEED_REQUEST } from './seed.js';
import { uploadWidget, documentList } from './upload.js';

initLayout('nouveau');

const form = document.getElementById('request-form');
const summary = document.getElementById('error-summary');
const $ = (id) => document.getElementById(id);
const amountText = (value) => (value === null || value === undefined || value === '' ? '' : String(value).replace('.', ','));

const state = {
  expenses: [{ label: '', amount: '' }],
  revenues: [{ funder: '', amount: '', fromThisAuthority: true }],
  terms: [{ label: '100 % à la signature', percent: '100', trigger: 'AtSignature' }],
};
let requestedEdited = false;
const touched = new Set();
let submitted = false;

$('receivedOn').value = todayInParis();
$('budgetLine-year').value = todayInParis().slice(0, 4);

// ---- editable tables ----

/** "Supprimer" on screen; the whole row named for screen readers ("Supprimer la dépense n°2"). */
function rowButton(id, label, onClick) {
  return el('button', { type: 'button', class: 'button-danger button-small', id, on: { click: onClick } },
    'Supprimer', el('span', { class: 'visually-hidden' }, label.replace(/^Supprimer/, '')));
}

function cellInput({ id, label, field, value, className = '', inputmode = null, onInput }) {
  return el('td', {},
    el('label', { for: id, class: 'visually-hidden' }, label),
    el('input', { type: 'text', id, class: className, value, 'data-field': field, inputmode, autocomplete: 'off', on: { input: onInput } }));
}

function renderExpenses() {
  replace($('expenses-body'), state.expenses.map((line, i) => el('tr', { 'data-testid': 'expense-row' },
    cellInput({ id: `expense-label-${i}`, label: `Libellé de la dépense n°${i + 1}`, field: `budget.expenses[${i}].label`, value: line.label, onInput: (e) => { line.label = e.target.value; } }),
    cellInput({ id: `expense-amount-${i}`, label: `Montant de la dépense n°${i + 1} (€)`, field: `budget.expenses[${i}].amount`, value: line.amount, className: 'amount', inputmode: 'decimal', onInput: (e) => { line.amount = e.target.value; updateTotals(); } }),
    el('td', {}, state.expenses.length > 1
      ? rowButton(`remove-expense-${i}`, `Supprimer la dépense n°${i + 1}`, () => removeRow(state.expenses, i, renderExpenses, 'expense-label', 'add-expense'))
      : null))));
}

function renderRevenues() {
  replace($('revenues-body'), state.revenues.map((line, i) => el('tr', { 'data-testid': 'revenue-row' },
    cellInput({ id: `revenue-funder-${i}`, label: `Financeur de la recette n°${i + 1}`, field: `budget.revenues[${i}].funder`, value: line.funder, onInput: (e) => { line.funder = e.target.value; } }),
    cellInput({ id: `revenue-amount-${i}`, label: `Montant de la recette n°${i + 1} (€)`, field: `budget.revenues[${i}].amount`, value: line.amount, className: 'amount', inputmode: 'decimal', onInput: (e) => { line.amount = e.target.value; updateTotals(); } }),
    el('td', {},
      el('input', { type: 'radio', name: 'authority', id: `revenue-authority-${i}`, checked: line.fromThisAuthority, 'data-field': `budget.revenues[${i}].fromThisAuthority`,
        on: { change: () => { state.revenues.forEach((r, j) => { r.fromThisAuthority = j === i; }); updateTotals(); } } }),
      el('label', { for: `revenue-authority-${i}`, class: 'visually-hidden' }, `La recette n°${i + 1} est celle de cette collectivité`)),
    el('td', {}, state.revenues.length > 1
      ? rowButton(`remove-revenue-${i}`, `Supprimer la recette n°${i + 1}`, () => removeRow(state.revenues, i, renderRevenues, 'revenue-funder', 'add-revenue'))
      : null))));
}

function renderTerms() {
  replace($('terms-body'), state.terms.map((term, i) => el('tr', { 'data-testid': 'term-row' },
    cellInput({ id: `term-label-${i}`, label: `Libellé de l’échéance n°${i + 1}`, field: `paymentTerms[${i}].label`, value: term.label, onInput: (e) => { term.label = e.target.value; } }),
    cellInput({ id: `term-percent-${i}`, label: `Part de l’échéance n°${i + 1} (%)`, field: `paymentTerms[${i}].percent`, value: term.percent, className: 'amount', inputmode: 'decimal', onInput: (e) => { term.percent = e.target.value; updateTotals(); } }),
    el('td', {},
      el('label', { for: `term-trigger-${i}`, class: 'visually-hidden' }, `Versement de l’échéance n°${i + 1}`),
      el('select', { id: `term-trigger-${i}`, 'data-field': `paymentTerms[${i}].trigger`, on: { change: (e) => { term.trigger = e.target.value; } } },
        Object.entries(TRIGGERS).map(([value, label]) => el('option', { value, selected: term.trigger === value }, label)))),
    el('td', {}, state.terms.length > 1
      ? rowButton(`remove-term-${i}`, `Supprimer l’échéance n°${i + 1}`, () => removeRow(state.terms, i, renderTerms, 'term-label', 'add-term'))
      : null))));
}

function removeRow(lines, index, render, focusPrefix, addId) {
  const wasAuthority = lines[index].fromThisAuthority;
  lines.splice(index, 1);
  if (wasAuthority && lines.length && !lines.some((l) => l.fromThisAuthority)) lines[0].fromThisAuthority = false;
  render();
  updateTotals();
  revalidate();
  focus($(`${focusPrefix}-${Math.max(0, index - 1)}`) ?? $(addId));
}

$('add-expense').addEventListener('click', () => {
  state.expenses.push({ label: '', amount: '' });
  renderExpenses();
  focus($(`expense-label-${state.expenses.length - 1}`));
});
$('add-revenue').addEventListener('click', () => {
  state.revenues.push({ funder: '', amount: '', fromThisAuthority: false });
  renderRevenues();
  focus($(`revenue-funder-${state.revenues.length - 1}`));
});
$('add-term').addEventListener('click', () => {
  state.terms.push({ label: '', percent: '', trigger: 'OnPaymentRequest' });
  renderTerms();
  focus($(`term-label-${state.terms.length - 1}`));
});

// ---- live totals, amount requested, convention lock ----

function updateTotals() {
  const budget = { expenses: state.expenses, revenues: state.revenues };
  const totals = budgetTotals(budget);
  $('expenses-total').textContent = totals.expenses === null ? 'montant illisible' : centsText(totals.expenses);
  $('revenues-total').textContent = totals.revenues === null ? 'montant illisible' : centsText(totals.revenues);
  const balance = $('budget-balance');
  if (totals.expenses === null || totals.revenues === null) {
    balance.textContent = 'Budget : un montant est illisible.';
    balance.className = 'unbalanced';
  } else if (totals.balanced) {
    balance.textContent = `Budget équilibré : ${centsText(totals.expenses)}`;
    balance.className = 'balanced';
  } else {
    const gap = Math.abs(totals.expenses - totals.revenues);
    balance.textContent = `Budget non équilibré : dépenses ${centsText(totals.expenses)} ≠ recettes ${centsText(totals.revenues)} (écart ${centsText(gap)})`;
    balance.className = 'unbalanced';
  }
  $('grant-rate').textContent = totals.rate === null ? 'Taux : —' : `Taux : ${Math.round(totals.rate * 100)} %`;

  if (!requestedEdited || $('amountRequested').value.trim() === '') {
    const ours = state.revenues.find((r) => r.fromThisAuthority);
    $('amountRequested').value = ours ? ours.amount : '';
  }
  lockConvention();
  $('terms-total').textContent = `${paymentTermsTotal(state.terms).toLocaleString('fr-FR')} %`;
}

function lockConvention() {
  const requested = parseAmount($('amountRequested').value);
  const box = $('convention-hasConvention');
  const compulsory = !requested.error && requested.cents > CONVENTION_COMPULSORY_ABOVE_CENTS;
  if (compulsory) box.checked = true;
  box.disabled = compulsory;
  $('convention-hasConvention-aide').textContent = compulsory
    ? 'Obligatoire pour ce montant, au-delà de 23 000 € (loi n°2000-321, art. 10) : la case ne peut pas être décochée.'
    : 'Obligatoire au-delà de 23 000 € (loi n°2000-321, art. 10), facultative en deçà.';
}

$('amountRequested').addEventListener('input', () => {
  requestedEdited = true;
  lockConvention();
});

// ---- reading, checking, sending ----

const value = (id) => $(id).value.trim();

/** The form as the API's grant request; amounts stay as typed where they cannot be read, so the checks name them. */
function readRequest() {
  const amount = (text) => amountValue(text) ?? text;
  return {
    receivedOn: value('receivedOn'),
    beneficiary: {
      name: value('beneficiary-name'),
      siret: value('beneficiary-siret').replace(/[\s\u00a0\u202f]/g, '') || null,
      rna: value('beneficiary-rna').toUpperCase() || null,
      representative: value('beneficiary-representative'),
      email: value('beneficiary-email'),
      kind: value('beneficiary-kind') || null,
    },
    object: value('object'),
    actionsStart: value('actionsStart'),
    actionsEnd: value('actionsEnd'),
    budget: {
      expenses: state.expenses.map((l) => ({ label: l.label.trim(), amount: amount(l.amount) })),
      revenues: state.revenues.map((l) => ({ funder: l.funder.trim(), amount: amount(l.amount), fromThisAuthority: Boolean(l.fromThisAuthority) })),
    },
    amountRequested: amount(value('amountRequested')),
    budgetLine: { year: /^\d+$/.test(value('budgetLine-year')) ? Number(value('budgetLine-year')) : value('budgetLine-year'), code: value('budgetLine-code'), label: value('budgetLine-label') },
    paymentTerms: state.terms.map((t) => ({ label: t.label.trim(), percent: amount(t.percent), trigger: t.trigger })),
    convention: {
      hasConvention: $('convention-hasConvention').checked,
      paymentWindowMonths: Number(value('convention-paymentWindowMonths')),
      reportDueDate: value('convention-reportDueDate') || null,
      endDate: value('convention-endDate') || null,
    },
    caseOfficerEmail: value('caseOfficerEmail'),
    programmeId: null,
    republicanCommitment: value('republicanCommitment-signedOn') || value('republicanCommitment-signatory')
      ? { signedOn: value('republicanCommitment-signedOn'), signatory: value('republicanCommitment-signatory') }
      : null,
  };
}

function revalidate() {
  if (submitted) return;
  if (!touched.size) return;
  showErrors(form, checkRequest(readRequest(), todayInParis()), { only: touched });
}

form.addEventListener('focusout', (event) => {
  const path = event.target.dataset?.field;
  if (!path) return;
  touched.add(path);
  revalidate();
});
form.addEventListener('input', (event) => {
  submitted = false;
  const path = event.target.dataset?.field;
  if (path && touched.has(path)) revalidate();
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  clearBanner();
  const body = readRequest();
  const errors = checkRequest(body, todayInParis());
  submitted = true;
  if (errors.length) {
    showErrors(form, errors, { summary });
    return;
  }
  clearErrors(form, summary);
  const button = $('submit-request');
  button.disabled = true;
  try {
    const { data } = await request('/api/dossiers', { method: 'POST', json: body });
    showDocumentsStep(data);
  } catch (error) {
    if (error.status === 422 || error.status === 400) {
      const list = error.errors.length ? error.errors : [{ field: null, message: error.detail || error.title }];
      showErrors(form, list, { summary, title: 'Le serveur a refusé la demande' });
    } else {
      reportError(error, 'La demande n’a pas été enregistrée');
      focus($('bandeau'));
    }
  } finally {
    button.disabled = false;
  }
});

// ---- step 2: documents ----

function showDocumentsStep({ dossierId, number }) {
  const documents = [];
  $('step-request').hidden = true;
  $('step-documents').hidden = false;
  $('created-number').textContent = number;
  const link = $('dossier-link');
  link.href = `dossier.html?id=${encodeURIComponent(dossierId)}`;
  link.textContent = `Voir le dossier ${number}`;
  replace($('upload-slot'), uploadWidget(dossierId, (doc) => {
    if (doc) documents.push(doc);
    replace($('documents-slot'), documentList(dossierId, documents));
  }));
  focus($('step-documents-title'));
}

// ---- the seed example ----

function fill(example) {
  $('receivedOn').value = example.receivedOn;
  $('beneficiary-name').value = example.beneficiary.name;
  $('beneficiary-siret').value = example.beneficiary.siret ?? '';
  $('beneficiary-rna').value = example.beneficiary.rna ?? '';
  $('beneficiary-representative').value = example.beneficiary.representative;
  $('beneficiary-email').value = example.beneficiary.email;
  $('beneficiary-kind').value = example.beneficiary.kind ?? '';
  $('republicanCommitment-signedOn').value = example.republicanCommitment?.signedOn ?? '';
  $('republicanCommitment-signatory').value = example.republicanCommitment?.signatory ?? '';
  $('object').value = example.object;
  $('actionsStart').value = example.actionsStart;
  $('actionsEnd').value = example.actionsEnd;
  state.expenses = example.budget.expenses.map((l) => ({ label: l.label, amount: amountText(l.amount) }));
  state.revenues = example.budget.revenues.map((l) => ({ funder: l.funder, amount: amountText(l.amount), fromThisAuthority: l.fromThisAuthority }));
  state.terms = example.paymentTerms.map((t) => ({ label: t.label, percent: amountText(t.percent), trigger: t.trigger }));
  $('amountRequested').value = amountText(example.amountRequested);
  requestedEdited = false;
  $('budgetLine-year').value = String(example.budgetLine.year);
  $('budgetLine-code').value = example.budgetLine.code;
  $('budgetLine-label').value = example.budgetLine.label;
  $('convention-hasConvention').checked = example.convention.hasConvention;
  $('convention-paymentWindowMonths').value = String(example.convention.paymentWindowMonths);
  $('convention-reportDueDate').value = example.convention.reportDueDate ?? '';
  $('convention-endDate').value = example.convention.endDate ?? '';
  $('caseOfficerEmail').value = example.caseOfficerEmail;
  renderExpenses();
  renderRevenues();
  renderTerms();
  updateTotals();
  touched.clear();
  clearErrors(form, summary);
}

$('fill-example').addEventListener('click', () => fill(SEED_REQUEST));

renderExpenses();
renderRevenues();
renderTerms();
updateTotals();
