import express, { type ErrorRequestHandler, type Express } from 'express';
import type { HttpAuthPolicy, HttpRouterService } from '../backend/services/HttpRouterService';
import type { LoggerService } from '../backend/services/LoggerService';
import { AtriumError } from '../common/errors/AtriumError';
import type { ErrorResponseBody } from '../common/errors/ErrorResponseBody';
import { InputError } from '../common/errors/InputError';
import { NotFoundError } from '../common/errors/NotFoundError';

/** Options of {@link createFakeHttpRouter}. */
export interface FakeHttpRouterOptions {
  /** Where the plugin's handlers are mounted in `app`; default `/`. */
  mountPath?: string;
  /** Receives errors that are not `AtriumError`s, as the real host logs them. */
  logger?: LoggerService;
}

/** An HTTP router whose handlers a test calls through `app`, e.g. with supertest. */
export interface FakeHttpRouter extends HttpRouterService {
  /** An express app with JSON body parsing, the mounted handlers and the Atrium error body. */
  readonly app: Express;
  /** Every auth policy added, in order. */
  readonly authPolicies: HttpAuthPolicy[];
}

/**
 * Creates an HTTP router for tests. Errors become the Backstage-compatible
 * error body as in the core: an `AtriumError` with its status, a body-parser
 * failure a 4xx, anything else a generic 500 whose details are only logged.
 * Requests are not authenticated here; pair it with `createFakeAuth`.
 *
 * @example
 * const router = createFakeHttpRouter();
 * router.use(createTodoRouter({ database }));
 * const res = await request(router.app).get('/todos/42');
 * expect(res.body.error.name).toBe('NotFoundError');
 */
export function createFakeHttpRouter(options: FakeHttpRouterOptions = {}): FakeHttpRouter {
  const router = express.Router();
  const authPolicies: HttpAuthPolicy[] = [];
  const app = express();
  app.use(express.json());
  app.use(options.mountPath ?? '/', router);
  app.use((req, _res, next) =>
    next(new NotFoundError(`No route for ${req.method} ${pathOf(req.originalUrl)}`)),
  );
  app.use(createErrorHandler(options.logger));
  return {
    app,
    authPolicies,
    use(handler) {
      router.use(handler);
    },
    addAuthPolicy(policy) {
      authPolicies.push(policy);
    },
  };
}

function createErrorHandler(logger: LoggerService | undefined): ErrorRequestHandler {
  return (caught, req, res, next) => {
    const mapped = mapError(caught);
    if (!mapped) {
      logger?.error(`Unexpected error while handling ${req.method} ${pathOf(req.originalUrl)}`, {
        error: caught instanceof Error ? caught.message : String(caught),
        stack: caught instanceof Error ? caught.stack : undefined,
      });
    }
    if (res.headersSent) {
      next(caught);
      return;
    }
    const body: ErrorResponseBody = {
      error: mapped
        ? { name: mapped.name, code: mapped.code, message: mapped.message }
        : { name: 'InternalServerError', code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' },
      request: { method: req.method, url: req.originalUrl },
      response: { statusCode: mapped?.statusCode ?? 500 },
    };
    res.status(body.response.statusCode).json(body);
  };
}

/** The core's mapping of anticipated errors (see the backend's error middleware); `undefined` means a 500. */
function mapError(error: unknown): Pick<AtriumError, 'statusCode' | 'name' | 'code' | 'message'> | undefined {
  if (error instanceof AtriumError) {
    return error;
  }
  const type = error instanceof Error && 'type' in error ? error.type : undefined;
  const message = error instanceof Error ? error.message : '';
  switch (type) {
    case 'entity.parse.failed':
      return new InputError(`Request body is not valid JSON: ${message}`, { cause: error });
    case 'request.aborted':
    case 'request.size.invalid':
      return new InputError(`Request body could not be read: ${message}`, { cause: error });
    case 'entity.too.large':
      return { statusCode: 413, name: 'PayloadTooLargeError', code: 'PAYLOAD_TOO_LARGE', message };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        statusCode: 415,
        name: 'UnsupportedMediaTypeError',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Request body cannot be decoded: ${message}`,
      };
    default:
      return undefined;
  }
}

function pathOf(url: string): string {
  return url.split('?', 1)[0] ?? url;
}
