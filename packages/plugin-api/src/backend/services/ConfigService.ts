/**
 * A plugin's own subtree of `app-config.yaml` (the key equal to its id),
 * validated against the manifest's `config` schema at boot.
 */
export interface ConfigService {
  /** The value at a dot path (the whole subtree when omitted); throws `InputError` naming the key when absent. */
  get<T = unknown>(path?: string): T;
  /** The value at a dot path, or `undefined`. */
  getOptional<T = unknown>(path?: string): T | undefined;
}
