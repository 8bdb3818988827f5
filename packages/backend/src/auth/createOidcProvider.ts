import { ServiceUnavailableError } from '@atrium/plugin-api';
import type { Strategy } from 'passport';
import OpenIDConnectStrategy from 'passport-openidconnect';
import type { OAuthStateCookie } from './createOAuthStateCookie';
import { createOAuthStateStores } from './createOAuthStateStores';
import type { SignInProfile } from './SignInProfile';
import type { SignInProvider } from './SignInProvider';

/** `auth.providers.oidc` in app-config. */
export interface OidcProviderConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes?: string[];
  title?: string;
}

interface DiscoveryDocument {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint?: string;
}

interface OAuth2Client {
  getOAuthAccessToken(code: string, params: Record<string, string>, cb: unknown): void;
}

function decodeClaims(idToken: string): Record<string, unknown> {
  const payload = idToken.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function discover(issuer: string): Promise<DiscoveryDocument> {
  const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
  let document: Partial<DiscoveryDocument>;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`${url} answered ${response.status}`);
    }
    document = (await response.json()) as Partial<DiscoveryDocument>;
  } catch (error) {
    throw new ServiceUnavailableError(
      `OpenID Connect discovery at ${url} failed; check auth.providers.oidc.issuer and that the provider is reachable`,
      { cause: error },
    );
  }
  if (document.issuer !== issuer || !document.authorization_endpoint || !document.token_endpoint) {
    throw new ServiceUnavailableError(
      `OpenID Connect discovery at ${url} announced issuer '${document.issuer}' but auth.providers.oidc.issuer is '${issuer}'; they must be equal`,
    );
  }
  return document as DiscoveryDocument;
}

/**
 * Sign-in with any OpenID Connect provider: discovery from `issuer`, the
 * authorization code flow with PKCE (S256), state and nonce, scopes
 * `openid profile email` unless configured. The ID token's issuer, audience,
 * expiry and nonce are checked by passport-openidconnect; the token comes
 * straight from the token endpoint over the back channel. The client
 * authenticates with `client_secret_post`.
 */
export function createOidcProvider(options: {
  config: OidcProviderConfig;
  callbackUrl: string;
  stateCookie: OAuthStateCookie;
}): SignInProvider {
  const { config, callbackUrl, stateCookie } = options;
  const stores = createOAuthStateStores(stateCookie, 'oidc');
  let strategy: Promise<Strategy> | undefined;

  const build = async (): Promise<Strategy> => {
    const document = await discover(config.issuer);
    const instance = new OpenIDConnectStrategy(
      {
        issuer: document.issuer,
        authorizationURL: document.authorization_endpoint,
        tokenURL: document.token_endpoint,
        userInfoURL: document.userinfo_endpoint ?? '',
        clientID: config.clientId,
        clientSecret: config.clientSecret,
        callbackURL: callbackUrl,
        // The strategy always adds `openid` itself.
        scope: (config.scopes ?? ['openid', 'profile', 'email']).filter((scope) => scope !== 'openid'),
        skipUserProfile: document.userinfo_endpoint === undefined,
        nonce: 'true',
        store: stores.oidc as unknown as OpenIDConnectStrategy.SessionStore,
      } as OpenIDConnectStrategy.StrategyOptions,
      (
        _issuer: string,
        uiProfile: object,
        _idProfile: object,
        _context: object,
        idToken: string | object,
        _accessToken: string | object,
        _refreshToken: string,
        _params: unknown,
        done: OpenIDConnectStrategy.VerifyCallback,
      ) => {
        const userinfo = ((uiProfile as { _json?: Record<string, unknown> } | undefined)?._json ??
          {}) as Record<string, unknown>;
        const claims = { ...decodeClaims(String(idToken)), ...userinfo };
        const text = (key: string) => (typeof claims[key] === 'string' ? (claims[key] as string) : undefined);
        const email = text('email');
        const displayName = text('name') ?? text('preferred_username');
        const picture = text('picture');
        const profile: SignInProfile = {
          provider: 'oidc',
          claims,
          ...(email === undefined ? {} : { email }),
          ...(displayName === undefined ? {} : { displayName }),
          ...(picture === undefined ? {} : { picture }),
        };
        done(null, profile as unknown as Express.User);
      },
    );
    // passport-openidconnect has no PKCE: the challenge goes into the authorization
    // request and the verifier into this request's token exchange only.
    const target = instance as unknown as {
      authorizationParams(options: { codeChallenge?: string }): Record<string, string | undefined>;
      authenticate(req: unknown, options?: { codeVerifier?: string }): void;
      _oauth2: OAuth2Client;
    };
    target.authorizationParams = (authOptions) =>
      authOptions.codeChallenge === undefined
        ? {}
        : { code_challenge: authOptions.codeChallenge, code_challenge_method: 'S256' };
    const authenticate = target.authenticate;
    target.authenticate = function (this: typeof target, req, authOptions) {
      const verifier = authOptions?.codeVerifier;
      if (verifier !== undefined) {
        const shared = this._oauth2;
        const perRequest = Object.create(shared) as OAuth2Client;
        perRequest.getOAuthAccessToken = (code, params, cb) =>
          shared.getOAuthAccessToken.call(perRequest, code, { ...params, code_verifier: verifier }, cb);
        this._oauth2 = perRequest;
      }
      authenticate.call(this, req, authOptions);
    };
    return instance as unknown as Strategy;
  };

  return {
    id: 'oidc',
    title: config.title ?? 'OpenID Connect',
    strategy() {
      strategy ??= build().catch((error: unknown) => {
        // Try discovery again on the next sign-in rather than caching the failure.
        strategy = undefined;
        throw error;
      });
      return strategy;
    },
  };
}
