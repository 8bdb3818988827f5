import { AsyncResource } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import {
  AtriumError,
  InputError,
  type LoggerService,
  NotAllowedError,
  NotFoundError,
  type UserPrincipal,
} from '@atrium/plugin-api';
import Ajv from 'ajv';
import express, { type CookieOptions, type Request, type Response } from 'express';
import { Passport } from 'passport';
import type { AuditRecorder } from '../audit/AuditRecorder';
import type { ApiTokenStore } from './ApiTokenStore';
import { type AuthRateLimitConfig, createAuthRateLimit } from './createAuthRateLimit';
import { createAuthService } from './createAuthService';
import type { IdentityResolver } from './createIdentityResolver';
import type { OAuthStateCookie } from './createOAuthStateCookie';
import type { AppState } from './createOAuthStateStores';
import { parseReturnTo } from './parseReturnTo';
import { pkceChallenge } from './pkceChallenge';
import { requestSession } from './requestSession';
import type { SessionPrincipal } from './SessionPrincipal';
import type { SessionStore } from './SessionStore';
import type { SignInProfile } from './SignInProfile';
import type { SignInProvider } from './SignInProvider';
import { sessionCookieName } from './sessionCookieName';

interface CreateTokenRequest {
  name: string;
  expiresInDays: number;
  scopes?: string[];
}

const permissionPattern = '^(\\*|[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*(\\.\\*)?)$';

/** Who a sign-in or sign-out was by, as far as the handler got; the audit record is written from it. */
interface AuditedAttempt {
  actor: string;
  via?: string;
  succeeded: boolean;
}

/** What a refused sign-in is recorded under: what the provider said about the person, never a token or code. */
function refusedActorOf(profile: SignInProfile): string {
  const login = profile.claims.login ?? profile.claims.preferred_username;
  return profile.email ?? (typeof login === 'string' && login !== '' ? login : 'anonymous');
}

/** What the shell learns about the signed-in user; `roles` are every role the policy gives them. */
function toIdentity(signedIn: SessionPrincipal, rolesOf: (principal: UserPrincipal) => string[]) {
  const { principal } = signedIn;
  return {
    userEntityRef: principal.userEntityRef,
    ownershipEntityRefs: principal.ownershipEntityRefs,
    roles: rolesOf(principal),
    via: principal.via,
    ...(principal.scopes === undefined ? {} : { scopes: principal.scopes }),
    ...(signedIn.displayName === undefined ? {} : { displayName: signedIn.displayName }),
    ...(signedIn.email === undefined ? {} : { email: signedIn.email }),
    ...(signedIn.picture === undefined ? {} : { picture: signedIn.picture }),
  };
}

/** Options of {@link createCoreAuthRouter}. */
export interface CoreAuthRouterOptions {
  providers: SignInProvider[];
  guest: { enabled: boolean };
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  identity: IdentityResolver;
  stateCookie: OAuthStateCookie;
  /** Whether the session cookie is `Secure` (everywhere but plain http on localhost). */
  secureCookies: boolean;
  /** `auth.apiTokens.maxDays`. */
  maxTokenDays: number;
  rateLimit: AuthRateLimitConfig;
  /** The roles the permission policy gives a principal (from groups and users as well as explicit ones). */
  rolesOf(principal: UserPrincipal): string[];
  /** Records sign-in and sign-out, which the audit middleware skips (see `coreAuditRoutes`). */
  audit: AuditRecorder;
  logger: LoggerService;
}

/**
 * The core's sign-in and token routes, mounted at `/api/core/auth`:
 * `GET /providers`; `GET /:provider/start?returnTo=/path` (302 to the provider);
 * `GET /:provider/handler` (the OAuth callback: starts a session, sets the
 * `atrium_session` cookie, 302 to `returnTo`, or to `/sign-in?error=…` when the
 * sign-in is refused); `POST /guest/sign-in` (when `auth.guest.enabled`);
 * `POST /sign-out`; `GET /me`; and the caller's personal API tokens:
 * `GET /tokens`, `POST /tokens`, `DELETE /tokens/:id` (from a session only).
 * Public paths are those of `isPublicCoreAuthPath`. Sign-ins (`core:sign-in`,
 * target `/api/core/auth/<provider>`) and sign-outs (`core:sign-out`) are recorded
 * in the audit log here, once each, with the person resolved; attempts refused by
 * the rate limit or naming an unconfigured provider are not.
 */
