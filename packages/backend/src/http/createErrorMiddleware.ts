import { AtriumError, type ErrorResponseBody, InputError, type LoggerService } from '@atrium/plugin-api';
import type { ErrorRequestHandler } from 'express';

declare global {
  namespace Express {
    interface Request {
      /** Set by the host on requests routed to a plugin, so that unexpected errors name the plugin. */
      atriumPluginId?: string;
    }
  }
}

/** What the response says about an error, before the request part is added. */
interface MappedError {
  statusCode: number;
  name: string;
  code: string;
  message: string;
  /** False for errors nobody anticipated: those are logged and their message is hidden. */
  expected: boolean;
}

/** An error raised by body-parser (http-errors with a `type`). */
interface BodyParserError extends Error {
  type: string;
  limit?: number;
  length?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as { type?: unknown }).type === 'string';
}

function fromAtriumError(error: AtriumError): MappedError {
  return {
    statusCode: error.statusCode,
    name: error.name,
    code: error.code,
    message: error.message,
    expected: true,
  };
}

function fromBodyParserError(error: BodyParserError): MappedError | undefined {
  switch (error.type) {
    case 'entity.too.large':
      return {
        statusCode: 413,
        name: 'PayloadTooLargeError',
        code: 'PAYLOAD_TOO_LARGE',
        message: `Request body of ${error.length ?? 'unknown'} bytes exceeds the limit of ${error.limit} bytes`,
        expected: true,
      };
    case 'entity.parse.failed':
      return fromAtriumError(
        new InputError(`Request body is not valid JSON: ${error.message}`, { cause: error }),
      );
    case 'request.aborted':
    case 'request.size.invalid':
      return fromAtriumError(
        new InputError(`Request body could not be read: ${error.message}`, { cause: error }),
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        statusCode: 415,
        name: 'UnsupportedMediaTypeError',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Request body cannot be decoded: ${error.message}`,
        expected: true,
      };
    default:
      return undefined;
  }
}

/** The one table from thrown errors to HTTP responses. */
function mapError(error: unknown): MappedError {
  if (error instanceof AtriumError) {
    return fromAtriumError(error);
  }
  const fromBodyParser = isBodyParserError(error) ? fromBodyParserError(error) : undefined;
  return (
    fromBodyParser ?? {
      statusCode: 500,
      name: 'InternalServerError',
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Internal server error',
      expected: false,
    }
  );
}

/**
 * The error middleware the host mounts last: maps typed errors to their status and
 * body-parser failures to 4xx, and everything else to a generic 500 whose details
 * are logged (with the plugin id when known) but never sent to the caller. The body
 * has the Backstage shape; stacks are included only when `includeStack` is set.
 */
export function createErrorMiddleware(options: {
  logger: LoggerService;
  includeStack: boolean;
}): ErrorRequestHandler {
  const { logger, includeStack } = options;
  return (error: unknown, req, res, next) => {
    const mapped = mapError(error);
    if (!mapped.expected) {
      logger.error(`Unexpected error while handling ${req.method} ${req.originalUrl.split('?', 1)[0]}`, {
        ...(req.atriumPluginId === undefined ? {} : { plugin: req.atriumPluginId }),
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
    }
    if (res.headersSent) {
      // Too late for an error body: express's final handler aborts the connection.
      next(error);
      return;
    }
    const stack = includeStack && error instanceof Error ? error.stack : undefined;
    const body: ErrorResponseBody = {
      error: {
        name: mapped.name,
        code: mapped.code,
        message: mapped.message,
        ...(stack === undefined ? {} : { stack }),
      },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: mapped.statusCode },
    };
    res.status(mapped.statusCode).json(body);
  };
}
