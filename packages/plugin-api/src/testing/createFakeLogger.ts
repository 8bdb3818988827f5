import type { LoggerService, LogMeta } from '../backend/services/LoggerService';

/** One line a {@link FakeLogger} recorded. */
export interface FakeLogLine {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  /** The context, the child loggers' meta and the line's own, merged in that order; an `Error` argument is kept under `error`. */
  meta: LogMeta;
}

/** How {@link createFakeLogger} records. */
export interface FakeLoggerOptions {
  /** Meta read as each line is written (e.g. a request id from async context), as a root logger adds it; the line's own meta wins. */
  context?: () => LogMeta;
}

/** A logger that keeps every line in memory, shared with its children. */
export interface FakeLogger extends LoggerService {
  readonly lines: FakeLogLine[];
  child(meta: LogMeta): FakeLogger;
}

/**
 * Creates a logger for tests that records lines instead of printing them.
 *
 * @example
 * const logger = createFakeLogger();
 * logger.child({ task: 'sync' }).warn('slow', { ms: 900 });
 * expect(logger.lines).toEqual([{ level: 'warn', message: 'slow', meta: { task: 'sync', ms: 900 } }]);
 */
export function createFakeLogger(options: FakeLoggerOptions = {}): FakeLogger {
  return createLogger([], {}, options.context ?? (() => ({})));
}

function createLogger(lines: FakeLogLine[], base: LogMeta, context: () => LogMeta): FakeLogger {
  const log = (level: FakeLogLine['level'], message: string, meta?: LogMeta | Error) => {
    const own = meta instanceof Error ? { error: meta } : meta;
    lines.push({ level, message, meta: { ...context(), ...base, ...own } });
  };
  return {
    lines,
    error: (message, meta) => log('error', message, meta),
    warn: (message, meta) => log('warn', message, meta),
    info: (message, meta) => log('info', message, meta),
    debug: (message, meta) => log('debug', message, meta),
    child: (meta) => createLogger(lines, { ...base, ...meta }, context),
  };
}
