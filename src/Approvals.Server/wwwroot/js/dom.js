// DOM building and French formatting shared by every page. Server data reaches the page only through
// text nodes and attributes set here: never through innerHTML, so a beneficiary called "<script>" stays text.

/**
 * Builds an element. attrs: plain attributes, plus `class`, `dataset` (object), `on` (object of listeners),
 * and properties for `value`, `checked`, `disabled`, `hidden`, `selected`. Children: nodes, strings, numbers,
 * arrays of them; null, undefined and false are skipped.
 */
export function el(tag, attrs = {}, ...children) {
  const node = tag === 'svg' || attrs?.xmlns === SVG_NS || SVG_TAGS.has(tag)
    ? document.createElementNS(SVG_NS, tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'on') {
      for (const [event, listener] of Object.entries(value)) node.addEventListener(event, listener);
    } else if (name === 'dataset') {
      for (const [key, v] of Object.entries(value)) node.dataset[key] = String(v);
    } else if (PROPERTIES.has(name) && !(node instanceof SVGElement)) {
      node[name] = value;
    } else if (name === 'xmlns') {
      continue;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const SVG_TAGS = new Set(['g', 'line', 'circle', 'rect', 'path', 'polygon', 'text', 'tspan', 'title', 'desc']);
const PROPERTIES = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'indeterminate']);

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** Replaces the children of `node` with `children`. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

const eurosFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 9000 → "9 000,00 €" (French spacing). Null or undefined → "—". */
export function euros(amount) {
  if (amount === null || amount === undefined || amount === '' || Number.isNaN(Number(amount))) return '—';
  return eurosFormat.format(Number(amount));
}

/** 0.57 → "57 %". */
export function percent(rate, digits = 0) {
  if (rate === null || rate === undefined || Number.isNaN(Number(rate))) return '—';
  return new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: digits }).format(Number(rate));
}

/** "2022-06-09" → "09/06/2022" (a calendar date: no time zone involved). */
export function frenchDate(iso) {
  if (!iso) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(iso));
  return match ? `${match[3]}/${match[2]}/${match[1]}` : String(iso);
}

const instantFormat = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** An ISO instant shown in Paris time: "09/06/2022 18:07". */
export function frenchInstant(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : instantFormat.format(date).replace(',', '');
}

/** Today's date in Paris, "yyyy-MM-dd" (the default of every date field). */
export function todayInParis(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** "fin du délai" → "Fin du délai". */
export function capitalize(text) {
  const s = String(text ?? '');
  return s.charAt(0).toLocaleUpperCase('fr-FR') + s.slice(1);
}

/** Reads `name` from the page's query string. */
export function queryParam(name) {
  return new URLSearchParams(location.search).get(name);
}

/** Moves focus to `node` (making it focusable if needed), for error summaries and new content. */
export function focus(node) {
  if (!node) return;
  if (!node.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(node.tagName)) node.setAttribute('tabindex', '-1');
  node.focus();
}
