import { useEffect, useState } from 'react';
import type { Permission } from '../../common/permissions/definePermission';
import { AppContext } from './AppContext';
import { useRequiredContext } from './useRequiredContext';

/** The state of one permission question. */
export interface PermissionState {
  loading: boolean;
  allowed: boolean;
  error?: Error;
}

/**
 * Asks whether the signed-in user may do something, to hide or disable a control.
 * The backend checks again on every request, so this is a convenience, not a guard.
 *
 * @example
 * const { allowed } = usePermission(locationCreatePermission);
 * return <Button disabled={!allowed}>Register</Button>;
 */
export function usePermission(permission: Permission, resourceRef?: string): PermissionState {
  const { permissions } = useRequiredContext(AppContext, 'usePermission', 'AppContext');
  const [state, setState] = useState<PermissionState>({ loading: true, allowed: false });
  const { id, action, resourceType } = permission;
  useEffect(() => {
    let current = true;
    setState({ loading: true, allowed: false });
    // Rebuilt from its fields so that a permission literal made on every render does not refetch.
    const request = { id, action, ...(resourceType ? { resourceType } : {}) };
    permissions
      .authorize({ permission: request, ...(resourceRef ? { resourceRef } : {}) })
      .then(({ allowed }) => current && setState({ loading: false, allowed }))
      .catch((error: Error) => current && setState({ loading: false, allowed: false, error }));
    return () => {
      current = false;
    };
  }, [permissions, id, action, resourceType, resourceRef]);
  return state;
}
