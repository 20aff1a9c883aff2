// Drives Debian's Chromium through the DevTools protocol (no package needed; Node 20 with --experimental-websocket):
// signs in with the development sign-in as Claire Martin, case officer, opens dossier SUB-2022-0001, saves a full-page
// screenshot, and saves the dossier's API view (GET /api/dossiers/SUB-2022-0001) as the README's API example.
// Usage: node --experimental-websocket dossier-page.mjs <base url> <png path> <json path>
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [base, pngPath, jsonPath] = process.argv.slice(2);
const profile = mkdtempSync(join(tmpdir(), 'approvals-shot-'));
const debugPort = 9333;
const chromium = spawn('/usr/bin/chromium', [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--no-first-run', '--disable-sync', '--hide-scrollbars', '--lang=fr-FR', `--user-data-dir=${profile}`,
  `--remote-debugging-port=${debugPort}`, '--remote-debugging-address=127.0.0.1', 'about:blank',
], { stdio: 'ignore' });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function pageSocket() {
  for (let i = 0; i < 100; i++) {
    try {
      const targets = await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json();
      const page = targets.find((t) => t.type === 'page');
      if (page) return page.webSocketDebuggerUrl;
    } catch { /* not listening yet */ }
    await sleep(200);
  }
  throw new Error('Chromium did not open its DevTools port.');
}

const socket = new WebSocket(await pageSocket());
await new Promise((resolve) => socket.addEventListener('open', resolve, { once: true }));
let nextId = 0;
const pending = new Map();
const waiters = [];
socket.addEventListener('message', (message) => {
  const data = JSON.parse(message.data);
  if (data.id !== undefined && pending.has(data.id)) {
    const { resolve, reject } = pending.get(data.id);
    pending.delete(data.id);
    if (data.error) reject(new Error(JSON.stringify(data.error))); else resolve(data.result);
  } else if (data.method) {
    waiters.filter((w) => w.method === data.method).forEach((w) => { waiters.splice(waiters.indexOf(w), 1); w.resolve(data.params); });
  }
});
const send = (method, params = {}) => new Promise((resolve, reject) => {
  const id = ++nextId;
  pending.set(id, { resolve, reject });
  socket.send(JSON.stringify({ id, method, params }));
});
const once = (method) => new Promise((resolve) => waiters.push({ method, resolve }));
const evaluate = async (expression) => (await send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;
async function navigate(url) {
  const loaded = once('Page.loadEventFired');
  await send('Page.navigate', { url });
  await loaded;
}
async function waitFor(expression, what) {
  for (let i = 0; i < 150; i++) {
    if (await evaluate(expression)) return;
    await sleep(200);
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

try {
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Emulation.setDeviceMetricsOverride', { width: 1280, height: 900, deviceScaleFactor: 1, mobile: false });

  // The development sign-in, as a user does it.
  await navigate(`${base}/connexion.html?retour=%2Fdossier.html%3Fid%3DSUB-2022-0001`);
  await evaluate(`document.getElementById('signin-name').value = 'Claire Martin';
    document.getElementById('signin-role').value = 'CaseOfficer';
    document.getElementById('signin-form').requestSubmit(); true`);
  await waitFor(`location.pathname.endsWith('/dossier.html')`, 'the dossier page');
  await waitFor(`document.querySelector('h1') && document.querySelector('h1').textContent.includes('SUB-2022-0001')
    && document.querySelectorAll('main table tr').length > 3`, 'the dossier to render');
  await sleep(500);

  const dossier = await evaluate(`fetch('/api/dossiers/SUB-2022-0001').then(r => r.text())`);
  writeFileSync(jsonPath, JSON.stringify(JSON.parse(dossier), null, 2) + '\n');

  const height = await evaluate('Math.ceil(document.documentElement.scrollHeight)');
  await send('Emulation.setDeviceMetricsOverride', { width: 1280, height, deviceScaleFactor: 1, mobile: false });
  await sleep(300);
  const shot = await send('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true });
  writeFileSync(pngPath, Buffer.from(shot.data, 'base64'));
  console.log(`${pngPath}: 1280 x ${height}; ${jsonPath}`);
} finally {
  socket.close();
  chromium.kill();
  await sleep(300);
  rmSync(profile, { recursive: true, force: true });
}
