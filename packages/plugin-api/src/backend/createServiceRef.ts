/**
 * A typed handle to a service. `root` services have one instance per backend;
 * `plugin` services get one instance per plugin (a logger tagged with the id).
 */
export interface ServiceRef<T> {
  readonly id: string;
  readonly scope: 'root' | 'plugin';
  /** Phantom field carrying the service type; never set at run time. */
  readonly serviceType?: T;
}

/**
 * Declares a service ref. Refs that plugins share live in `@atrium/plugin-api`.
 *
 * @example
 * export const searchIndexServiceRef = createServiceRef<SearchIndexService>({ id: 'search.index' });
 */
export function createServiceRef<T>(options: { id: string; scope?: 'root' | 'plugin' }): ServiceRef<T> {
  return { id: options.id, scope: options.scope ?? 'root' };
}
