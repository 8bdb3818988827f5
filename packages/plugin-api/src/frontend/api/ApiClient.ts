/** Like `RequestInit`, but `body` may be any JSON value; it is sent as JSON. */
export type JsonRequestInit = Omit<RequestInit, 'body'> & { body?: unknown };

/** Calls one plugin's backend at `/api/<pluginId>` with the signed-in user's credentials. */
export interface ApiClient {
  /** `/api/<pluginId>`; useful as a prefix for SWR keys. */
  readonly baseUrl: string;
  /** Fetches `baseUrl + path`; a non-2xx response is thrown as its typed error (`NotFoundError`, …). */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Fetches `baseUrl + path` and parses the JSON answer; throws typed errors like {@link ApiClient.fetch}. */
  json<T>(path: string, init?: JsonRequestInit): Promise<T>;
}
