// Pure helpers of the budget and programme pages: the bodies sent to the API and the checks made before sending
// (the server checks again and has the last word). Tested by finance.test.mjs.
import { amountValue, checkAmount } from './money.js';

const refusal = (code, field, rule, message) => ({ code, field, rule, message });

/** M57 by nature and function, as BudgetLineRules: chapter, then one to three segments ("65-23-6574"). */
export const BUDGET_CODE = /^\d{2,3}(-\d{1,6}){1,3}$/;

/** The programme id, as ProgrammeRules: 3 to 60 of a-z, 0-9 and hyphen. */
export const PROGRAMME_ID = /^[a-z0-9-]{3,60}$/;

function checkYear(value, field) {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 && /^\d{4}$/.test(String(value).trim())
    ? null
    : refusal('year', field, 'Année plausible', `« ${value} » n'est pas une année entre 2000 et 2100.`);
}

/** The PUT body and the route of a budget line from the form's strings; `errors` lists what is wrong. */
export function budgetLineRequest({ year, code, label, voted }) {
  const errors = [
    checkYear(year, 'year'),
    BUDGET_CODE.test(String(code ?? '').trim()) ? null
      : refusal('budgetLine.code', 'code', 'Code M57', `Le code « ${code ?? ''} » n'est pas un code M57 valide : la forme attendue est chapitre-fonction-article, par exemple 65-23-6574.`),
    String(label ?? '').trim() ? null : refusal('budgetLine.label', 'label', 'Libellé obligatoire', 'Le libellé de la ligne budgétaire est obligatoire.'),
    checkAmount(voted, 'voted', { allowZero: true }),
  ].filter(Boolean);
  return {
    errors,
    path: `/api/budget-lines/${encodeURIComponent(String(year).trim())}/${encodeURIComponent(String(code ?? '').trim())}`,
    body: { label: String(label ?? '').trim(), voted: amountValue(voted) },
  };
}

/** Funders typed one per line (or separated by semicolons), blanks dropped. */
export function fundersFrom(text) {
  return String(text ?? '').split(/[\n;]/).map((f) => f.trim()).filter(Boolean);
}

/** The POST body of a programme from the form's strings; `errors` lists what is wrong, with the API's field paths. */
export function programmeRequest({ id, name, totalBudget, phases, funders }) {
  const list = fundersFrom(funders);
  const errors = [
    PROGRAMME_ID.test(String(id ?? '').trim()) ? null
      : refusal('programme.id', 'id', 'Identifiant', `L'identifiant « ${id ?? ''} » n'est pas valide : de 3 à 60 caractères parmi les minuscules sans accent, les chiffres et le tiret.`),
    String(name ?? '').trim() ? null : refusal('programme.name', 'name', 'Nom obligatoire', 'Le nom du programme est obligatoire.'),
    checkAmount(totalBudget, 'totalBudget', { allowZero: true }),
    phases.length ? null : refusal('programme.phases', 'phases', 'Au moins une phase', 'Indiquez au moins une phase du programme.'),
    list.length ? null : refusal('programme.funders', 'funders', 'Au moins un financeur', 'Indiquez au moins un financeur du programme (un par ligne).'),
  ];
  phases.forEach((phase, i) => {
    const field = `phases[${i}]`;
    errors.push(
      String(phase.label ?? '').trim() ? null : refusal('programme.phase-label', `${field}.label`, 'Libellé de la phase', `La phase n°${i + 1} n'a pas de libellé.`),
      checkYear(phase.firstYear, `${field}.firstYear`),
      checkYear(phase.lastYear, `${field}.lastYear`) ?? (Number(phase.lastYear) < Number(phase.firstYear)
        ? refusal('programme.phase-order', `${field}.lastYear`, 'Première année avant la dernière', `La phase n°${i + 1} se termine en ${phase.lastYear}, avant de commencer en ${phase.firstYear}.`)
        : null));
  });
  return {
    errors: errors.filter(Boolean),
    body: {
      id: String(id ?? '').trim(),
      name: String(name ?? '').trim(),
      totalBudget: amountValue(totalBudget),
      phases: phases.map((p) => ({ label: String(p.label ?? '').trim(), firstYear: Number(p.firstYear), lastYear: Number(p.lastYear), budget: null })),
      funders: list,
    },
  };
}

/** "2021-2024", or "2021" for a single year; "—" without phases. */
export function period(phases) {
  if (!phases?.length) return '—';
  const first = Math.min(...phases.map((p) => p.firstYear));
  const last = Math.max(...phases.map((p) => p.lastYear));
  return first === last ? String(first) : `${first}-${last}`;
}
