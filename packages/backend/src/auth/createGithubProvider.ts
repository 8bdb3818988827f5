import type { Strategy } from 'passport';
import { Strategy as GitHubStrategy, type StrategyOptions } from 'passport-github2';
import type { OAuthStateCookie } from './createOAuthStateCookie';
import { createOAuthStateStores } from './createOAuthStateStores';
import type { SignInProfile } from './SignInProfile';
import type { SignInProvider } from './SignInProvider';

/** `auth.providers.github` in app-config. */
export interface GithubProviderConfig {
  clientId: string;
  clientSecret: string;
  /** `https://github.com`, or a GitHub Enterprise Server such as `https://ghe.example.com`. */
  baseUrl: string;
  /** `https://api.github.com`, or `https://ghe.example.com/api/v3`. */
  apiBaseUrl: string;
  title?: string;
}

interface GithubProfile {
  username?: string;
  displayName?: string;
  emails?: Array<{ value: string }>;
  photos?: Array<{ value: string }>;
  _json?: Record<string, unknown>;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/**
 * Sign-in with GitHub or GitHub Enterprise Server (OAuth app): the
 * authorization code flow with state and PKCE, scopes `read:user user:email`,
 * the profile from `<apiBaseUrl>/user` and the primary e-mail from
 * `<apiBaseUrl>/user/emails`. Claims for resolvers: `login`, `email`, `name`, `id`.
 */
export function createGithubProvider(options: {
  config: GithubProviderConfig;
  callbackUrl: string;
  stateCookie: OAuthStateCookie;
}): SignInProvider {
  const { config, callbackUrl, stateCookie } = options;
  const baseUrl = trimSlash(config.baseUrl);
  const apiBaseUrl = trimSlash(config.apiBaseUrl);
  const strategy = new GitHubStrategy(
    {
      clientID: config.clientId,
      clientSecret: config.clientSecret,
      callbackURL: callbackUrl,
      authorizationURL: `${baseUrl}/login/oauth/authorize`,
      tokenURL: `${baseUrl}/login/oauth/access_token`,
      userProfileURL: `${apiBaseUrl}/user`,
      userEmailURL: `${apiBaseUrl}/user/emails`,
      scope: ['read:user', 'user:email'],
      pkce: true,
      state: true,
      store: createOAuthStateStores(stateCookie, 'github').oauth2,
    } as unknown as StrategyOptions,
    (
      _accessToken: string,
      _refreshToken: string,
      github: GithubProfile,
      done: (error: Error | null, user?: Express.User) => void,
    ) => {
      const json = github._json ?? {};
      const email = github.emails?.[0]?.value;
      const displayName = github.displayName || github.username;
      const picture = github.photos?.[0]?.value;
      const profile: SignInProfile = {
        provider: 'github',
        claims: { ...json, login: github.username ?? json.login, ...(email === undefined ? {} : { email }) },
        ...(email === undefined ? {} : { email }),
        ...(displayName ? { displayName } : {}),
        ...(picture === undefined ? {} : { picture }),
      };
      done(null, profile as unknown as Express.User);
    },
  );
  return {
    id: 'github',
    title: config.title ?? (baseUrl === 'https://github.com' ? 'GitHub' : 'GitHub Enterprise'),
    strategy: async () => strategy as unknown as Strategy,
  };
}
