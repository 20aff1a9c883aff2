// Field errors beside their fields and a summary at the top of the form. Errors name fields by the API's paths
// ("budget.expenses[2].amount", "attendance.present[3]", "tally"); elements carry the path they stand for in
// data-field, and an error goes to the closest one: the exact path, else its parent ("attendance.present").
import { el, focus } from './dom.js';

/** The parent of a field path: "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "". */
export function parentPath(path) {
  const match = /^(.*?)(?:\[\d+\]|\.[^.[\]]+)$/.exec(path);
  return match ? match[1] : '';
}

/** The element standing for `field`, or for its nearest parent path, inside `scope`. */
export function findField(scope, field) {
  for (let path = field ?? ''; path; path = parentPath(path)) {
    const found = scope.querySelector(`[data-field="${CSS.escape(path)}"]`);
    if (found) return found;
  }
  return null;
}

const isControl = (node) => /^(INPUT|SELECT|TEXTAREA)$/.test(node.tagName);

/** The control to focus for an element: itself, or its first control. */
function controlOf(node) {
  return isControl(node) ? node : node.querySelector('input, select, textarea, button') ?? node;
}

/** Removes every error shown in `scope` (and its summary). */
export function clearErrors(scope, summary = null) {
  for (const message of scope.querySelectorAll('.field-error')) message.remove();
  for (const node of scope.querySelectorAll('[aria-invalid="true"]')) node.removeAttribute('aria-invalid');
  for (const node of scope.querySelectorAll('[data-error-for]')) {
    const ids = (node.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !id.endsWith('-erreur'));
    if (ids.length) node.setAttribute('aria-describedby', ids.join(' '));
    else node.removeAttribute('aria-describedby');
    node.removeAttribute('data-error-for');
  }
  for (const node of scope.querySelectorAll('.has-error')) node.classList.remove('has-error');
  if (summary) {
    summary.hidden = true;
    summary.replaceChildren();
  }
}

/**
 * Shows `errors` ({ field, message }) beside their fields in `scope`; with a `summary` element, also lists them
 * there with links to the fields, and moves focus to it. `only` (a Set of paths) limits inline errors to fields
 * the user has already left, for checks while typing.
 */
export function showErrors(scope, errors, { summary = null, only = null, title = null } = {}) {
  clearErrors(scope, summary);
  const links = [];
  for (const error of errors) {
    const target = error.field ? findField(scope, error.field) : null;
    if (only && (!target || !only.has(target.dataset.field))) continue;
    let control = null;
    if (target) {
      control = controlOf(target);
      attachMessage(target, control, error.message);
    }
    links.push({ error, control });
  }
  if (summary && errors.length) {
    const count = errors.length;
    summary.replaceChildren(
      el('h2', { class: 'error-summary-title' }, title ?? (count === 1 ? 'Le formulaire contient 1 erreur' : `Le formulaire contient ${count} erreurs`)),
      el('ul', {}, links.map(({ error, control }) => el('li', {}, control?.id
        ? el('a', { href: `#${control.id}`, on: { click: (event) => { event.preventDefault(); focus(control); } } }, error.message)
        : error.message))),
    );
    summary.hidden = false;
    focus(summary);
  }
  return links.length;
}

function attachMessage(target, control, message) {
  const anchor = control?.id ? control : target;
  const baseId = anchor.id || target.dataset.field.replace(/[^\w-]/g, '-');
  const errorId = `${baseId}-erreur`;
  let box = document.getElementById(errorId);
  if (!box) {
    box = el('p', { class: 'field-error', id: errorId });
    const container = target.closest('.field') ?? target;
    if (isControl(target)) {
      const holder = target.closest('.field, td') ?? target.parentElement;
      holder.appendChild(box);
    } else {
      container.insertBefore(box, container.firstElementChild?.tagName === 'LEGEND' ? container.firstElementChild.nextSibling : container.firstChild);
    }
    for (const node of new Set([target, control].filter(Boolean))) {
      const ids = (node.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
      if (!ids.includes(errorId)) node.setAttribute('aria-describedby', [...ids, errorId].join(' '));
      node.setAttribute('data-error-for', '');
    }
  }
  box.appendChild(el('span', {}, message));
  (target.closest('.field') ?? target).classList.add('has-error');
  if (control && isControl(control)) control.setAttribute('aria-invalid', 'true');
}

/** A message for a failed call outside any field (network, 403, 409…), in a banner with role="alert". */
export function showProblem(banner, error) {
  const text = error.status === 0
    ? 'Le serveur ne répond pas. Vérifiez votre connexion puis réessayez.'
    : [error.title, error.detail].filter(Boolean).join(' — ') || 'La demande a échoué.';
  banner.replaceChildren(el('p', {}, text));
  banner.hidden = false;
}

/** Builds a labelled field: <div class="field"><label for>…</label>[hint]<control></div>. */
export function field({ id, label, hint = null, control }) {
  const hintId = hint ? `${id}-aide` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return el('div', { class: 'field' },
    el('label', { for: id }, label),
    hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
    control);
}
