// Texts, names, e-mail addresses and dates as the server checks them (Approvals.Domain: Checks, EmailAddresses).
// Shared vectors: tests/vectors/email-addresses.json.
import { refusal } from './refusal.js';

export function checkText(value, field, maxLength, label) {
  const text = value ?? '';
  if (!String(text).trim()) return refusal('text.required', field, 'Champ obligatoire', `${label} est obligatoire.`);
  if (text.length > maxLength) return refusal('text.too-long', field, 'Longueur maximale', `${label} dépasse ${maxLength} caractères (${text.length}).`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return refusal('text.control-character', field, 'Caractères de contrôle interdits', `${label} contient des caractères de contrôle.`);
  return null;
}

/** A person's or an organisation's name: text without < > or line breaks. */
export function checkName(value, field, label) {
  return checkText(value, field, 200, label) ?? (/[<>\n\r\t]/.test(value)
    ? refusal('name.characters', field, 'Caractères interdits dans un nom', `${label} ne peut pas contenir les caractères < > ni de retour à la ligne.`)
    : null);
}

/** The server's address rule (EmailAddresses.cs): what both mailers (MimeKit, SendGrid) take as it is. */
const EMAIL = /^[A-Za-z0-9_%+'-]+(\.[A-Za-z0-9_%+'-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export function checkEmail(value, field, label) {
  if (typeof value === 'string' && value.length <= 254 && EMAIL.test(value)) return null;
  const message = typeof value !== 'string' || !value.trim()
    ? `${label} (${field}) est obligatoire.`
    : `${label} (${field}) « ${value.length > 60 ? `${value.slice(0, 60)}…` : value} » n'est pas une adresse que la messagerie peut utiliser : `
      + "écrivez-la sous la forme nom@domaine.fr, avec avant l'arobase seulement des lettres sans accent, des chiffres et . _ % + - ' "
      + "(un point ni au début, ni à la fin, ni deux de suite), sans espace, virgule, point-virgule, deux-points ni parenthèses.";
  return refusal('email.format', field, 'Adresse électronique acceptée par la messagerie', message);
}

export const isDate = (value) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
export const showDate = (iso) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export function checkDate(value, field, label) {
  return isDate(value) ? null : refusal('date.required', field, 'Date obligatoire', `${label} est obligatoire (jour/mois/année).`);
}

/** Order of acts: `later` cannot precede `earlier` (ISO dates compare as text). */
export function checkDateOrder(earlier, later, field, code, rule, message) {
  return isDate(earlier) && isDate(later) && later < earlier ? refusal(code, field, rule, message) : null;
}
