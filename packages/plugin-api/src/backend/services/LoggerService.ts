/** Structured metadata attached to a log line. */
export type LogMeta = Record<string, unknown>;

/** A winston-backed logger; plugin loggers are tagged with the plugin id, request loggers with the request id. */
export interface LoggerService {
  error(message: string, meta?: LogMeta | Error): void;
  warn(message: string, meta?: LogMeta | Error): void;
  info(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  /** A logger whose every line carries `meta`. */
  child(meta: LogMeta): LoggerService;
}
