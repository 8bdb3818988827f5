import { Agent, get, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import express from 'express';
import type { HttpServer } from './HttpServer';
import { startHttpServer } from './startHttpServer';

/** A promise plus the function that settles it, so a test decides when a handler may go on. */
function createGate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

function fetchText(
  url: string,
  agent: Agent,
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('startHttpServer', () => {
  const agents: Agent[] = [];
  const servers: HttpServer[] = [];

  function createAgent() {
    const agent = new Agent({ keepAlive: true });
    agents.push(agent);
    return agent;
  }

  async function start(app: express.Express, shutdownTimeoutMs?: number) {
    const logger = createFakeLogger();
    const server = await startHttpServer(app, {
      host: '127.0.0.1',
      port: 0,
      logger,
      ...(shutdownTimeoutMs === undefined ? {} : { shutdownTimeoutMs }),
    });
    servers.push(server);
    return { server, lines: logger.lines };
  }

  // Shorter than Node's 5 s keep-alive timeout, so a connection left to that timeout shows up as a forced close.
  const beforeKeepAliveTimeoutMs = 3000;

  afterEach(async () => {
    for (const agent of agents.splice(0)) {
      agent.destroy();
    }
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  it('listens on the port it was given and reports its URL', async () => {
    const app = express();
    app.get('/hello', (_req, res) => void res.send('hi'));
    const { server, lines } = await start(app);

    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    await expect(fetchText(`${server.url}/hello`, createAgent())).resolves.toMatchObject({
      status: 200,
      body: 'hi',
    });
    expect(lines).toContainEqual({ level: 'info', message: `Listening on ${server.url}`, meta: {} });
  });

  it('lets an in-flight request finish while stop is pending and refuses new connections', async () => {
    const entered = createGate();
    const release = createGate();
    const app = express();
    app.get('/slow', async (_req, res) => {
      entered.open();
      await release.opened;
      res.send('done');
    });
    const { server, lines } = await start(app);

    const slow = fetchText(`${server.url}/slow`, createAgent());
    await entered.opened;
    const stopping = server.stop();

    expect(await tryConnect(server.port)).toBe('ECONNREFUSED');
    release.open();
    const response = await slow;
    expect(response.status).toBe(200);
    expect(response.body).toBe('done');
    expect(response.headers.connection).toBe('close');
    await stopping;
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('closes idle keep-alive connections at once instead of waiting for the timeout', async () => {
    const app = express();
    app.get('/hello', (_req, res) => void res.send('hi'));
    const { server, lines } = await start(app, beforeKeepAliveTimeoutMs);
    const agent = createAgent();
    await fetchText(`${server.url}/hello`, agent);
    expect(Object.keys(agent.freeSockets)).toHaveLength(1);

    await server.stop();

    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('closes the connection of a response already streaming when stop began once it ends', async () => {
    const release = createGate();
    const app = express();
    const started = createGate();
    app.get('/stream', async (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('first,');
      started.open();
      await release.opened;
      res.end('last');
    });
    const { server, lines } = await start(app, beforeKeepAliveTimeoutMs);

    const streaming = fetchText(`${server.url}/stream`, createAgent());
    await started.opened;
    const stopping = server.stop();
    release.open();

    await expect(streaming).resolves.toMatchObject({ status: 200, body: 'first,last' });
    await stopping;
    expect(lines.filter((line) => line.level === 'warn')).toEqual([]);
  });

  it('destroys connections still open when the shutdown timeout passes', async () => {
    const entered = createGate();
    const app = express();
    app.get('/hang', () => entered.open());
    const { server, lines } = await start(app, 50);

    const hanging = fetchText(`${server.url}/hang`, createAgent());
    await entered.opened;
    await server.stop();

    await expect(hanging).rejects.toThrow(/socket hang up/);
    expect(lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'Destroying 1 connections still open 50 ms after shutdown began',
      }),
    );
  });

  it('returns the same promise when stop is called twice', async () => {
    const { server } = await start(express());
    expect(server.stop()).toBe(server.stop());
    await server.stop();
  });

  it('rejects when the port is already taken', async () => {
    const { server } = await start(express());

    await expect(
      startHttpServer(express(), { host: '127.0.0.1', port: server.port, logger: createFakeLogger() }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
  });
});
