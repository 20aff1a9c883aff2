// A grant request as the server checks it (Approvals.Domain: RequestRules.Check), every refusal at once, so that the
// form answers while the agent types; the server checks again and has the last word.
import { refusal } from './refusal.js';
import { parseAmount, centsText, checkAmount } from './money.js';
import { checkSiret, checkRna } from './identifiers.js';
import { checkBudget } from './budgetrules.js';
import { checkPaymentTerms } from './paymentterms.js';
import { checkText, checkName, checkEmail, checkDate, checkDateOrder, showDate } from './text.js';

export const CONVENTION_COMPULSORY_ABOVE_CENTS = 23_000 * 100;

/** RequestRules.Check: every refusal of a grant request at once. `today` is the Paris date "yyyy-MM-dd". */
export function checkRequest(request, today) {
  const b = request.beneficiary ?? {};
  const c = request.convention ?? {};
  const line = request.budgetLine ?? {};
  const refusals = [
    checkDate(request.receivedOn, 'receivedOn', 'La date de réception de la demande')
      ?? (today && request.receivedOn > today
        ? refusal('date.future', 'receivedOn', 'Date non future', `La date de réception de la demande (${showDate(request.receivedOn)}) ne peut pas être dans le futur.`)
        : null),
    checkName(b.name, 'beneficiary.name', 'Le nom du bénéficiaire'),
    !b.siret && !b.rna ? refusal('beneficiary.identifier', 'beneficiary.siret', 'SIRET ou RNA obligatoire', 'Indiquez le SIRET ou le numéro RNA du bénéficiaire.') : null,
    b.siret ? checkSiret(b.siret, 'beneficiary.siret') : null,
    b.rna ? checkRna(b.rna, 'beneficiary.rna') : null,
    checkName(b.representative, 'beneficiary.representative', 'Le représentant légal'),
    checkEmail(b.email, 'beneficiary.email', "L'adresse du bénéficiaire"),
    checkText(request.object, 'object', 2000, "L'objet de la demande"),
    checkDate(request.actionsStart, 'actionsStart', 'Le début des actions'),
    checkDate(request.actionsEnd, 'actionsEnd', 'La fin des actions')
      ?? checkDateOrder(request.actionsStart, request.actionsEnd, 'actionsEnd', 'period.order', 'Période des actions', 'La fin des actions précède leur début.'),
    checkAmount(request.amountRequested, 'amountRequested'),
    !Number.isInteger(Number(line.year)) || line.year === '' || Number(line.year) < 2000 || Number(line.year) > 2100
      ? refusal('budgetLine.year', 'budgetLine.year', 'Exercice budgétaire', `L'exercice ${line.year ?? ''} n'est pas plausible.`)
      : null,
    checkText(line.code, 'budgetLine.code', 40, 'Le code de la ligne budgétaire'),
    checkText(line.label, 'budgetLine.label', 200, 'Le libellé de la ligne budgétaire'),
    checkEmail(request.caseOfficerEmail, 'caseOfficerEmail', "L'adresse de l'agent instructeur"),
    ...checkBudget(request.budget ?? {}, request.amountRequested),
    ...checkPaymentTerms(request.paymentTerms),
    ...checkConvention(request, c),
  ];
  return refusals.filter(Boolean);
}

function checkConvention(request, c) {
  const requested = parseAmount(request.amountRequested);
  const months = Number(c.paymentWindowMonths);
  return [
    !requested.error && requested.cents > CONVENTION_COMPULSORY_ABOVE_CENTS && !c.hasConvention
      ? refusal('convention.compulsory', 'convention.hasConvention', 'Convention obligatoire au-delà de 23 000 € (loi n°2000-321, art. 10)',
        `Une subvention de ${centsText(requested.cents)} exige une convention écrite (au-delà de ${centsText(CONVENTION_COMPULSORY_ABOVE_CENTS)}).`)
      : null,
    !Number.isInteger(months) || months < 1 || months > 12
      ? refusal('convention.paymentWindow', 'convention.paymentWindowMonths', 'Délai de demande de paiement', 'Le délai de demande de paiement doit être compris entre 1 et 12 mois.')
      : null,
    c.reportDueDate ? checkDateOrder(request.actionsStart, c.reportDueDate, 'convention.reportDueDate', 'convention.reportDue', 'Compte rendu après le début des actions', 'La date du compte rendu précède le début des actions.') : null,
    c.endDate ? checkDateOrder(request.actionsStart, c.endDate, 'convention.endDate', 'convention.end', 'Fin de convention après le début des actions', 'La fin de la convention précède le début des actions.') : null,
  ];
}
