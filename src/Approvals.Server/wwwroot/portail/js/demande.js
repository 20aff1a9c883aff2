// The request form (CERFA n°12156). Saved as a server-side draft a moment after each change, restored on load (from
// any device signed in with the same address); sent to POST /api/portal/requests, whose field errors show beside
// their fields. Amounts are typed in French ("1 500,50") and sent as numbers. With several authorities on the portal
// the beneficiary chooses the one the request is addressed to; with one, the choice stays hidden and is never sent.
import { el, replace, euros } from '../../js/dom.js';
import { showErrors, clearErrors } from '../../js/forms.js';
import { call, requireSession, reportError } from './portal.js';

const form = document.getElementById('request-form');
const summary = document.getElementById('error-summary');
const draftStatus = document.getElementById('draft-status');
const expenses = document.getElementById('expenses');
const revenues = document.getElementById('revenues');
const FIELDS = ['authority', 'name', 'kind', 'siret', 'rna', 'representative', 'object', 'actionsStart', 'actionsEnd', 'amountRequested'];
const CHECKS = ['republicanCommitment', 'swornStatement'];

await requireSession();
let saving = null;
try {
  const authorities = await call('/api/portal/authorities');
  if (authorities.length > 1) {
    replace(document.getElementById('authority'), ...authorities.map((a) => el('option', { value: a.id }, a.name)));
    document.getElementById('authority-choice').hidden = false;
  }
} catch (error) {
  reportError(error, 'La liste des collectivités ne peut pas être lue');
}
try {
  fill(await call('/api/portal/draft'));
} catch (error) {
  reportError(error, 'Le brouillon ne peut pas être relu');
  fill(null);
}

document.getElementById('add-expense').addEventListener('click', () => { addExpense(); changed(); });
document.getElementById('add-revenue').addEventListener('click', () => { addRevenue(); changed(); });
form.addEventListener('input', changed);
form.addEventListener('change', changed);
form.addEventListener('submit', submit);

/** "1 500,50" → 1500.5; blank or unreadable → NaN. */
function amount(text) {
  const cleaned = String(text ?? '').replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : NaN;
}

function fill(draft) {
  for (const name of FIELDS) {
    if (draft?.[name] !== undefined) document.getElementById(name).value = draft[name];
  }
  for (const name of CHECKS) document.getElementById(name).checked = Boolean(draft?.[name]);
  const expenseRows = draft?.expenses?.length ? draft.expenses : [{ label: '', amount: '' }];
  const revenueRows = draft?.revenues?.length ? draft.revenues : [{ funder: '', amount: '', fromThisAuthority: true }];
  expenseRows.forEach((row) => addExpense(row));
  revenueRows.forEach((row) => addRevenue(row));
  totals();
}

function addExpense(row = { label: '', amount: '' }) {
  const i = expenses.children.length;
  expenses.append(el('div', { class: 'grid budget-row', 'data-field': `budget.expenses[${i}]`, 'data-testid': 'expense-row' },
    el('div', { class: 'field', 'data-field': `budget.expenses[${i}].label` },
      el('label', { for: `expense-${i}-label` }, `Dépense n°${i + 1} : nature`),
      el('input', { type: 'text', id: `expense-${i}-label`, class: 'expense-label', value: row.label ?? '' })),
    el('div', { class: 'field', 'data-field': `budget.expenses[${i}].amount` },
      el('label', { for: `expense-${i}-amount` }, `Dépense n°${i + 1} : montant (€)`),
      el('input', { type: 'text', inputmode: 'decimal', id: `expense-${i}-amount`, class: 'expense-amount', value: row.amount ?? '' }))));
}

function addRevenue(row = { funder: '', amount: '', fromThisAuthority: false }) {
  const i = revenues.children.length;
  revenues.append(el('div', { class: 'grid budget-row', 'data-field': `budget.revenues[${i}]`, 'data-testid': 'revenue-row' },
    el('div', { class: 'field', 'data-field': `budget.revenues[${i}].funder` },
      el('label', { for: `revenue-${i}-funder` }, `Recette n°${i + 1} : financeur`),
      el('input', { type: 'text', id: `revenue-${i}-funder`, class: 'revenue-funder', value: row.funder ?? '' })),
    el('div', { class: 'field', 'data-field': `budget.revenues[${i}].amount` },
      el('label', { for: `revenue-${i}-amount` }, `Recette n°${i + 1} : montant (€)`),
      el('input', { type: 'text', inputmode: 'decimal', id: `revenue-${i}-amount`, class: 'revenue-amount', value: row.amount ?? '' })),
    el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: `revenue-${i}-ours`, class: 'revenue-ours', checked: Boolean(row.fromThisAuthority) }),
      el('label', { for: `revenue-${i}-ours` }, `Recette n°${i + 1} : demandée à la collectivité`))));
}

