/** A file the page will need, announced in its HTML so the browser fetches it before the code asks. */
export interface PreloadLink {
  /** A same-origin absolute path. */
  href: string;
  /** What the file is: `fetch` for JSON read with `fetch()`. */
  as: 'script' | 'style' | 'fetch';
  /** `low` for what the page needs only after its own code: it must not hold back the shell's. */
  fetchPriority?: 'low';
}
