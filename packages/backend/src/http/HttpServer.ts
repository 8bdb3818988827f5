/** A listening HTTP server that can be stopped gracefully. */
export interface HttpServer {
  /** The port actually bound (useful when asked for port 0). */
  readonly port: number;
  /** The base URL, e.g. `http://127.0.0.1:7007`. */
  readonly url: string;
  /** Stops accepting, lets in-flight requests finish (up to the timeout), closes idle keep-alive sockets. */
  stop(): Promise<void>;
}
