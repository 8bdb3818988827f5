import { NotFoundError } from '../../common/errors/NotFoundError';
import { ServiceUnavailableError } from '../../common/errors/ServiceUnavailableError';
import { fromErrorResponse } from './fromErrorResponse';
import { ResponseError } from './ResponseError';

const errorResponse = (status: number, error: { name: string; message: string; code?: string }) =>
  new Response(
    JSON.stringify({ error, request: { method: 'GET', url: '/x' }, response: { statusCode: status } }),
    {
      status,
      headers: { 'content-type': 'application/json' },
    },
  );

describe('fromErrorResponse', () => {
  it('rebuilds the typed error class named in the body', async () => {
    const error = await fromErrorResponse(
      errorResponse(404, { name: 'NotFoundError', message: "Entity 'x' not found" }),
    );
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe("Entity 'x' not found");
    expect(error.statusCode).toBe(404);
  });

  it('rebuilds a ServiceUnavailableError for a plugin whose boot failed', async () => {
    const error = await fromErrorResponse(
      errorResponse(503, { name: 'ServiceUnavailableError', message: 'down' }),
    );
    expect(error).toBeInstanceOf(ServiceUnavailableError);
  });

  it('keeps the status and code of an error name it does not know', async () => {
    const error = await fromErrorResponse(
      errorResponse(413, { name: 'PayloadTooLargeError', message: 'too big', code: 'PAYLOAD_TOO_LARGE' }),
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'too big' });
  });

  it('describes a response without an error body by its status', async () => {
    const error = await fromErrorResponse(
      new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(502);
    expect(error.message).toContain('502 Bad Gateway');
  });
});
