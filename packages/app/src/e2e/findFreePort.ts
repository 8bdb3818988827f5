import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now. The OIDC tests need the portal's
 * port before it starts: the identity provider must know the callback URL.
 */
export async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') {
    throw new Error('Could not find a free port on 127.0.0.1');
  }
  return address.port;
}
