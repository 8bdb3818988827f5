/** The merged app-config and where each value came from. */
export interface RootConfig {
  readonly data: Record<string, unknown>;
  /** Value at a dot path, or undefined. */
  getOptional<T = unknown>(path: string): T | undefined;
  /** Value at a dot path; throws ConfigError naming the key when missing. */
  get<T = unknown>(path: string): T;
  /** The config file that supplied the value at a dot path (the last layer that set it). */
  sourceOf(path: string): string | undefined;
}
