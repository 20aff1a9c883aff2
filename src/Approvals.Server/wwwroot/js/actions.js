// The forms of the commands a dossier allows now (docs/api.md, "Commands"): one <details> per action, its fields
// named as the API's body, dates defaulting to today, enums as selects with French labels.
import { el, todayInParis } from './dom.js';
import { LETTER_KINDS, RECOVERY_REASONS, COMMANDS, DOCUMENT_KINDS } from './labels.js';
import { checkAmount, amountValue } from './money.js';
import { checkText, checkDate } from './text.js';

const date = (name, label) => ({ name, label, type: 'date' });
const textField = (name, label, extra = {}) => ({ name, label, type: 'text', ...extra });
const area = (name, label) => ({ name, label, type: 'textarea' });
const amount = (name, label, extra = {}) => ({ name, label, type: 'amount', ...extra });

/** The fields of each command (the vote has its own form, vote.js). `defaults(view)` proposes values. */
export const COMMAND_FIELDS = {
  RecordTransmission: [date('sentOn', 'Date d’envoi'), textField('platform', 'Plateforme de transmission', { default: 'S²LOW' })],
  RecordTransmissionFailure: [date('on', 'Date de l’échec'), area('reason', 'Motif')],
  AcknowledgeReceipt: [
    textField('actesId', 'Identifiant ACTES', { hint: 'Département-SIREN-date-numéro-nature, par exemple 025-242500361-20220609-2022_06_09_12-DE.', mono: true }),
    date('receivedOn', 'Reçu en préfecture le'),
  ],
  RecordPrefectureLetter: [
    date('receivedOn', 'Date de réception du courrier'),
    { name: 'kind', label: 'Nature du courrier', type: 'select', options: LETTER_KINDS },
    area('summary', 'Résumé'),
  ],
  SendAdditionalDocuments: [date('sentOn', 'Date d’envoi des pièces')],
  RequestDocuments: [{ name: 'documents', label: 'Pièces demandées au demandeur', type: 'kinds', options: DOCUMENT_KINDS }, area('message', 'Message au demandeur')],
  RecordCourtDecision: [
    date('decidedOn', 'Date du jugement'),
    { name: 'annulled', label: 'Le tribunal annule l’acte', type: 'checkbox' },
    area('summary', 'Résumé du jugement'),
  ],
  SignConvention: [
    date('authoritySignedOn', 'Signée par la collectivité le'),
    textField('authoritySignatory', 'Signataire pour la collectivité', { default: (v) => v.vote?.rapporteur ?? '' }),
    date('beneficiarySignedOn', 'Signée par le bénéficiaire le'),
    textField('beneficiarySignatory', 'Signataire pour le bénéficiaire', { default: (v) => v.request?.beneficiary?.representative ?? '' }),
  ],
  Notify: [date('notifiedOn', 'Date de notification')],
  RequestPayment: [date('receivedOn', 'Demande reçue le'), amount('amount', 'Montant demandé (€)', { default: remaining })],
  RecordPayment: [date('paidOn', 'Date du paiement'), amount('amount', 'Montant payé (€)', { default: remaining }), textField('reference', 'Référence du mandat')],
  ReceiveReport: [date('receivedOn', 'Compte rendu reçu le'), amount('realEligibleCosts', 'Dépenses réelles éligibles (€)')],
  AcceptReport: [date('acceptedOn', 'Compte rendu accepté le')],
  OrderRecovery: [
    date('orderedOn', 'Titre de recette émis le'),
    { name: 'reason', label: 'Motif du reversement', type: 'select', options: RECOVERY_REASONS },
    amount('amount', 'Montant à reverser (€)', { optional: true, hint: 'Laisser vide pour des dépenses inférieures au budget : le montant est calculé au prorata.' }),
  ],
  SendFormalNotice: [date('sentOn', 'Lettre recommandée envoyée le'), area('breach', 'Manquement constaté')],
  LiftFormalNotice: [date('on', 'Levée le'), area('reason', 'Motif')],
  Terminate: [date('terminatedOn', 'Résiliation le')],
  Withdraw: [date('on', 'Date du retrait'), area('reason', 'Motif du retrait')],
};

function remaining(view) {
  const voted = view.amounts?.voted ?? 0;
  const paid = view.amounts?.paid ?? 0;
  return voted > paid ? String(Math.round((voted - paid) * 100) / 100).replace('.', ',') : '';
}

