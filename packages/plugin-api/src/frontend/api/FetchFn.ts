/** The `fetch` the shell hands to plugins: same shape as the browser's, with the caller's credentials added. */
export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;
