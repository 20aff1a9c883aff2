// Grouping of the deadlines dashboard: overdue first, then by week (weeks start on Monday, as in France).
import { frenchDate } from './dom.js';

/** The Monday of the week of an ISO date, as an ISO date. */
export function weekStart(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** Overdue items first, then one group per week, each sorted by day. */
export function groupDeadlines(items) {
  const sorted = items.slice().sort((a, b) => a.day.localeCompare(b.day));
  const groups = [];
  const overdue = sorted.filter((d) => d.overdue);
  if (overdue.length) groups.push({ key: 'overdue', title: 'En retard', items: overdue });
  for (const d of sorted.filter((x) => !x.overdue)) {
    const key = weekStart(d.day);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, title: `Semaine du ${frenchDate(key)}`, items: [] };
      groups.push(group);
    }
    group.items.push(d);
  }
  return groups;
}
