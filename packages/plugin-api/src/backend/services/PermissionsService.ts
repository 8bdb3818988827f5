import type { Permission } from '../../common/permissions/definePermission';
import type { Credentials } from './AuthService';

/** The resource a permission is checked against, when it has one. */
export interface PermissionResource {
  /** e.g. the entity ref for `catalog-entity` permissions. */
  resourceRef: string;
  /** Who owns the resource; lets ownership-based rules decide. */
  ownerRefs?: string[];
}

/** The answer to an authorization question. */
export interface AuthorizeDecision {
  result: 'allow' | 'deny';
}

/** Answers "may this caller do this?". The policy itself is the core's; plugins only ask. */
export interface PermissionsService {
  /** Registers the permissions the plugin defines; they must equal `backend.permissions` in `plugin.yaml`. */
  register(permissions: Permission[]): void;
  authorize(
    credentials: Credentials,
    permission: Permission,
    resource?: PermissionResource,
  ): Promise<AuthorizeDecision>;
}
