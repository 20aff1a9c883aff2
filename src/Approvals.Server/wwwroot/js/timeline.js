// The dossier's picture: its stages on a line (done ones filled, with their dates; the current one ringed) and
// its coming deadlines as diamonds on a date axis (overdue ones in red and marked "en retard" in words).
// Built as SVG from the DossierView's `timeline` and `deadlines`; the same facts are given as text lists.
import { el, frenchDate, capitalize } from './dom.js';

const WIDTH = 960;
const MARGIN = 70;
const BLUE = '#000091';
const RED = '#ce0500';
const GREY = '#6a6a6a';
const TEXT = '#161616';

const dayNumber = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/** Splits a label into lines of at most `width` characters, on spaces. */
export function wrap(text, width = 16) {
  const lines = [];
  let line = '';
  for (const word of String(text).split(/\s+/)) {
    if (line && (line + ' ' + word).length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The deadlines worth drawing: the deadlines themselves, not the reminders that announce them. */
export function mainDeadlines(deadlines) {
  return (deadlines ?? []).filter((d) => d.kind !== 'Reminder').slice().sort((a, b) => a.day.localeCompare(b.day));
}

function text(x, y, content, attrs = {}) {
  return el('text', { x, y, 'font-size': 13, fill: TEXT, 'text-anchor': 'middle', ...attrs }, content);
}

/** The SVG picture (role="img", with a title and a description). */
export function timelineSvg(view, today) {
  const steps = view.timeline ?? [];
  const deadlines = mainDeadlines(view.deadlines);
  const height = deadlines.length ? 300 : 130;
  const currentIndex = steps.findIndex((s) => s.stage === view.stage && s.done);
  const current = currentIndex >= 0 ? currentIndex : steps.map((s) => s.done).lastIndexOf(true);
  const svg = el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img',
    'aria-labelledby': 'timeline-title timeline-desc', id: 'timeline-svg', 'data-testid': 'timeline-svg',
    'font-family': 'system-ui, sans-serif',
  },
  el('title', { id: 'timeline-title' }, `Frise du dossier ${view.number ?? ''}`),
  el('desc', { id: 'timeline-desc' }, describe(view, steps, current, deadlines, today)));

  // Stages.
  const y = 50;
  const step = steps.length > 1 ? (WIDTH - 2 * MARGIN) / (steps.length - 1) : 0;
  const xOf = (i) => (steps.length > 1 ? MARGIN + i * step : WIDTH / 2);
  if (steps.length > 1) {
    svg.appendChild(el('line', { x1: xOf(0), y1: y, x2: xOf(steps.length - 1), y2: y, stroke: GREY, 'stroke-width': 2 }));
    if (current > 0) svg.appendChild(el('line', { x1: xOf(0), y1: y, x2: xOf(current), y2: y, stroke: BLUE, 'stroke-width': 4 }));
  }
  const width = Math.max(10, Math.floor(step / 7.5)) || 20;
  steps.forEach((s, i) => {
    const x = xOf(i);
    const isCurrent = i === current;
    const group = el('g', { 'data-stage': s.stage, class: s.done ? 'step-done' : 'step-todo' });
    if (isCurrent) group.appendChild(el('circle', { cx: x, cy: y, r: 15, fill: 'none', stroke: BLUE, 'stroke-width': 2 }));
    group.appendChild(el('circle', { cx: x, cy: y, r: isCurrent ? 10 : 8, fill: s.done ? BLUE : '#ffffff', stroke: s.done ? BLUE : GREY, 'stroke-width': 2 }));
    if (s.on) group.appendChild(text(x, y - 24, frenchDate(s.on), { 'font-size': 12 }));
    wrap(s.label, width).forEach((line, k) => group.appendChild(text(x, y + 32 + k * 15, line, {
      'font-weight': isCurrent ? 700 : 400, fill: s.done ? TEXT : '#555555',
    })));
    svg.appendChild(group);
  });

  if (deadlines.length) drawDeadlines(svg, deadlines, today);
  return svg;
}

function drawDeadlines(svg, deadlines, today) {
  const axisY = 260;
  // The axis spans the deadlines; today is on it when near them, else marked at the edge it lies beyond.
  const days = deadlines.map((d) => dayNumber(d.day));
  const now = dayNumber(today);
  let min = Math.min(...days);
  let max = Math.max(...days);
  if (now >= min - 120 && now <= max + 120) {
    min = Math.min(min, now);
    max = Math.max(max, now);
  }
  if (max - min < 30) {
    min -= 15;
    max += 15;
  }
  const pad = (max - min) * 0.04;
  min -= pad;
  max += pad;
  const xAt = (day) => MARGIN + ((day - min) / (max - min)) * (WIDTH - 2 * MARGIN);
  const xOf = (iso) => xAt(dayNumber(iso));

  svg.appendChild(text(MARGIN - 60, 150, 'Échéances', { 'text-anchor': 'start', 'font-weight': 700, 'font-size': 14 }));
  svg.appendChild(el('line', { x1: MARGIN - 20, y1: axisY, x2: WIDTH - MARGIN + 20, y2: axisY, stroke: GREY, 'stroke-width': 2 }));

  // Month ticks.
  const start = new Date(min * 86_400_000);
  const cursor = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  const months = [];
  while (cursor.getTime() / 86_400_000 <= max) {
    months.push(cursor.toISOString().slice(0, 10));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  const every = Math.ceil(months.length / 10);
  months.forEach((iso, i) => {
    const x = xOf(iso);
    svg.appendChild(el('line', { x1: x, y1: axisY - 4, x2: x, y2: axisY + 4, stroke: GREY }));
    if (i % every === 0) svg.appendChild(text(x, axisY + 20, `${iso.slice(5, 7)}/${iso.slice(0, 4)}`, { 'font-size': 11, fill: '#555555' }));
  });

  // Today.
  if (now >= min && now <= max) {
    const tx = xAt(now);
    svg.appendChild(el('line', { x1: tx, y1: axisY - 95, x2: tx, y2: axisY + 6, stroke: TEXT, 'stroke-dasharray': '4 3' }));
    svg.appendChild(text(clampX(tx, 150), axisY + 36, `aujourd’hui ${frenchDate(today)}`, { 'font-size': 11, 'font-weight': 700, 'text-anchor': 'start' }));
  } else if (now > max) {
    svg.appendChild(text(WIDTH - 10, axisY + 36, `aujourd’hui (${frenchDate(today)}) →`, { 'font-size': 11, 'font-weight': 700, 'text-anchor': 'end' }));
  } else {
    svg.appendChild(text(10, axisY + 36, `← aujourd’hui (${frenchDate(today)})`, { 'font-size': 11, 'font-weight': 700, 'text-anchor': 'start' }));
  }

  deadlines.forEach((d, i) => {
    const x = xOf(d.day);
    const overdue = d.day < today;
    const colour = overdue ? RED : BLUE;
    const level = i % 3;
    const labelY = axisY - 80 + level * 24;
    const group = el('g', { 'data-deadline': d.id, class: overdue ? 'deadline-overdue' : 'deadline' });
    group.appendChild(el('line', { x1: x, y1: labelY + 5, x2: x, y2: axisY - 9, stroke: colour, 'stroke-width': 1 }));
    group.appendChild(el('polygon', { points: `${x},${axisY - 9} ${x + 9},${axisY} ${x},${axisY + 9} ${x - 9},${axisY}`, fill: colour }));
    const label = `${capitalize(d.label)} : ${frenchDate(d.day)}${overdue ? ' (en retard)' : ''}`;
    const shown = label.length > 70 ? `${label.slice(0, 69)}…` : label;
    group.appendChild(text(clampX(x, shown.length * 7), labelY, shown, { 'text-anchor': 'start', fill: colour, 'font-size': 12, 'font-weight': overdue ? 700 : 400 }));
    svg.appendChild(group);
  });
}

/** The left end of a text of about `width` pixels centred on `x`, kept inside the picture. */
function clampX(x, width) {
  return Math.max(10, Math.min(x - width / 2, WIDTH - 10 - width));
}

function describe(view, steps, current, deadlines, today) {
  const done = steps.filter((s) => s.done).map((s) => `${s.label}${s.on ? ` le ${frenchDate(s.on)}` : ''}`);
  const parts = [
    current >= 0 ? `Étape actuelle : ${steps[current].label}.` : '',
    done.length ? `Étapes franchies : ${done.join(', ')}.` : '',
    deadlines.length
      ? `Échéances : ${deadlines.map((d) => `${d.label} le ${frenchDate(d.day)}${d.day < today ? ' (en retard)' : ''}`).join(', ')}.`
      : 'Aucune échéance à venir.',
  ];
  return parts.filter(Boolean).join(' ');
}

/** The text equivalent of the picture: the stages and the deadlines as lists. */
export function timelineText(view, today) {
  const steps = view.timeline ?? [];
  const deadlines = mainDeadlines(view.deadlines);
  const reminders = (view.deadlines ?? []).filter((d) => d.kind === 'Reminder');
  return [
    el('h3', {}, 'Étapes'),
    el('ol', { class: 'plain-list', 'data-testid': 'timeline-steps' }, steps.map((s) => el('li', {
      'aria-current': s.stage === view.stage && s.done ? 'step' : null,
    }, capitalize(s.label), s.done ? ` : ${s.on ? frenchDate(s.on) : 'faite'}` : ' : à venir', s.stage === view.stage && s.done ? ' (étape actuelle)' : ''))),
    el('h3', {}, 'Échéances'),
    deadlines.length
      ? el('ul', { class: 'deadline-list', 'data-testid': 'timeline-deadlines' }, deadlines.map((d) => el('li', {
        class: d.day < today ? 'overdue' : null, 'data-deadline': d.id,
      }, `${capitalize(d.label)} : ${frenchDate(d.day)}`, d.day < today ? ' — en retard' : '')))
      : el('p', { class: 'notice', 'data-testid': 'timeline-deadlines' }, 'Aucune échéance à venir.'),
    reminders.length
      ? el('p', { class: 'hint' }, `Relances prévues : ${reminders.map((r) => frenchDate(r.day)).join(', ')}.`)
      : null,
  ];
}
