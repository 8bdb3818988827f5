import {
  InputError,
  NotAllowedError,
  type UrlReaderProvider,
  type UrlReaderService,
} from '@atrium/plugin-api';
import { createHttpUrlReaderProvider } from './createHttpUrlReaderProvider';
import { isReadingAllowed, type ReadingAllowRule } from './isReadingAllowed';

/**
 * The core `urlReader`: refuses any URL whose host `backend.reading.allow`
 * does not list, then hands it to the most recently registered provider that
 * can read it (plain HTTP last).
 */
export function createUrlReader(options: {
  allow: ReadingAllowRule[];
  timeoutMs?: number;
}): UrlReaderService {
  const providers: UrlReaderProvider[] = [
    createHttpUrlReaderProvider({ timeoutMs: options.timeoutMs ?? 30_000 }),
  ];
  return {
    registerProvider(provider) {
      providers.unshift(provider);
    },
    async readUrl(target, readOptions = {}) {
      let url: URL;
      try {
        url = new URL(target);
      } catch (error) {
        throw new InputError(`'${target}' is not a URL`, { cause: error });
      }
      if (!isReadingAllowed(options.allow, url)) {
        throw new NotAllowedError(
          `Reading ${url.origin} is not allowed; add { host: '${url.host}' } to backend.reading.allow in app-config.yaml`,
        );
      }
      const provider = providers.find((p) => p.canRead(url));
      if (!provider) {
        throw new InputError(`No reader can read ${url.href}`);
      }
      return provider.read(url, readOptions);
    },
  };
}
