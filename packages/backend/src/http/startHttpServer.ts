import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { LoggerService } from '@atrium/plugin-api';
import type express from 'express';
import type { HttpServer } from './HttpServer';

/**
 * Listens on `host:port` (port 0 picks a free one) and resolves once the socket is
 * bound. `stop()` shuts down gracefully: the listening socket closes at once, idle
 * keep-alive connections are closed, in-flight requests finish on connections that
 * then close, and whatever is still open after `shutdownTimeoutMs` (default 10 s) is
 * destroyed.
 */
export function startHttpServer(
  app: express.Express,
  options: { host: string; port: number; logger: LoggerService; shutdownTimeoutMs?: number },
): Promise<HttpServer> {
  const { host, port, logger, shutdownTimeoutMs = 10_000 } = options;
  const server = createServer();
  // Requests in flight per open socket; a socket at 0 is an idle keep-alive connection.
  const inFlight = new Map<Socket, number>();
  const openResponses = new Set<ServerResponse>();
  let isStopping = false;
  let stopped: Promise<void> | undefined;

  server.on('connection', (socket: Socket) => {
    if (isStopping) {
      socket.destroy();
      return;
    }
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });

  // Registered before the app so that tracking starts before any handler can respond.
  server.on('request', (req, res) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    openResponses.add(res);
    if (isStopping) {
      res.setHeader('Connection', 'close');
    }
    res.once('finish', () => {
      openResponses.delete(res);
      const requests = inFlight.get(socket);
      if (requests === undefined) {
        return;
      }
      const remaining = requests - 1;
      inFlight.set(socket, remaining);
      // Covers responses whose headers went out before shutdown began, so they still say keep-alive.
      if (isStopping && remaining === 0) {
        socket.end();
      }
    });
  });
  server.on('request', app);

  const stop = (): Promise<void> => {
    stopped ??= new Promise<void>((resolve, reject) => {
      isStopping = true;
      logger.info('Stopping HTTP server', { openConnections: inFlight.size });
      const forceTimer = setTimeout(() => {
        logger.warn(
          `Destroying ${inFlight.size} connections still open ${shutdownTimeoutMs} ms after shutdown began`,
        );
        for (const socket of inFlight.keys()) {
          socket.destroy();
        }
      }, shutdownTimeoutMs);
      server.close((error) => {
        clearTimeout(forceTimer);
        if (error) {
          reject(error);
        } else {
          logger.info('HTTP server stopped');
          resolve();
        }
      });
      // Node closes the connection after a response that says so, instead of keeping it alive.
      for (const res of openResponses) {
        if (!res.headersSent) {
          res.setHeader('Connection', 'close');
        }
      }
      for (const [socket, requests] of inFlight) {
        if (requests === 0) {
          socket.destroy();
        }
      }
    });
    return stopped;
  };

  return new Promise<HttpServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', (error) => logger.error('HTTP server error', error));
      const boundPort = (server.address() as AddressInfo).port;
      const url = `http://${host.includes(':') ? `[${host}]` : host}:${boundPort}`;
      logger.info(`Listening on ${url}`);
      resolve({ port: boundPort, url, stop });
    });
  });
}
