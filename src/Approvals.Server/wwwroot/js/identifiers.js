// SIRET and RNA numbers as the server checks them (Approvals.Domain: Siret, Rna). Shared vectors:
// tests/vectors/identifiers.json.
import { refusal } from './refusal.js';

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = digits.charCodeAt(i) - 48;
    if ((digits.length - 1 - i) % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const LA_POSTE_SIREN = '356000000';

/** SIREN: 9 digits passing the Luhn check. */
export function isValidSiren(value) {
  return typeof value === 'string' && /^\d{9}$/.test(value) && luhn(value);
}

/** SIRET: 14 digits with a Luhn check (and a valid SIREN); La Poste's establishments: digit sum multiple of 5. */
export function isValidSiret(value) {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) return false;
  if (luhn(value)) return isValidSiren(value.slice(0, 9));
  const sum = [...value].reduce((total, c) => total + Number(c), 0);
  return value.startsWith(LA_POSTE_SIREN) && sum % 5 === 0;
}

export function checkSiret(value, field = 'beneficiary.siret') {
  if (typeof value !== 'string' || !/^\d{14}$/.test(value)) {
    return refusal('siret.format', field, 'Un SIRET compte 14 chiffres', !value
      ? 'Le numéro SIRET est absent : il compte 14 chiffres, sans espace.'
      : `Le numéro SIRET « ${value} » doit compter exactement 14 chiffres, sans espace ni autre caractère.`);
  }
  return isValidSiret(value) ? null : refusal('siret.checksum', field, 'Clé de contrôle SIRET (algorithme de Luhn)',
    `Le numéro SIRET « ${value} » est erroné : sa clé de contrôle ne correspond pas (vérifiez les chiffres saisis).`);
}

export function isValidRna(value) {
  return typeof value === 'string' && /^W\d{9}$/.test(value);
}

export function checkRna(value, field = 'beneficiary.rna') {
  return isValidRna(value) ? null : refusal('rna.format', field, 'Numéro RNA : W suivi de 9 chiffres', !value
    ? 'Le numéro RNA est absent : il s\'écrit W suivi de 9 chiffres (par exemple W251002345).'
    : `Le numéro RNA « ${value} » n'a pas la forme attendue : W majuscule suivi de 9 chiffres (par exemple W251002345).`);
}
