// A real OpenID provider for the tests (npm oidc-provider, a certified implementation) on a loopback port.
// Usage: node provider.mjs <config.json>; config = { port, client: { id, secret, redirectUris, postLogoutRedirectUris },
// users: { login: { email, name, roles } } }. Any login signs in (password ignored): an unknown login gets
// <login>@collectivite.example.fr and no role. Prints "listening" once it accepts connections.
// Test-only route: POST /test/next-id-token?mode=tampered|expired|wrong-issuer|wrong-audience|stale-nonce makes the
// next token answer carry an ID token spoiled that way, signed with the provider's own key (except "tampered").
import { readFileSync } from 'node:fs';
import Provider from 'oidc-provider';
import * as jose from 'jose';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
const jwk = { ...(await jose.exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

function account(login) {
  const user = config.users[login] ?? {};
  return {
    sub: login,
    email: user.email ?? `${login}@collectivite.example.fr`,
    email_verified: true,
    name: user.name ?? login,
    ...(user.roles ? { roles: user.roles } : {}),
  };
}

const provider = new Provider(issuer, {
  clients: [{
    client_id: config.client.id,
    client_secret: config.client.secret,
    redirect_uris: config.client.redirectUris,
    post_logout_redirect_uris: config.client.postLogoutRedirectUris,
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: ['approvals-test-provider-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'] },
  scopes: ['openid', 'email', 'profile', 'roles'],
  // Claims in the ID token itself, as Entra ID, Keycloak and LemonLDAP::NG can be set to send them.
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  findAccount: async (ctx, id) => ({ accountId: id, claims: async () => account(id) }),
  // A first-party client: no consent page, the grant covers what it asks.
  loadExistingGrant: async (ctx) => {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile roles');
    await grant.save();
    return grant;
  },
});

let nextMode = null;
let lastNonce = null;

async function spoil(idToken, mode) {
  const [header, payload, signature] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  const now = Math.floor(Date.now() / 1000);
  if (mode === 'tampered') {
    const changed = Buffer.from(JSON.stringify({ ...claims, roles: ['Finance'], name: 'Mallory' })).toString('base64url');
    return `${header}.${changed}.${signature}`;
  }
  const spoiled = {
    'expired': { iat: now - 7200, exp: now - 3600 },
    'wrong-issuer': { iss: `${issuer}/another-issuer` },
    'wrong-audience': { aud: 'another-client' },
    'stale-nonce': { nonce: lastNonce ?? 'never-issued' },
  }[mode];
  if (!spoiled) throw new Error(`unknown mode ${mode}`);
  return new jose.SignJWT({ ...claims, ...spoiled }).setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' }).sign(privateKey);
}

provider.use(async (ctx, next) => {
  if (ctx.path === '/test/next-id-token' && ctx.method === 'POST') {
    nextMode = ctx.query.mode;
    ctx.status = 204;
    return;
  }
  await next();
  if (ctx.path === '/token' && ctx.body?.id_token) {
    const issued = JSON.parse(Buffer.from(ctx.body.id_token.split('.')[1], 'base64url').toString('utf8'));
    const mode = nextMode;
    nextMode = null;
    if (mode) ctx.body = { ...ctx.body, id_token: await spoil(ctx.body.id_token, mode) };
    lastNonce = issued.nonce;
  }
});

const server = provider.listen(config.port, '127.0.0.1', () => console.log('listening'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
