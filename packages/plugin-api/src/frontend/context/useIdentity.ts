import { AppContext } from './AppContext';
import type { Identity } from './Identity';
import { useRequiredContext } from './useRequiredContext';

/**
 * The signed-in user: entity ref, ownership refs and roles.
 *
 * @example
 * const { userEntityRef } = useIdentity();
 */
export function useIdentity(): Identity {
  return useRequiredContext(AppContext, 'useIdentity', 'AppContext').identity;
}
