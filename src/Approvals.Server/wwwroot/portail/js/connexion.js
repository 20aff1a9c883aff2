// The page the e-mail's link opens: the token is in the fragment (never sent by the link itself, so neither server
// logs nor a mail scanner's visit use it); it is taken out of the address bar, then posted to open the session.
import { call } from './portal.js';

const status = document.getElementById('connexion-status');
const token = new URLSearchParams(location.hash.slice(1)).get('jeton');
history.replaceState(null, '', location.pathname);
if (!token) {
  status.textContent = 'Ce lien de connexion est incomplet : demandez-en un nouveau depuis l’accueil du portail.';
} else {
  try {
    await call('/api/portal/session', { method: 'POST', json: { token } });
    status.textContent = 'Vous êtes connecté.';
    location.replace('index.html');
  } catch (error) {
    status.textContent = error.detail || 'La connexion a échoué : demandez un nouveau lien depuis l’accueil du portail.';
  }
}
