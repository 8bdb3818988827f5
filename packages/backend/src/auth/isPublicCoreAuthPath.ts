// The provider segment is open-ended here; the router answers 404 for providers that are not configured.
const publicPaths = [
  /^\/providers$/,
  /^\/[a-z0-9-]+\/(start|handler)$/,
  /^\/guest\/sign-in$/,
  /^\/sign-out$/,
];

/**
 * Whether a path of `createCoreAuthRouter`, relative to its mount, needs no
 * credentials: the provider list, the sign-in start and callback, guest sign-in
 * and sign-out (which only clears what the caller has).
 *
 * @example
 * isPublicCoreAuthPath('/github/start') // true
 * isPublicCoreAuthPath('/me') // false
 */
export function isPublicCoreAuthPath(path: string): boolean {
  return publicPaths.some((pattern) => pattern.test(path));
}
