import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  createTestDatabase,
  createTestHost,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestHost,
} from '../testing';
import { setCookies } from './fixtures/cookieJar';
import { readJson } from './fixtures/readJson';
import { seedPeople } from './fixtures/seedPeople';

const baseUrl = 'http://localhost:7007';

interface GithubUser {
  login: string;
  id: number;
  name: string | null;
  emails: Array<{ email: string; primary: boolean; verified: boolean; visibility: string | null }>;
}

/**
 * A stand-in for GitHub Enterprise Server answering with the shapes GitHub documents:
 * the OAuth app web flow (`/login/oauth/authorize`, `/login/oauth/access_token`, with
 * PKCE), `GET /api/v3/user` and `GET /api/v3/user/emails`. GitHub itself is a SaaS the
 * tests must not call.
 */
async function startFakeGithub(
  users: Record<string, GithubUser>,
): Promise<{ url: string; server: Server; loginAs: { next: string } }> {
  const codes = new Map<string, { login: string; challenge: string; redirectUri: string }>();
  const tokens = new Map<string, string>();
  const loginAs = { next: 'octocat' };
  const app = express();
  app.use(express.urlencoded({ extended: false }));
  app.get('/login/oauth/authorize', (req, res) => {
    const code = randomBytes(10).toString('hex');
    codes.set(code, {
      login: loginAs.next,
      challenge: String(req.query.code_challenge),
      redirectUri: String(req.query.redirect_uri),
    });
    const target = new URL(String(req.query.redirect_uri));
    target.searchParams.set('code', code);
    target.searchParams.set('state', String(req.query.state));
    res.redirect(302, target.toString());
  });
  app.post('/login/oauth/access_token', (req, res) => {
    const grant = codes.get(req.body.code);
    codes.delete(req.body.code);
    const verified =
      grant !== undefined &&
      req.body.client_id === 'gh-client' &&
      req.body.client_secret === 'gh-secret' &&
      req.body.redirect_uri === grant.redirectUri &&
      createHash('sha256').update(String(req.body.code_verifier)).digest('base64url') === grant.challenge;
    if (!verified) {
      // GitHub answers a bad code with 200 and an error field.
      res.json({
        error: 'bad_verification_code',
        error_description: 'The code passed is incorrect or expired.',
      });
      return;
    }
    const token = `gho_${randomBytes(12).toString('hex')}`;
    tokens.set(token, grant.login);
    res.json({ access_token: token, token_type: 'bearer', scope: 'read:user,user:email' });
  });
  const userOf = (req: express.Request) => {
    const token = (req.get('authorization') ?? '').replace(/^(token|Bearer) /i, '');
    const login = tokens.get(token);
    return login === undefined ? undefined : users[login];
  };
  app.get('/api/v3/user', (req, res) => {
    const user = userOf(req);
    if (user === undefined) {
      res.status(401).json({ message: 'Requires authentication' });
      return;
    }
    res.json({
      login: user.login,
      id: user.id,
      name: user.name,
      email: null,
      avatar_url: `https://avatars.example/${user.id}`,
    });
  });
  app.get('/api/v3/user/emails', (req, res) => {
    const user = userOf(req);
    if (user === undefined) {
      res.status(401).json({ message: 'Requires authentication' });
      return;
    }
    res.json(user.emails);
  });
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, loginAs };
}

describe.each(TEST_DATABASE_KINDS)('GitHub sign-in against a local GitHub stand-in on %s', (kind) => {
  let database: TestDatabase;
  let github: Awaited<ReturnType<typeof startFakeGithub>>;
  let host: TestHost;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    github = await startFakeGithub({
      octocat: {
        login: 'octocat',
        id: 1,
        name: 'The Octocat',
        emails: [{ email: 'octocat@users.example', primary: true, verified: true, visibility: null }],
      },
      bobgh: {
        login: 'bobgh',
        id: 2,
        name: null,
        emails: [
          { email: 'old-bob@example.com', primary: false, verified: true, visibility: null },
          { email: 'bob@example.com', primary: true, verified: true, visibility: 'private' },
        ],
      },
    });
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      database,
      config: {
        backend: { baseUrl },
        auth: {
          providers: {
            github: {
              clientId: 'gh-client',
              clientSecret: 'gh-secret',
              baseUrl: github.url,
              apiBaseUrl: `${github.url}/api/v3`,
            },
          },
        },
      },
    });
    await seedPeople(database);
  });
  afterAll(async () => {
    await host?.stop();
    await new Promise((resolve) => github?.server.close(resolve));
    await database?.destroy();
  });

  /** Runs the browser's part: start, the provider's redirect back, the callback. */
  const signInAs = async (login: string) => {
    github.loginAs.next = login;
    const start = await host.fetch('/api/core/auth/github/start?returnTo=/scorecards', {
      token: null,
      redirect: 'manual',
    });
    const authorize = new URL(start.headers.get('location') ?? '');
    const back = await fetch(authorize, { redirect: 'manual' });
    const callback = new URL(back.headers.get('location') ?? '');
    const response = await host.fetch(`${callback.pathname}${callback.search}`, {
      token: null,
      redirect: 'manual',
      headers: { cookie: `atrium_oauth_state=${setCookies(start).atrium_oauth_state}` },
    });
    return { authorize, response };
  };

  it('asks the configured GitHub Enterprise host for the read:user and user:email scopes with PKCE', async () => {
    const { authorize } = await signInAs('octocat');

    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${github.url}/login/oauth/authorize`);
    expect(authorize.searchParams.get('scope')).toBe('read:user,user:email');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('client_id')).toBe('gh-client');
  });

  it('matches the GitHub login to the user-login annotation', async () => {
    const { response } = await signInAs('octocat');

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/scorecards');
    const me = await host.fetch('/api/core/auth/me', {
      token: null,
      headers: { cookie: `atrium_session=${setCookies(response).atrium_session}` },
    });
    expect((await readJson<{ identity: unknown }>(me)).identity).toMatchObject({
      userEntityRef: 'user:default/octo',
      ownershipEntityRefs: ['user:default/octo', 'group:default/team-b'],
    });
  });

  it('reads the primary e-mail from /user/emails and matches it', async () => {
    const { response } = await signInAs('bobgh');

    const me = await host.fetch('/api/core/auth/me', {
      token: null,
      headers: { cookie: `atrium_session=${setCookies(response).atrium_session}` },
    });
    expect((await readJson<{ identity: unknown }>(me)).identity).toMatchObject({
      userEntityRef: 'user:default/bob',
      email: 'bob@example.com',
    });
  });
});
