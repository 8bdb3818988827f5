import type { Credentials } from '../backend/services/AuthService';
import type {
  AuthorizeDecision,
  ConditionalDecision,
  PermissionResource,
  PermissionsService,
} from '../backend/services/PermissionsService';
import type { Permission } from '../common/permissions/definePermission';

/** One question a {@link FakePermissions} was asked. */
export interface FakePermissionQuestion {
  credentials: Credentials;
  permission: Permission;
  resource?: PermissionResource;
}

/** Decides a {@link FakePermissionQuestion}. */
export type FakePermissionDecider = (
  question: FakePermissionQuestion,
) => AuthorizeDecision['result'] | Promise<AuthorizeDecision['result']>;

/** Decides an `authorizeConditional` question; the default turns the {@link FakePermissionDecider}'s answer into allow or deny. */
export type FakeConditionalDecider = (
  question: FakePermissionQuestion,
) => ConditionalDecision | Promise<ConditionalDecision>;

/** A permissions service that records what it was told and asked. */
export interface FakePermissions extends PermissionsService {
  /** Every permission registered, in order. */
  readonly registered: Permission[];
  /** Every authorize and authorizeConditional call, in order. */
  readonly questions: FakePermissionQuestion[];
}

/**
 * Creates a permissions service that answers with `decide` (allow everything by default).
 *
 * @example
 * const permissions = createFakePermissions(({ permission }) =>
 *   permission.id === 'todo.item.delete' ? 'deny' : 'allow',
 * );
 * expect(permissions.questions.map((q) => q.permission.id)).toEqual(['todo.item.delete']);
 *
 * @example
 * // Only what the caller owns is readable.
 * const owned = createFakePermissions(undefined, () => ({
 *   result: 'conditional',
 *   filter: { 'relations.ownedBy': 'group:default/payments' },
 * }));
 */
export function createFakePermissions(
  decide: FakePermissionDecider = () => 'allow',
  decideConditional: FakeConditionalDecider = async (question) => ({ result: await decide(question) }),
): FakePermissions {
  const registered: Permission[] = [];
  const questions: FakePermissionQuestion[] = [];
  return {
    registered,
    questions,
    register(permissions) {
      registered.push(...permissions);
    },
    async authorize(credentials, permission, resource) {
      const question: FakePermissionQuestion =
        resource === undefined ? { credentials, permission } : { credentials, permission, resource };
      questions.push(question);
      return { result: await decide(question) };
    },
    async authorizeConditional(credentials, permission) {
      const question: FakePermissionQuestion = { credentials, permission };
      questions.push(question);
      return decideConditional(question);
    },
  };
}
