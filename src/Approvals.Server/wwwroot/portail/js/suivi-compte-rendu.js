// The final report on the follow page: its due day, where it stands, and the way to the report's form while the
// portal takes it (docs/portal.md). Its own script and section, beside the dossier's.
import { el, replace, frenchDate, queryParam } from '../../js/dom.js';
import { call } from './portal.js';

const id = queryParam('id') ?? '';
const section = document.getElementById('compte-rendu');

try {
  const report = await call(`/api/portal/dossiers/${encodeURIComponent(id)}/report`);
  replace(document.getElementById('compte-rendu-contenu'),
    queryParam('compte-rendu') && report.receivedOn
      ? el('p', { class: 'banner banner-success', role: 'status' }, 'Votre compte rendu a bien été reçu.')
      : null,
    el('dl', { class: 'facts' },
      el('dt', {}, 'À déposer au plus tard le'), el('dd', { 'data-testid': 'report-due' }, report.dueOn ? frenchDate(report.dueOn) : 'après la notification de la convention'),
      el('dt', {}, 'État'), el('dd', { 'data-testid': 'report-status' }, report.status)),
    report.canFile
      ? el('p', {}, el('a', { href: `compte-rendu.html?id=${encodeURIComponent(id)}`, id: 'report-link' }, 'Déposer le compte rendu financier et le rapport d’activité'))
      : null);
  section.hidden = false;
} catch {
  // The dossier's own script reports a dossier that cannot be shown; this section stays hidden.
}