/** The form as typed (strings), for the draft. */
function typed() {
  const values = Object.fromEntries(FIELDS.map((name) => [name, document.getElementById(name).value]));
  for (const name of CHECKS) values[name] = document.getElementById(name).checked;
  values.expenses = [...expenses.children].map((row) => ({
    label: row.querySelector('.expense-label').value, amount: row.querySelector('.expense-amount').value,
  }));
  values.revenues = [...revenues.children].map((row) => ({
    funder: row.querySelector('.revenue-funder').value, amount: row.querySelector('.revenue-amount').value,
    fromThisAuthority: row.querySelector('.revenue-ours').checked,
  }));
  return values;
}

function totals() {
  const { expenses: e, revenues: r } = typed();
  const sum = (rows) => rows.reduce((total, row) => total + (Number.isNaN(amount(row.amount)) ? 0 : amount(row.amount)), 0);
  const [spent, received] = [sum(e), sum(r)];
  replace(document.getElementById('budget-totals'),
    `Total des dépenses : ${euros(spent)} — total des recettes : ${euros(received)} — `,
    el('strong', {}, Math.abs(spent - received) < 0.005 ? 'budget équilibré' : 'budget non équilibré'));
}

function changed() {
  totals();
  clearTimeout(saving);
  saving = setTimeout(saveDraft, 500);
}

async function saveDraft() {
  try {
    await call('/api/portal/draft', { method: 'PUT', json: typed() });
    const now = new Date();
    draftStatus.textContent = `Brouillon enregistré à ${String(now.getHours()).padStart(2, '0')} h ${String(now.getMinutes()).padStart(2, '0')}.`;
  } catch (error) {
    draftStatus.textContent = 'Le brouillon n’a pas pu être enregistré.';
    if (error.status === 401) location.assign('index.html');
  }
}

async function submit(event) {
  event.preventDefault();
  clearTimeout(saving);
  const values = typed();
  const errors = [];
  const money = (text, field, label) => {
    const value = amount(text);
    if (Number.isNaN(value)) errors.push({ field, message: `${label} : indiquez un montant en euros, par exemple 1 500,50.` });
    return value;
  };
  for (const [field, label] of [['actionsStart', 'Le début des actions'], ['actionsEnd', 'La fin des actions']]) {
    if (!values[field]) errors.push({ field, message: `${label} est obligatoire.` });
  }
  const body = {
    authority: values.authority || null,
    name: values.name,
    siret: values.siret || null,
    rna: values.rna || null,
    kind: values.kind,
    representative: values.representative,
    object: values.object,
    actionsStart: values.actionsStart,
    actionsEnd: values.actionsEnd,
    expenses: values.expenses.map((row, i) => ({ label: row.label, amount: money(row.amount, `budget.expenses[${i}].amount`, `Dépense n°${i + 1}`) })),
    revenues: values.revenues.map((row, i) => ({ funder: row.funder, amount: money(row.amount, `budget.revenues[${i}].amount`, `Recette n°${i + 1}`), fromThisAuthority: row.fromThisAuthority })),
    amountRequested: money(values.amountRequested, 'amountRequested', 'Le montant demandé'),
    republicanCommitment: values.republicanCommitment,
    swornStatement: values.swornStatement,
  };
  if (errors.length) {
    showErrors(form, errors, { summary });
    return;
  }
  clearErrors(form, summary);
  const button = document.getElementById('submit-request');
  button.disabled = true;
  try {
    const created = await call('/api/portal/requests', { method: 'POST', json: body });
    location.assign(`dossier.html?id=${encodeURIComponent(created.dossierId)}&depose=1`);
  } catch (error) {
    button.disabled = false;
    if (error.errors.length) showErrors(form, error.errors, { summary });
    else reportError(error, 'La demande n’a pas pu être envoyée');
  }
}