export function createCoreAuthRouter(options: CoreAuthRouterOptions): express.Router {
  const { guest, sessions, apiTokens, identity, stateCookie, secureCookies, maxTokenDays, audit, logger } =
    options;
  const providers = new Map(options.providers.map((provider) => [provider.id, provider]));
  const auth = createAuthService();
  const passport = new Passport();
  const router = express.Router();
  const limit = (subject: string) => createAuthRateLimit(options.rateLimit, subject);
  const cookieFlags: CookieOptions = { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/' };

  const validateCreateToken = new Ajv({ allErrors: true }).compile<CreateTokenRequest>({
    type: 'object',
    additionalProperties: false,
    required: ['name', 'expiresInDays'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      expiresInDays: { type: 'integer', minimum: 1, maximum: maxTokenDays },
      scopes: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { type: 'string', pattern: permissionPattern, maxLength: 200 },
      },
    },
  });

  const providerOf = (req: Request): SignInProvider => {
    const id = String(req.params.provider);
    const provider = providers.get(id);
    if (provider === undefined) {
      throw new NotFoundError(
        `Sign-in provider '${id}' is not configured; configured: ${[...providers.keys()].join(', ') || 'none'} (auth.providers)`,
      );
    }
    return provider;
  };

  const startSession = async (res: Response, signedIn: SessionPrincipal) => {
    const session = await sessions.start(signedIn);
    res.cookie(sessionCookieName, session.id, cookieFlags);
    logger.info('Signed in', {
      userEntityRef: signedIn.principal.userEntityRef,
      via: signedIn.principal.via,
    });
    return session;
  };

  /**
   * Records `action` once the response is sent, as whoever the returned attempt
   * names by then; an attempt the handler never marked as succeeded (a refusal, a
   * thrown error) is a failure by `anonymous` unless it learnt who was refused.
   */
  const auditOnClose = (res: Response, action: 'core:sign-in' | 'core:sign-out', target: string) => {
    const attempt: AuditedAttempt = { actor: 'anonymous', succeeded: false };
    res.once(
      'close',
      AsyncResource.bind(() => {
        const status = res.statusCode;
        audit.record({
          actor: attempt.actor.toLowerCase(),
          ...(attempt.via === undefined ? {} : { via: attempt.via }),
          action,
          target,
          outcome: attempt.succeeded && res.writableFinished && status < 400 ? 'success' : 'failure',
          status,
          pluginId: 'core',
        });
      }),
    );
    return attempt;
  };

  const signedInAs = (attempt: AuditedAttempt, { principal }: SessionPrincipal) => {
    attempt.actor = principal.userEntityRef;
    attempt.via = principal.via;
    attempt.succeeded = true;
  };

  const toSignInPage = (res: Response, message: string) => {
    res.redirect(302, `/sign-in?error=${encodeURIComponent(message)}`);
  };

  // The browser is mid-redirect: it goes back to the sign-in page with a message, not to an error body.
  const failSignIn = (res: Response, provider: SignInProvider, error: unknown) => {
    if (error instanceof AtriumError && error.statusCode < 500) {
      toSignInPage(res, error.message);
      return;
    }
    logger.error(`Sign-in with ${provider.title} failed`, { error });
    toSignInPage(
      res,
      error instanceof AtriumError
        ? error.message
        : `Sign-in with ${provider.title} failed; try again, or ask an administrator to check the server log`,
    );
  };

  /** Runs a provider's strategy; resolves with the profile, or with a reason it failed. */
  const runStrategy = async (
    req: Request,
    res: Response,
    provider: SignInProvider,
    authOptions: Record<string, unknown>,
  ): Promise<{ profile?: SignInProfile; failure?: string; state?: { returnTo?: string } } | undefined> => {
    passport.use(provider.id, await provider.strategy());
    return new Promise((resolve, reject) => {
      const callback = (error: unknown, user: unknown, info: unknown) => {
        if (error) {
          reject(error);
          return;
        }
        const details = (info ?? {}) as { message?: string; state?: { returnTo?: string } };
        resolve(
          user
            ? { profile: user as SignInProfile, ...(details.state ? { state: details.state } : {}) }
            : { failure: details.message ?? `Sign-in with ${provider.title} failed` },
        );
      };
      passport.authenticate(provider.id, { session: false, ...authOptions }, callback)(
        req,
        res,
        (error: unknown) => (error ? reject(error) : resolve(undefined)),
      );
      // A redirect to the provider ends the response without calling back.
      res.once('finish', () => resolve(undefined));
    });
  };

  router.get('/providers', (_req, res) => {
    res.json({
      providers: [
        ...[...providers.values()].map(({ id, title }) => ({ id, title })),
        ...(guest.enabled ? [{ id: 'guest', title: 'Guest' }] : []),
      ],
    });
  });

  router.get('/:provider/start', limit('sign-in'), async (req, res) => {
    const provider = providerOf(req);
    const returnTo = parseReturnTo(req.query.returnTo);
    const verifier = randomBytes(32).toString('base64url');
    const state: AppState = { returnTo, verifier };
    try {
      await runStrategy(req, res, provider, { state, codeChallenge: pkceChallenge(verifier) });
    } catch (error) {
      failSignIn(res, provider, error);
    }
  });

  router.get('/:provider/handler', limit('sign-in'), async (req, res) => {
    const provider = providerOf(req);
    const attempt = auditOnClose(res, 'core:sign-in', `${req.baseUrl}/${provider.id}`);
    const saved = stateCookie.read(req);
    stateCookie.clear(res);
    try {
      const outcome = await runStrategy(req, res, provider, {
        ...(saved?.provider === provider.id ? { codeVerifier: saved.verifier } : {}),
      });
      if (outcome?.profile === undefined) {
        toSignInPage(res, outcome?.failure ?? `Sign-in with ${provider.title} failed`);
        return;
      }
      // Should the catalog refuse the person, the record names them by what the provider said.
      attempt.actor = refusedActorOf(outcome.profile);
      const signedIn = await identity.signIn(outcome.profile);
      await startSession(res, signedIn);
      signedInAs(attempt, signedIn);
      res.redirect(302, parseReturnTo(outcome.state?.returnTo ?? saved?.returnTo));
    } catch (error) {
      failSignIn(res, provider, error);
    }
  });

  router.post('/guest/sign-in', limit('guest sign-in'), async (req, res) => {
    if (!guest.enabled) {
      throw new NotFoundError('Guest sign-in is not enabled; set auth.guest.enabled in app-config.yaml');
    }
    const attempt = auditOnClose(res, 'core:sign-in', `${req.baseUrl}/guest`);
    const userEntityRef = 'user:default/guest';
    const session = await startSession(res, {
      principal: {
        type: 'user',
        userEntityRef,
        ownershipEntityRefs: await identity.ownershipOf(userEntityRef),
        roles: [],
        via: 'guest',
      },
      displayName: 'Guest',
    });
    signedInAs(attempt, session);
    res.json({
      token: session.id,
      expiresAt: session.expiresAt.toISOString(),
      identity: toIdentity(session, options.rolesOf),
      csrfToken: session.csrfToken,
    });
  });

  router.post('/sign-out', async (req, res) => {
    const attempt = auditOnClose(res, 'core:sign-out', `${req.baseUrl}/sign-out`);
    const { principal } = auth.credentials(req);
    if (principal.type === 'user') {
      attempt.actor = principal.userEntityRef;
      attempt.via = principal.via;
    }
    const current = requestSession.get(req);
    if (current !== undefined) {
      await sessions.end(current.id);
    }
    res.clearCookie(sessionCookieName, cookieFlags);
    attempt.succeeded = true;
    res.status(204).end();
  });

  router.get('/me', (req, res) => {
    const { principal } = auth.userCredentials(req);
    const current = requestSession.get(req);
    res.json(
      current === undefined
        ? { identity: toIdentity({ principal }, options.rolesOf) }
        : {
            identity: toIdentity({ ...current.session, principal }, options.rolesOf),
            csrfToken: current.session.csrfToken,
          },
    );
  });

  const sessionUser = (req: Request): string => {
    const { principal } = auth.userCredentials(req);
    if (requestSession.get(req) === undefined) {
      throw new NotAllowedError(
        'Personal API tokens can only be managed from a signed-in session, not with a token; sign in to the portal',
      );
    }
    return principal.userEntityRef;
  };

  router.get('/tokens', async (req, res) => {
    res.json({ items: await apiTokens.list(sessionUser(req)) });
  });

  router.post('/tokens', limit('token creation'), async (req, res) => {
    const userEntityRef = sessionUser(req);
    if (!validateCreateToken(req.body)) {
      const problems = (validateCreateToken.errors ?? [])
        .map((error) => `${error.instancePath || 'body'} ${error.message}`)
        .join('; ');
      throw new InputError(`Invalid token request: ${problems}`);
    }
    const { name, expiresInDays, scopes = ['*'] } = req.body as CreateTokenRequest;
    const created = await apiTokens.issue({ userEntityRef, name, expiresInDays, scopes });
    logger.info('Created a personal API token', { userEntityRef, tokenId: created.id, scopes });
    res.status(201).json(created);
  });

  router.delete('/tokens/:id', async (req, res) => {
    const userEntityRef = sessionUser(req);
    await apiTokens.revoke(userEntityRef, String(req.params.id));
    logger.info('Revoked a personal API token', { userEntityRef, tokenId: req.params.id });
    res.status(204).end();
  });

  return router;
}
