/** A fetch for tests that must make no request. */
export const noRequests = async (): Promise<Response> => {
  throw new Error('No request expected');
};

/** A successful JSON response; jsdom has no `Response` class. */
export const jsonResponse = (body: unknown) =>
  ({ ok: true, status: 200, json: async () => body, text: async () => JSON.stringify(body) }) as Response;
