import type { EntityStoreService, LoggerService, UserPrincipal } from '@atrium/plugin-api';
import type { Request, RequestHandler, Router } from 'express';
import type { Knex } from 'knex';
import type { AuditRecorder } from '../audit/AuditRecorder';
import type { RootConfig } from '../config';
import { BackendStartupError } from '../host/BackendStartupError';
import { parseDuration } from '../scheduler/parseDuration';
import { ApiTokenStore } from './ApiTokenStore';
import { createApiTokenAuthenticator } from './createApiTokenAuthenticator';
import { createAuthMiddleware } from './createAuthMiddleware';
import type { AuthRateLimitConfig } from './createAuthRateLimit';
import { createCoreAuthRouter } from './createCoreAuthRouter';
import { createGithubProvider, type GithubProviderConfig } from './createGithubProvider';
import { createIdentityResolver } from './createIdentityResolver';
import { createOAuthStateCookie } from './createOAuthStateCookie';
import { createOidcProvider, type OidcProviderConfig } from './createOidcProvider';
import { createOwnershipCache } from './createOwnershipCache';
import { createSessionAuthenticator } from './createSessionAuthenticator';
import { createStaticTokenAuthenticator } from './createStaticTokenAuthenticator';
import type { IdentityResolverConfig } from './IdentityResolverConfig';
import { isPublicCoreAuthPath } from './isPublicCoreAuthPath';
import { isSecureCookieOrigin } from './isSecureCookieOrigin';
import { loadOrCreateSessionSecret } from './loadOrCreateSessionSecret';
import { readCookie } from './readCookie';
import { SessionStore } from './SessionStore';
import type { SignInProvider } from './SignInProvider';
import { sessionCookieName } from './sessionCookieName';

/** Where the core auth router is mounted. */
const mount = '/api/core/auth';
// Group changes in the catalog reach live sessions and bearer tokens within this time.
const ownershipRefreshMs = 5 * 60_000;

/** The core's authentication, ready to mount. */
export interface CoreAuth {
  /** Establishes the caller of every `/api` request; mount at `/api`. */
  middleware(isPublicPluginPath: (path: string) => boolean): RequestHandler;
  /** The sign-in, session and token routes; mount at `/api/core/auth`. */
  router: Router;
  /** Whether a request carries the cookie of a live session: a browser whose page will load signed in. */
  hasSession(req: Request): Promise<boolean>;
}

/**
 * Wires sign-in from the `auth` config: the providers (OIDC, GitHub, guest),
 * identity resolution against the core entity store, sessions and personal API
 * tokens in the core database, and the authenticators in the order static
 * token, API token, session.
 *
 * @example
 * const coreAuth = await createCoreAuth({ config, knex: coreKnex, entities: store.forProvider('core'), rolesOf, audit: audit.recorder, logger });
 * app.use('/api', coreAuth.middleware((path) => isPublicPluginPath(host.runtimes, path)));
 * app.use('/api/core/auth', coreAuth.router);
 */
export async function createCoreAuth(options: {
  config: RootConfig;
  knex: Knex;
  entities: EntityStoreService;
  /** The roles the permission policy gives a principal, shown by `GET /me`. */
  rolesOf(principal: UserPrincipal): string[];
  /** Where sign-ins and sign-outs are recorded. */
  audit: AuditRecorder;
  logger: LoggerService;
}): Promise<CoreAuth> {
  const { config, knex, entities, logger } = options;
  const baseUrl = config.getOptional<string>('backend.baseUrl')?.replace(/\/+$/, '');
  const secureCookies = isSecureCookieOrigin(baseUrl);
  const secret = config.getOptional<string>('auth.session.secret') ?? (await loadOrCreateSessionSecret(knex));
  const stateCookie = createOAuthStateCookie({ secret, secure: secureCookies });

  const providerConfigs = config.get<{ oidc?: OidcProviderConfig; github?: GithubProviderConfig }>(
    'auth.providers',
  );
  const callbackUrl = (id: string) => {
    if (baseUrl === undefined) {
      throw new BackendStartupError(
        `auth.providers.${id} needs backend.baseUrl: the provider redirects back to <backend.baseUrl>${mount}/${id}/handler`,
      );
    }
    return `${baseUrl}${mount}/${id}/handler`;
  };
  const providers: SignInProvider[] = [
    ...(providerConfigs.oidc
      ? [createOidcProvider({ config: providerConfigs.oidc, callbackUrl: callbackUrl('oidc'), stateCookie })]
      : []),
    ...(providerConfigs.github
      ? [
          createGithubProvider({
            config: providerConfigs.github,
            callbackUrl: callbackUrl('github'),
            stateCookie,
          }),
        ]
      : []),
  ];

  const identity = createIdentityResolver({
    store: entities,
    resolvers: config.get<IdentityResolverConfig[]>('auth.resolvers'),
    unknownUsers: config.get<'refuse' | 'limited'>('auth.unknownUsers'),
    logger,
  });
  const cachedOwnership = createOwnershipCache({
    ownershipOf: identity.ownershipOf,
    ttlMs: ownershipRefreshMs,
  });
  const sessions = await SessionStore.create(knex, {
    maxAgeMs: parseDuration(config.get<string>('auth.session.maxAge'), 'auth.session.maxAge'),
  });
  const apiTokens = await ApiTokenStore.create(knex);
  const isSignIn = (req: Request) => (req.originalUrl.split('?')[0] ?? '') === `${mount}/guest/sign-in`;

  const authenticators = [
    createStaticTokenAuthenticator(config.get('auth.tokens'), cachedOwnership),
    createApiTokenAuthenticator({ tokens: apiTokens, ownershipOf: cachedOwnership }),
    createSessionAuthenticator({
      sessions,
      ownershipOf: identity.ownershipOf,
      refreshAfterMs: ownershipRefreshMs,
      csrfExempt: isSignIn,
    }),
  ];

  return {
    async hasSession(req) {
      const id = readCookie(req, sessionCookieName);
      return id !== undefined && (await sessions.use(id)) !== undefined;
    },
    middleware: (isPublicPluginPath) =>
      createAuthMiddleware({
        authenticators,
        isPublic: (req) => {
          const path = req.originalUrl.split('?')[0] ?? '';
          return (
            (path.startsWith(`${mount}/`) && isPublicCoreAuthPath(path.slice(mount.length))) ||
            isPublicPluginPath(path)
          );
        },
      }),
    router: createCoreAuthRouter({
      providers,
      guest: { enabled: config.get<boolean>('auth.guest.enabled') },
      sessions,
      apiTokens,
      identity,
      stateCookie,
      secureCookies,
      maxTokenDays: config.get<number>('auth.apiTokens.maxDays'),
      rateLimit: config.get<AuthRateLimitConfig>('auth.rateLimit'),
      rolesOf: options.rolesOf,
      audit: options.audit,
      logger,
    }),
  };
}
