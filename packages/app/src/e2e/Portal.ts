/** A running portal for the browser tests: the real backend serving the built shell and plugins. */
export interface Portal {
  /** e.g. `http://127.0.0.1:41234` */
  url: string;
  /** Calls the backend's API as the guest user. */
  api<T>(path: string): Promise<T>;
  stop(): Promise<void>;
}
