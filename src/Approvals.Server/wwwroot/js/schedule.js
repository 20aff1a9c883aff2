// The dossier page's payment schedule: the instalments the payment terms set (PaymentSchedule on the server), one
// table row each. instalmentCells is pure and tested by schedule.test.mjs; scheduleSection builds the DOM.
import { el, euros, percent, frenchDate } from './dom.js';

/** When each instalment falls due (the new-request form's TRIGGERS name the choice, these the event). */
export const INSTALMENT_TRIGGERS = {
  AtSignature: 'à la signature',
  OnPaymentRequest: 'sur demande de paiement',
  OnFinalReport: 'sur compte rendu final',
  OnProgress: "selon l'avancement",
};

export const INSTALMENT_STATUSES = { Paid: 'versé', Due: 'dû', Expected: 'attendu' };

/** One instalment of the DossierView as the table's cells: label, percent, amount, trigger, due date, status. */
export function instalmentCells(instalment) {
  return [
    instalment.label,
    percent(Number(instalment.percent) / 100, 2),
    euros(instalment.amount),
    INSTALMENT_TRIGGERS[instalment.trigger] ?? instalment.trigger,
    instalment.dueOn ? frenchDate(instalment.dueOn) : 'à venir',
    INSTALMENT_STATUSES[instalment.status] ?? instalment.status,
  ];
}

const HEADINGS = ['Versement', 'Part', 'Montant', 'Échéance', 'Exigible le', 'État'];
const NUMERIC = new Set([1, 2]);

/** The "Échéancier des versements" section, or null when the dossier has no instalments yet. */
export function scheduleSection(instalments) {
  if (!instalments?.length) return null;
  return el('section', { 'aria-labelledby': 'schedule-heading', id: 'schedule' },
    el('h2', { id: 'schedule-heading' }, 'Échéancier des versements'),
    el('div', { class: 'table-wrap' }, el('table', { 'data-testid': 'instalments' },
      el('caption', { class: 'visually-hidden' }, 'Versements prévus par la convention, leur échéance et leur état'),
      el('thead', {}, el('tr', {}, HEADINGS.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, instalments.map((i) => el('tr', { 'data-testid': 'instalment' },
        instalmentCells(i).map((text, column) => column === 0
          ? el('th', { scope: 'row' }, text)
          : el('td', { class: NUMERIC.has(column) ? 'num' : null }, text))))))));
}
