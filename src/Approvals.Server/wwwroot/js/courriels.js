// The development mailbox: the pickup folder's messages; the HTML version is shown in a sandboxed iframe (no
// script, no same-origin access), the text version as plain text.
import { el, replace, frenchInstant, focus } from './dom.js';
import { get } from './api.js';
import { initLayout, reportError } from './layout.js';

const list = document.getElementById('mailbox');
const view = document.getElementById('mail-view');
initLayout('courriels');
load();

async function load() {
  try {
    const mails = (await get('/api/mailbox')) ?? [];
    mails.sort((a, b) => String(b.date).localeCompare(String(a.date)));
    render(mails);
  } catch (error) {
    replace(list, el('p', { class: 'notice' }, 'Les courriels ne peuvent pas être affichés.'));
    reportError(error);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function render(mails) {
  if (!mails.length) {
    replace(list, el('div', { class: 'empty', 'data-testid': 'empty-state' }, el('p', {}, 'Aucun courriel.')));
    return;
  }
  replace(list, el('div', { class: 'table-wrap' }, el('table', { id: 'mail-table' },
    el('caption', { class: 'visually-hidden' }, 'Courriels'),
    el('thead', {}, el('tr', {}, ['Date', 'Destinataires', 'Objet'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, mails.map((m) => el('tr', { 'data-testid': 'mail-row' },
      el('td', {}, frenchInstant(m.date)),
      el('td', {}, (m.to ?? []).join(', ')),
      el('td', {}, el('button', { type: 'button', class: 'link-button', 'data-mail-id': m.id, on: { click: () => open(m.id) } }, m.subject || '(sans objet)'))))))));
}

async function open(id) {
  try {
    const mail = await get(`/api/mailbox/${encodeURIComponent(id)}`);
    const frame = el('iframe', { sandbox: '', title: `Version HTML du courriel « ${mail.subject ?? ''} »`, id: 'mail-html', referrerpolicy: 'no-referrer' });
    frame.srcdoc = mail.html ?? '';
    replace(view,
      el('h2', { id: 'mail-subject' }, mail.subject || '(sans objet)'),
      el('p', {}, `Le ${frenchInstant(mail.date)} à ${(mail.to ?? []).join(', ')}`),
      el('h3', {}, 'Version HTML'),
      mail.html ? frame : el('p', { class: 'notice' }, 'Pas de version HTML.'),
      el('h3', {}, 'Version texte'),
      el('pre', { id: 'mail-text', 'data-testid': 'mail-text' }, mail.text ?? ''));
    view.hidden = false;
    focus(view);
  } catch (error) {
    reportError(error);
  }
}
