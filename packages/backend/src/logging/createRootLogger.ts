import type { LoggerService } from '@atrium/plugin-api';
import winston from 'winston';
import { createRedactor } from './createRedactor';
import { currentRequestId } from './currentRequestId';
import { formatPrettyLine } from './formatPrettyLine';
import { serializeErrors } from './serializeErrors';
import { WinstonLogger } from './WinstonLogger';

/** The levels Atrium logs at, most severe first. */
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/** How {@link createRootLogger} writes. */
export interface RootLoggerOptions {
  /** The least severe level written. */
  level: LogLevel;
  /** `json`: one JSON object per line (production); `pretty`: readable lines (development). */
  format: 'json' | 'pretty';
  /** Colour the level in `pretty` output; default false. */
  colors?: boolean;
  /** Values to redact from every line; called per line, so it may change after start. */
  secrets?: () => string[];
  /** Where lines go; default the console. Tests pass a memory or stream transport. */
  transports?: winston.transport[];
}

const levels: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * The backend's root logger: every line gets a timestamp, the current request id
 * (see {@link runWithRequestId}), errors with name, message and stack, and secrets redacted.
 *
 * @example
 * const logger = createRootLogger({ level: 'info', format: 'json', secrets: () => secrets });
 * logger.child({ plugin: 'catalog' }).info('Refreshed locations', { count: 3 });
 */
export function createRootLogger(options: RootLoggerOptions): LoggerService {
  const redact = createRedactor(options.secrets ?? (() => []));
  const prepare = winston.format((info) => {
    const requestId = currentRequestId();
    if (requestId !== undefined && info.requestId === undefined) {
      info.requestId = requestId;
    }
    return Object.assign(info, redact(serializeErrors({ ...info })));
  });
  const output =
    options.format === 'json'
      ? winston.format.json()
      : winston.format.combine(
          ...(options.colors ? [winston.format.colorize({ colors: winston.config.npm.colors })] : []),
          winston.format.printf((info) => formatPrettyLine(info)),
        );
  const logger = winston.createLogger({
    levels,
    level: options.level,
    format: winston.format.combine(winston.format.timestamp(), prepare(), output),
    transports: options.transports ?? [new winston.transports.Console()],
    exitOnError: false,
  });
  return new WinstonLogger(logger);
}
