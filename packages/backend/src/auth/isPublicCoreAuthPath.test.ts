import { isPublicCoreAuthPath } from './isPublicCoreAuthPath';

describe('isPublicCoreAuthPath', () => {
  it.each(['/providers', '/oidc/start', '/github/handler', '/guest/sign-in', '/sign-out'])(
    'opens %s',
    (path) => {
      expect(isPublicCoreAuthPath(path)).toBe(true);
    },
  );

  it.each(['/me', '/tokens', '/tokens/abc', '/oidc/start/more', '/../me'])(
    'keeps %s authenticated',
    (path) => {
      expect(isPublicCoreAuthPath(path)).toBe(false);
    },
  );
});
