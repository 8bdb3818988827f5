/** One way to match a signed-in person to a User entity, tried in the order configured in `auth.resolvers`. */
export type IdentityResolverConfig =
  | { by: 'email' }
  | { by: 'annotation'; annotation: string; claim: string }
  | { by: 'name'; claim: string };
