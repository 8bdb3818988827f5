import type { UrlReaderService } from '@atrium/plugin-api';

/**
 * Whether every URL of a location's last read still matches its etag, so the
 * tree need not be read again; false when there are no etags or any check fails.
 */
export async function isLocationTreeNotModified(
  etags: Record<string, string>,
  options: { urlReader: UrlReaderService; signal?: AbortSignal },
): Promise<boolean> {
  const previous = Object.entries(etags);
  if (previous.length === 0) {
    return false;
  }
  const checks = await Promise.all(
    previous.map(([url, etag]) =>
      options.urlReader.readUrl(url, { etag, signal: options.signal }).then(
        (response) => response.notModified === true,
        () => false,
      ),
    ),
  );
  return checks.every(Boolean);
}
