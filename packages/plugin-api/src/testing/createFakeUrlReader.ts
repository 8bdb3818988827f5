import { createHash } from 'node:crypto';
import type {
  UrlReaderProvider,
  UrlReaderService,
  UrlReadResponse,
} from '../backend/services/UrlReaderService';
import { InputError } from '../common/errors/InputError';
import { NotFoundError } from '../common/errors/NotFoundError';

/** A URL reader over fixed files that also keeps the providers registered with it. */
export interface FakeUrlReader extends UrlReaderService {
  readonly providers: UrlReaderProvider[];
}

/**
 * Creates a URL reader serving `files` (URL → text). Each file's etag is the
 * sha1 of its text; reading with that etag answers `notModified`. URLs not in
 * `files` go to a registered provider that can read them, else `NotFoundError`.
 *
 * @example
 * const reader = createFakeUrlReader({
 *   'https://github.com/acme/app/blob/main/catalog-info.yaml': 'apiVersion: backstage.io/v1alpha1\n...',
 * });
 * const text = (await (await reader.readUrl(url)).buffer()).toString('utf8');
 */
export function createFakeUrlReader(files: Record<string, string> = {}): FakeUrlReader {
  const byUrl = new Map(Object.entries(files).map(([url, text]) => [parseUrl(url).href, text]));
  const providers: UrlReaderProvider[] = [];
  return {
    providers,
    registerProvider(provider) {
      providers.push(provider);
    },
    async readUrl(url, options = {}) {
      options.signal?.throwIfAborted();
      const parsed = parseUrl(url);
      const text = byUrl.get(parsed.href);
      if (text === undefined) {
        const provider = providers.find((candidate) => candidate.canRead(parsed));
        if (!provider) {
          throw new NotFoundError(`No file at '${url}'`);
        }
        return provider.read(parsed, options);
      }
      return respond(url, text, options.etag);
    },
  };
}

function parseUrl(url: string): URL {
  try {
    return new URL(url);
  } catch (error) {
    throw new InputError(`'${url}' is not a valid URL`, { cause: error });
  }
}

function respond(url: string, text: string, knownEtag: string | undefined): UrlReadResponse {
  const etag = createHash('sha1').update(text).digest('hex');
  if (etag === knownEtag) {
    return {
      etag,
      notModified: true,
      buffer: () => Promise.reject(new InputError(`'${url}' was not modified, so there is no body to read`)),
    };
  }
  return { etag, buffer: async () => Buffer.from(text, 'utf8') };
}
