import { createContext } from 'react';
import type { FetchFn } from '../api/FetchFn';
import type { Identity } from './Identity';
import type { PermissionApi } from './PermissionApi';

/** What the shell provides to every contribution. */
export interface AppContextValue {
  /** `fetch` with the signed-in user's credentials; a 401 sends the user to sign-in. */
  fetch: FetchFn;
  identity: Identity;
  permissions: PermissionApi;
}

/** Set by the shell around the whole app; tests of plugin components set it themselves. */
export const AppContext = createContext<AppContextValue | undefined>(undefined);
