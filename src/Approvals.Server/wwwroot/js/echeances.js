// The deadlines dashboard: GET /api/deadlines?days=60, one page at a time (skip/take in the URL), overdue first (in red
// and with the words "en retard"), then grouped by week ("Semaine du 05/09/2022"); above, the count per day of the whole
// board as bars, with the same figures in words for screen readers.
import { el, replace, frenchDate, capitalize } from './dom.js';
import { get } from './api.js';
import { initLayout, reportError } from './layout.js';
import { groupDeadlines } from './deadlines.js';

const TAKE = 100;
const root = document.getElementById('deadlines');
const skip = Math.max(0, Number.parseInt(new URLSearchParams(location.search).get('skip') ?? '0', 10) || 0);
initLayout('echeances');
load();

async function load() {
  try {
    const page = await get(`/api/deadlines?days=60&skip=${skip}&take=${TAKE}`);
    render(page.items);
    if (page.items.length) root.prepend(picture(page.days));
    root.append(pager(page));
  } catch (error) {
    replace(root, el('p', { class: 'notice' }, 'Les échéances ne peuvent pas être affichées.'));
    reportError(error);
  } finally {
    root.removeAttribute('aria-busy');
  }
}

function render(items) {
  if (!items.length) {
    replace(root, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Aucune échéance dans les 60 prochains jours.')));
    return;
  }
  replace(root, groupDeadlines(items).map((group) => el('section', { 'aria-labelledby': `group-${group.key}`, 'data-testid': 'deadline-group', 'data-week': group.key },
    el('h2', { id: `group-${group.key}`, class: group.key === 'overdue' ? 'overdue' : null }, group.title, ` (${group.items.length})`),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('caption', { class: 'visually-hidden' }, group.title),
      el('thead', {}, el('tr', {}, ['Date', 'Dossier', 'Bénéficiaire', 'Échéance', 'État'].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, group.items.map((d) => el('tr', { 'data-testid': 'deadline-row', class: d.overdue ? 'overdue' : null },
        el('td', {}, frenchDate(d.day)),
        el('td', {}, el('a', { href: `dossier.html?id=${encodeURIComponent(d.dossierId)}` }, d.number)),
        el('td', {}, d.beneficiaryName),
        el('td', {}, capitalize(d.label)),
        el('td', {}, d.overdue ? el('span', { class: 'badge badge-error' }, 'en retard') : 'à venir')))))))));
}

/** One bar per day with deadlines, its height the count (overdue part in red); the figures in words too. */
function picture(days) {
  const width = 640;
  const height = 80;
  const max = Math.max(1, ...days.map((d) => d.count));
  const step = width / Math.max(days.length, 1);
  const total = days.reduce((sum, d) => sum + d.count, 0);
  const words = days.map((d) => `${frenchDate(d.day)} : ${d.count}${d.overdue ? ` (dont ${d.overdue} en retard)` : ''}`).join(' ; ');
  return el('figure', { class: 'deadline-days', 'data-testid': 'deadline-days' },
    el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${total} échéances par jour` },
      days.flatMap((d, i) => {
        const h = (d.count / max) * (height - 4);
        const late = (d.overdue / max) * (height - 4);
        return [
          el('rect', { x: String(i * step + 1), y: String(height - h), width: String(Math.max(step - 2, 1)), height: String(h), fill: '#000091' }),
          late ? el('rect', { x: String(i * step + 1), y: String(height - late), width: String(Math.max(step - 2, 1)), height: String(late), fill: '#ce0500' }) : null,
        ].filter(Boolean);
      })),
    el('figcaption', {}, `${total} échéance(s) sur la période. `, el('span', { class: 'visually-hidden' }, words)));
}

function pager(page) {
  const nav = el('nav', { class: 'pager', 'aria-label': 'Pages des échéances' });
  if (page.skip > 0) nav.append(el('a', { href: `echeances.html?skip=${Math.max(0, page.skip - page.take)}` }, 'Échéances précédentes'), ' ');
  if (page.items.length) nav.append(el('span', {}, `Échéances ${page.skip + 1} à ${page.skip + page.items.length} sur ${page.total}`), ' ');
  if (page.hasMore) nav.append(el('a', { href: `echeances.html?skip=${page.skip + page.take}`, 'data-testid': 'deadlines-next' }, 'Échéances suivantes'));
  return nav;
}
