// Money as the server counts it (Approvals.Domain: Money): integer cents, never floating-point euros; amounts typed
// the French way. Shared vectors: tests/vectors/amounts.json.
import { refusal } from './refusal.js';

export const MAXIMUM_CENTS = 1_000_000_000 * 100;

const eurosFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** 900000 → "9 000,00 €". */
export function centsText(cents) {
  return eurosFormat.format(cents / 100);
}

/**
 * Reads an amount typed the French way ("9 000,50", "9000.5") or given as a number. Returns { cents } or
 * { error: 'empty' | 'format' | 'precision' }.
 */
export function parseAmount(value) {
  if (value === null || value === undefined) return { error: 'empty' };
  let text = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : String(value);
  text = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (text === '') return { error: 'empty' };
  if (/e/i.test(text)) {
    const n = Number(text);
    if (!Number.isFinite(n)) return { error: 'format' };
    text = n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
  }
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return { error: 'format' };
  const decimals = (match[3] ?? '').replace(/0+$/, '');
  if (decimals.length > 2) return { error: 'precision' };
  const cents = Number(match[2]) * 100 + Number(decimals.padEnd(2, '0') || '0');
  return { cents: match[1] ? -cents : cents };
}

/** The amount as a JSON number of euros (exact to the cent), or null when it cannot be read. */
export function amountValue(value) {
  const parsed = parseAmount(value);
  return parsed.error ? null : parsed.cents / 100;
}

/** Money.Check: positive (or zero when allowed), two decimals at most, at most one billion euros. */
export function checkAmount(value, field, { allowZero = false } = {}) {
  const parsed = parseAmount(value);
  if (parsed.error === 'empty') return refusal('amount.required', field, 'Montant obligatoire', 'Indiquez un montant en euros.');
  if (parsed.error === 'format') {
    return refusal('amount.format', field, 'Montant en euros', `« ${value} » n'est pas un montant : écrivez par exemple 9 000 ou 9 000,50.`);
  }
  // The server's order: a negative amount is said to be negative before its decimals are counted.
  if (parsed.error === 'precision' && String(value).trim().startsWith('-')) {
    return refusal('amount.negative', field, 'Montant positif', `Le montant ${value} € est négatif : un montant ne peut pas être inférieur à zéro.`);
  }
  if (parsed.error === 'precision') {
    return refusal('amount.precision', field, 'Deux décimales au plus', `Le montant ${value} € a plus de deux décimales : les montants s'expriment en euros et centimes.`);
  }
  const { cents } = parsed;
  if (cents < 0) return refusal('amount.negative', field, 'Montant positif', `Le montant ${centsText(cents)} est négatif : un montant ne peut pas être inférieur à zéro.`);
  if (cents === 0 && !allowZero) return refusal('amount.zero', field, 'Montant non nul', `Le montant ${centsText(0)} est nul : indiquez un montant supérieur à zéro.`);
  if (cents > MAXIMUM_CENTS) {
    return refusal('amount.too-large', field, 'Montant plafonné à 1 000 000 000 €', `Le montant ${centsText(cents)} dépasse le plafond de 1 000 000 000 €.`);
  }
  return null;
}