/** The form of one action; `submit(body)` sends it and returns a promise. */
export function actionForm(action, view, submit) {
  const fields = COMMAND_FIELDS[action.command] ?? [];
  const prefix = action.route;
  const controls = fields.map((f) => control(prefix, f, view));
  const summary = el('div', { class: 'error-summary', id: `${prefix}-erreurs`, tabindex: '-1', role: 'alert', hidden: true });
  const form = el('form', { id: `${prefix}-form`, novalidate: true, 'data-command': action.command },
    summary,
    controls.map((c) => c.node),
    el('div', { class: 'actions-row' },
      el('button', { type: 'submit', id: `${prefix}-submit`, 'data-testid': `submit-${action.command}` }, capitalizeFirst(action.label ?? COMMANDS[action.command] ?? action.command))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {};
    const errors = [];
    fields.forEach((f, i) => {
      const input = controls[i].input;
      const raw = f.type === 'checkbox' ? input.checked : input.value.trim();
      if (f.type === 'date') {
        const refusal = checkDate(raw, f.name, f.label);
        if (refusal) errors.push(refusal);
        body[f.name] = raw;
      } else if (f.type === 'amount') {
        if (f.optional && raw === '') body[f.name] = null;
        else {
          const refusal = checkAmount(raw, f.name);
          if (refusal) errors.push(refusal);
          body[f.name] = amountValue(raw);
        }
      } else if (f.type === 'checkbox') {
        body[f.name] = raw;
      } else if (f.type === 'kinds') {
        body[f.name] = controls[i].boxes.filter((box) => box.checked).map((box) => box.value);
      } else {
        const refusal = f.type === 'select' ? null : checkText(raw, f.name, f.type === 'textarea' ? 2000 : 200, f.label);
        if (refusal) errors.push(refusal);
        body[f.name] = raw;
      }
    });
    submit(body, errors, form, summary);
  });
  return el('details', { class: 'action', id: `action-${prefix}`, 'data-testid': `action-${action.command}` },
    el('summary', {}, capitalizeFirst(action.label ?? COMMANDS[action.command] ?? action.command)),
    form);
}

function capitalizeFirst(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function control(prefix, f, view) {
  const id = `${prefix}-${f.name}`;
  const hintId = f.hint ? `${id}-aide` : null;
  const initial = typeof f.default === 'function' ? f.default(view) : f.default ?? '';
  let input;
  if (f.type === 'kinds') {
    // Several values: one checkbox each, in a fieldset named by the label.
    const boxes = Object.entries(f.options).map(([value]) => el('input', { type: 'checkbox', id: `${id}-${value}`, name: f.name, value }));
    const node = el('fieldset', { class: 'field', 'data-field': f.name }, el('legend', {}, f.label),
      Object.entries(f.options).map(([value, label], i) => el('div', { class: 'check' }, boxes[i], el('label', { for: `${id}-${value}` }, label))));
    return { input: boxes[0], boxes, node };
  }
  if (f.type === 'checkbox') {
    input = el('input', { type: 'checkbox', id, name: f.name, 'data-field': f.name });
    return { input, node: el('div', { class: 'field' }, el('div', { class: 'check' }, input, el('label', { for: id }, f.label))) };
  }
  if (f.type === 'select') {
    input = el('select', { id, name: f.name, 'data-field': f.name }, Object.entries(f.options).map(([value, label]) => el('option', { value }, label)));
  } else if (f.type === 'textarea') {
    input = el('textarea', { id, name: f.name, 'data-field': f.name, maxlength: '2000' });
    input.value = initial;
  } else {
    input = el('input', {
      type: f.type === 'date' ? 'date' : 'text', id, name: f.name, 'data-field': f.name,
      class: f.type === 'amount' ? 'amount' : f.type === 'date' ? 'short' : f.mono ? 'mono' : null,
      inputmode: f.type === 'amount' ? 'decimal' : null, autocomplete: 'off',
      value: f.type === 'date' ? todayInParis() : initial, 'aria-describedby': hintId,
    });
  }
  return {
    input,
    node: el('div', { class: 'field' },
      el('label', { for: id }, f.label, f.optional ? ' (facultatif)' : ''),
      f.hint ? el('p', { class: 'hint', id: hintId }, f.hint) : null,
      input),
  };
}

