import type { LoggerService, LogMeta } from '@atrium/plugin-api';
import type { Logger } from 'winston';

/** The {@link LoggerService} over a winston logger; an `Error` given as meta is logged under `error`. */
export class WinstonLogger implements LoggerService {
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  error(message: string, meta?: LogMeta | Error): void {
    this.write('error', message, meta);
  }

  warn(message: string, meta?: LogMeta | Error): void {
    this.write('warn', message, meta);
  }

  info(message: string, meta?: LogMeta): void {
    this.write('info', message, meta);
  }

  debug(message: string, meta?: LogMeta): void {
    this.write('debug', message, meta);
  }

  child(meta: LogMeta): LoggerService {
    return new WinstonLogger(this.logger.child(meta));
  }

  private write(level: string, message: string, meta: LogMeta | Error | undefined): void {
    // One info object rather than log(level, message, meta): winston would otherwise
    // append an Error's message to ours and lose its name.
    this.logger.log({ ...(meta instanceof Error ? { error: meta } : meta), level, message });
  }
}
