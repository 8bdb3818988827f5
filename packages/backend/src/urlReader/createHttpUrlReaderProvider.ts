import { NotFoundError, ServiceUnavailableError, type UrlReaderProvider } from '@atrium/plugin-api';

/** Reads plain HTTP(S) URLs with conditional requests; integration plugins register richer providers. */
export function createHttpUrlReaderProvider(options: { timeoutMs: number }): UrlReaderProvider {
  return {
    name: 'http',
    canRead: (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async read(url, { etag, signal }) {
      const timeout = AbortSignal.timeout(options.timeoutMs);
      let response: Response;
      try {
        response = await fetch(url, {
          headers: etag ? { 'if-none-match': etag } : {},
          signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          redirect: 'error',
        });
      } catch (error) {
        throw new ServiceUnavailableError(`Could not read ${url.href}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (response.status === 304) {
        return { notModified: true, etag, buffer: async () => Buffer.alloc(0) };
      }
      if (response.status === 404) {
        throw new NotFoundError(`${url.href} was not found (404)`);
      }
      if (!response.ok) {
        throw new ServiceUnavailableError(`Could not read ${url.href}: HTTP ${response.status}`);
      }
      const body = Buffer.from(await response.arrayBuffer());
      return { etag: response.headers.get('etag') ?? undefined, buffer: async () => body };
    },
  };
}
