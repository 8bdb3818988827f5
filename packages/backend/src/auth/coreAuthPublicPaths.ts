/** Paths of `createCoreAuthRouter`, relative to its mount, that need no credentials. */
export const coreAuthPublicPaths: readonly string[] = ['/guest/sign-in'];
