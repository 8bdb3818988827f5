/** Options of {@link ConfigError}: the underlying cause and the individual problems found. */
export interface ConfigErrorOptions {
  cause?: unknown;
  problems?: readonly string[];
}

/** The app-config cannot be loaded or does not match its schemas; the message names the file and key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  /** Each problem as `<config file>: <key.path>: <message>`, when there are several. */
  readonly problems: readonly string[];

  constructor(message: string, options?: ConfigErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.problems = options?.problems ?? [];
  }
}
