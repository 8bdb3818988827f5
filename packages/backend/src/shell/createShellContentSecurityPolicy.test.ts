import { createTestHost, type TestHost } from '../testing';
import { createShellContentSecurityPolicy } from './createShellContentSecurityPolicy';

describe('createShellContentSecurityPolicy', () => {
  it('allows scripts from the portal and the configured plugin origins only, and forbids framing and plugins', () => {
    const policy = createShellContentSecurityPolicy(['https://plugins.example.com']);

    expect(policy['script-src']).toEqual(["'self'", 'https://plugins.example.com']);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(Object.values(policy).flat()).not.toContain("'unsafe-eval'");
    expect(policy['script-src']).not.toContain("'unsafe-inline'");
  });
});

describe('the Content-Security-Policy header of a running portal', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      config: { plugins: { origins: ['https://plugins.example.com'] } },
    });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('is sent with the shell page', async () => {
    const response = await host.fetch('/catalog', { token: null });
    const header = response.headers.get('content-security-policy') ?? '';

    expect(header).toContain("script-src 'self' https://plugins.example.com;");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).toContain("object-src 'none'");
  });
});
