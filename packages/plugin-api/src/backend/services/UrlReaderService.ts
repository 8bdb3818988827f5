/** What reading a URL returns. */
export interface UrlReadResponse {
  /** The body; absent when `notModified`. */
  buffer(): Promise<Buffer>;
  /** Opaque version of the content, to pass back as `etag` next time. */
  etag?: string;
  /** True when the caller's `etag` still matches and nothing was downloaded. */
  notModified?: boolean;
}

/** Reads files by URL for one family of hosts (GitHub, GitLab, plain HTTP…). */
export interface UrlReaderProvider {
  /** Short name shown in errors, e.g. `github`. */
  name: string;
  /** True when this provider handles `url`. */
  canRead(url: URL): boolean;
  read(url: URL, options: { etag?: string; signal?: AbortSignal }): Promise<UrlReadResponse>;
}

/** Reads files at URLs, allowed only for hosts in `backend.reading.allow`. */
export interface UrlReaderService {
  readUrl(url: string, options?: { etag?: string; signal?: AbortSignal }): Promise<UrlReadResponse>;
  /** Integration plugins register readers for their hosts. */
  registerProvider(provider: UrlReaderProvider): void;
}
