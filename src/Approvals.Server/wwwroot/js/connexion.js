// Development sign-in: POST /dev/sign-in (name, role) sets a cookie, then back to the page that asked.
import { request } from './api.js';
import { initLayout, reportError } from './layout.js';
import { showErrors, clearErrors } from './forms.js';
import { queryParam } from './dom.js';

/**
 * Only a path of this site: never another origin ("//evil.example", "/\\evil.example" or "https://…"). Browsers drop
 * tabs and line breaks from URLs ("/\t/evil.example" becomes "//evil.example"): any backslash, space or control
 * character is refused, as on the server.
 */
export function safeReturn(value) {
  // eslint-disable-next-line no-control-regex
  return typeof value === 'string' && /^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/.test(value) ? value : 'index.html';
}

initLayout('', { needsUser: false });
const form = document.getElementById('signin-form');
const summary = document.getElementById('error-summary');
const role = queryParam('role');
if (role) document.getElementById('signin-role').value = role;

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const name = document.getElementById('signin-name').value.trim();
  if (!name) {
    showErrors(form, [{ field: 'name', message: 'Indiquez votre nom.' }], { summary });
    return;
  }
  clearErrors(form, summary);
  const body = new URLSearchParams({ name, role: document.getElementById('signin-role').value });
  try {
    await request('/dev/sign-in', { method: 'POST', form: body, redirectOn401: false });
    location.assign(safeReturn(queryParam('retour')));
  } catch (error) {
    reportError(error, 'La connexion a échoué');
  }
});
