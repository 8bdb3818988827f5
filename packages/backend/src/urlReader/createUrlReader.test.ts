import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createUrlReader } from './createUrlReader';

describe('createUrlReader', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/catalog-info.yaml') {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, { etag: '"v1"' }).end('kind: Component');
      } else if (req.url === '/broken') {
        res.writeHead(500).end();
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
      } else {
        res.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const allowed = () => createUrlReader({ allow: [{ host: new URL(base).host }] });

  it('reads an allowed URL and honours the etag on the next read', async () => {
    const first = await allowed().readUrl(`${base}/catalog-info.yaml`);
    expect((await first.buffer()).toString()).toBe('kind: Component');
    expect(first.etag).toBe('"v1"');
    expect(await allowed().readUrl(`${base}/catalog-info.yaml`, { etag: '"v1"' })).toEqual(
      expect.objectContaining({ notModified: true }),
    );
  });

  it('refuses hosts that backend.reading.allow does not list and says how to allow them', async () => {
    await expect(createUrlReader({ allow: [] }).readUrl(`${base}/catalog-info.yaml`)).rejects.toThrow(
      /Reading http:\/\/127\.0\.0\.1:\d+ is not allowed; add \{ host: '127\.0\.0\.1:\d+' \} to backend\.reading\.allow/,
    );
  });

  it('limits a rule to its path prefixes', async () => {
    const reader = createUrlReader({ allow: [{ host: new URL(base).host, paths: ['/public/'] }] });
    await expect(reader.readUrl(`${base}/catalog-info.yaml`)).rejects.toThrow('is not allowed');
  });

  it('refuses URLs that are not http(s) and text that is not a URL', async () => {
    await expect(allowed().readUrl('file:///etc/passwd')).rejects.toThrow('is not allowed');
    await expect(allowed().readUrl('not a url')).rejects.toThrow("'not a url' is not a URL");
  });

  it('turns 404 into NotFoundError and 500 into ServiceUnavailableError', async () => {
    await expect(allowed().readUrl(`${base}/missing`)).rejects.toMatchObject({ name: 'NotFoundError' });
    await expect(allowed().readUrl(`${base}/broken`)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
  });

  it('does not follow a redirect to a host the allow list never approved', async () => {
    await expect(allowed().readUrl(`${base}/moved`)).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
    });
  });
});
