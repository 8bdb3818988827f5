import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

/** A person the test identity provider knows, by account id (what the login form takes). */
export interface OidcTestAccount {
  email?: string;
  name?: string;
  preferred_username?: string;
  picture?: string;
}

/** Options of {@link startOidcProvider}. */
export interface OidcProviderOptions {
  /** The relying party's callback, e.g. `<backend.baseUrl>/api/core/auth/oidc/handler`. */
  redirectUri: string;
  /** Accounts by login; default one `jane` with `jane.doe@example.com`. */
  accounts?: Record<string, OidcTestAccount>;
  clientId?: string;
  clientSecret?: string;
}

/** A running test identity provider. */
export interface OidcProvider {
  /** The issuer URL, `http://127.0.0.1:<port>`: put it in `auth.providers.oidc.issuer`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The app-config block for `auth.providers.oidc`. */
  config: { issuer: string; clientId: string; clientSecret: string };
  /**
   * Plays the browser from the provider's authorization URL (the Location of
   * `/api/core/auth/oidc/start`) through the login form as `login`, carrying the
   * provider's cookies, and returns the URL it finally redirects to: the
   * relying party's callback with `code` and `state`.
   */
  signIn(authorizationUrl: string, login: string): Promise<string>;
  stop(): Promise<void>;
}

// Runs in a child process: oidc-provider is ESM only and Jest here runs CommonJS.
const serverScript = `
import http from 'node:http';
import Provider from 'oidc-provider';
const options = JSON.parse(process.env.ATRIUM_OIDC_TEST_OPTIONS);
const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = 'http://127.0.0.1:' + server.address().port;
const provider = new Provider(issuer, {
  clients: [{
    client_id: options.clientId,
    client_secret: options.clientSecret,
    redirect_uris: [options.redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'preferred_username', 'picture'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ['atrium-test-oidc-cookie-key'] },
  async findAccount(_ctx, id) {
    const account = options.accounts[id];
    return account && { accountId: id, async claims() { return { sub: id, email_verified: true, ...account }; } };
  },
  // The portal is a first-party client: no consent screen, so a login completes the flow.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile');
    await grant.save();
    return grant;
  },
});
server.on('request', provider.callback());
process.stdout.write(JSON.stringify({ issuer }) + '\\n');
`;

function parseSetCookies(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(';', 1)[0] ?? '');
}

/**
 * Starts a real OpenID Connect provider (the `oidc-provider` package, with its
 * development login form) on a random port in a child process, with one client
 * (`client_secret_post`, PKCE required) and the given accounts. A browser signs in
 * by typing an account id and any password; a plain HTTP client uses `signIn`.
 *
 * @example
 * const idp = await startOidcProvider({ redirectUri: `${baseUrl}/api/core/auth/oidc/handler` });
 * // app-config: auth.providers.oidc = idp.config
 */
export async function startOidcProvider(options: OidcProviderOptions): Promise<OidcProvider> {
  const clientId = options.clientId ?? 'atrium-test';
  const clientSecret = options.clientSecret ?? 'atrium-test-client-secret-0123456789';
  const accounts = options.accounts ?? { jane: { email: 'jane.doe@example.com', name: 'Jane Doe' } };
  const child = spawn(process.execPath, ['--input-type=module', '--eval', serverScript], {
    // From here, `oidc-provider` resolves through the workspace's node_modules.
    cwd: resolve(__dirname, '../..'),
    env: {
      ...process.env,
      ATRIUM_OIDC_TEST_OPTIONS: JSON.stringify({
        clientId,
        clientSecret,
        accounts,
        redirectUri: options.redirectUri,
      }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const issuer = await new Promise<string>((resolveIssuer, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('{"issuer"')) {
        resolveIssuer((JSON.parse(line) as { issuer: string }).issuer);
      }
    });
    child.once('exit', (code) => reject(new Error(`The test OIDC provider exited with ${code}: ${stderr}`)));
  });

  return {
    issuer,
    clientId,
    clientSecret,
    config: { issuer, clientId, clientSecret },
    async signIn(authorizationUrl, login) {
      const jar = new Map<string, string>();
      const send = async (url: string, init: RequestInit = {}) => {
        const response = await fetch(url, {
          ...init,
          redirect: 'manual',
          headers: { ...(init.headers as Record<string, string>), cookie: [...jar.values()].join('; ') },
        });
        for (const cookie of parseSetCookies(response)) {
          jar.set(cookie.split('=', 1)[0] ?? '', cookie);
        }
        return response;
      };
      let url = authorizationUrl;
      for (let hop = 0; hop < 10; hop++) {
        if (!url.startsWith(issuer)) {
          return url;
        }
        const response = await send(url);
        const location = response.headers.get('location');
        if (location !== null) {
          url = new URL(location, url).toString();
          continue;
        }
        const html = await response.text();
        const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
        if (action === undefined) {
          throw new Error(
            `The test OIDC provider answered ${url} with neither a redirect nor a login form: ${html}`,
          );
        }
        const submitted = await send(new URL(action, url).toString(), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString(),
        });
        url = new URL(submitted.headers.get('location') ?? url, url).toString();
      }
      throw new Error(`Signing in at the test OIDC provider did not reach the relying party; last at ${url}`);
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.kill();
        await exited;
      }
    },
  };
}
