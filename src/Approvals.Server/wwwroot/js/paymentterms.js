// The payment terms as the server checks them (RequestRules): labelled instalments totalling 100 %.
import { refusal } from './refusal.js';
import { parseAmount } from './money.js';
import { checkText } from './text.js';

/** Payment terms: at least one, each labelled and between 0 and 100 %, totalling exactly 100 %. */
export function checkPaymentTerms(terms) {
  if (!terms?.length) return [refusal('paymentTerms.required', 'paymentTerms', 'Modalités de versement', 'Indiquez au moins une échéance de versement.')];
  const refusals = [];
  let totalHundredths = 0;
  let readable = true;
  terms.forEach((term, i) => {
    const text = checkText(term.label, `paymentTerms[${i}].label`, 200, "Le libellé de l'échéance");
    if (text) refusals.push(text);
    const parsed = parseAmount(term.percent);
    if (parsed.error || parsed.cents <= 0 || parsed.cents > 10000) {
      readable = readable && !parsed.error;
      refusals.push(refusal('paymentTerms.percent', `paymentTerms[${i}].percent`, 'Part entre 0 et 100 %',
        `La part ${term.percent ?? ''} % n'est pas comprise entre 0 et 100 %.`));
    }
    if (!parsed.error) totalHundredths += parsed.cents;
  });
  if (readable && totalHundredths !== 10000) {
    refusals.push(refusal('paymentTerms.total', 'paymentTerms', 'Versements totalisant 100 %',
      `Les échéances totalisent ${(totalHundredths / 100).toLocaleString('fr-FR')} % au lieu de 100 %.`));
  }
  return refusals;
}

/** Sum of the payment terms' percents (for the live total). */
export function paymentTermsTotal(terms) {
  return (terms ?? []).reduce((total, term) => total + (parseAmount(term.percent).cents ?? 0), 0) / 100;
}
