import type { LoggerService } from '@atrium/plugin-api';
import type { Knex } from 'knex';

/** Routes knex's own warnings (pool errors, deprecations) to the backend logger instead of the console. */
export function createKnexLogger(logger: LoggerService): Knex.Logger {
  return {
    warn: (message: unknown) => logger.warn(String(message)),
    error: (message: unknown) => logger.error(String(message)),
    debug: (message: unknown) => logger.debug(String(message)),
    deprecate: (method: string, alternative: string) =>
      logger.warn(`knex: ${method} is deprecated, use ${alternative}`),
  };
}
