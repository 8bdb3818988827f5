import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local HTTP server standing in for a git host: tests set what each path answers. */
export interface SourceServer {
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** `127.0.0.1:<port>`, for `backend.reading.allow`. */
  host: string;
  /** Serves `body` at `path`, with an etag derived from it when `etag` is true. */
  set(path: string, body: string, options?: { etag?: boolean }): void;
  /** Makes `path` answer with a bare status (404, 500…). */
  fail(path: string, status: number): void;
  /** Requests per path, and how many were answered 304. */
  hits: Map<string, number>;
  notModified: number;
  close(): Promise<void>;
}

/** Starts a {@link SourceServer} on a free port of 127.0.0.1. */
export async function createSourceServer(): Promise<SourceServer> {
  const files = new Map<string, { status: number; body: string; etag?: string }>();
  const hits = new Map<string, number>();
  const state = { notModified: 0 };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const file = files.get(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    if (file.etag && req.headers['if-none-match'] === file.etag) {
      state.notModified++;
      res.writeHead(304).end();
      return;
    }
    res.writeHead(file.status, file.etag ? { etag: file.etag } : {}).end(file.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    set(path, body, options = {}) {
      const etag = options.etag
        ? `"${Buffer.from(body).toString('base64url').slice(-16)}${body.length}"`
        : undefined;
      files.set(path, { status: 200, body, etag });
    },
    fail(path, status) {
      files.set(path, { status, body: '' });
    },
    hits,
    get notModified() {
      return state.notModified;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
