import { Writable } from 'node:stream';
import { NotFoundError } from '@atrium/plugin-api';
import winston from 'winston';
import { createRootLogger, type RootLoggerOptions } from './createRootLogger';
import { runWithRequestId } from './runWithRequestId';

// Each entry reaches the stream as one write, so multi-line pretty entries stay whole.
function createMemoryTransport() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk).replace(/\r?\n$/, ''));
      done();
    },
  });
  return { transport: new winston.transports.Stream({ stream }), lines };
}

function setup(options: Partial<RootLoggerOptions> = {}) {
  const { transport, lines } = createMemoryTransport();
  const logger = createRootLogger({ level: 'debug', format: 'json', transports: [transport], ...options });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, transport: { lines }, entries };
}

describe('createRootLogger', () => {
  it('writes one JSON object per line with level, message, timestamp and meta', () => {
    const { logger, entries } = setup();

    logger.info('Refreshed locations', { count: 3 });

    expect(entries()).toEqual([
      { level: 'info', message: 'Refreshed locations', count: 3, timestamp: expect.any(String) },
    ]);
    expect(Number.isNaN(Date.parse(String(entries()[0]?.timestamp)))).toBe(false);
  });

  it('writes nothing below the configured level', () => {
    const { logger, entries } = setup({ level: 'warn' });

    logger.debug('noise');
    logger.info('chatter');
    logger.warn('careful');
    logger.error('broken');

    expect(entries().map((entry) => entry.message)).toEqual(['careful', 'broken']);
  });

  it('adds the request id to lines written inside runWithRequestId, also after an await', async () => {
    const { logger, entries } = setup();

    logger.info('before');
    await runWithRequestId('req-1', async () => {
      logger.info('sync part');
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ plugin: 'catalog' }).info('after await');
    });
    logger.info('after');

    expect(entries().map((entry) => [entry.message, entry.requestId])).toEqual([
      ['before', undefined],
      ['sync part', 'req-1'],
      ['after await', 'req-1'],
      ['after', undefined],
    ]);
  });

  it('keeps concurrent requests apart', async () => {
    const { logger, entries } = setup();
    const handle = (id: string) =>
      runWithRequestId(id, async () => {
        await Promise.resolve();
        logger.info(`handled ${id}`);
      });

    await Promise.all([handle('a'), handle('b')]);

    expect(
      entries()
        .map((entry) => [entry.message, entry.requestId])
        .sort(),
    ).toEqual([
      ['handled a', 'a'],
      ['handled b', 'b'],
    ]);
  });

  it('puts child meta on every line of the child, nested children adding theirs', () => {
    const { logger, entries } = setup();
    const plugin = logger.child({ plugin: 'catalog' });

    plugin.info('one');
    plugin.child({ task: 'refresh' }).warn('two', { extra: true });
    logger.info('root');

    expect(entries()).toEqual([
      expect.objectContaining({ message: 'one', plugin: 'catalog' }),
      expect.objectContaining({ message: 'two', plugin: 'catalog', task: 'refresh', extra: true }),
      expect.not.objectContaining({ plugin: expect.anything() }),
    ]);
  });

  it('logs an error passed as meta with its name, message, stack, code and cause', () => {
    const { logger, entries } = setup();
    const cause = new Error('connection refused');
    const error = new NotFoundError("Entity 'component:default/payments' not found", { cause });

    logger.error('Lookup failed', error);

    const [entry] = entries();
    expect(entry?.message).toBe('Lookup failed');
    expect(entry?.error).toEqual({
      name: 'NotFoundError',
      message: "Entity 'component:default/payments' not found",
      stack: error.stack,
      code: 'NOT_FOUND',
      statusCode: 404,
      cause: { name: 'Error', message: 'connection refused', stack: cause.stack },
    });
  });

  it('serialises errors nested anywhere in the meta', () => {
    const { logger, entries } = setup();

    logger.warn('Some sources failed', { failures: [{ source: 'a', error: new TypeError('bad shape') }] });

    expect(entries()[0]?.failures).toEqual([
      {
        source: 'a',
        error: expect.objectContaining({
          name: 'TypeError',
          message: 'bad shape',
          stack: expect.any(String),
        }),
      },
    ]);
  });

  it('redacts secrets, bearer tokens and sensitive keys in the message and in nested meta', () => {
    const { logger, transport } = setup({ secrets: () => ['ghs_supersecret', 'db-password-123'] });

    logger
      .child({ plugin: 'github' })
      .info('Calling with ghs_supersecret and Bearer eyJhbGciOi.payload.sig', {
        request: {
          headers: { Authorization: 'Basic abc', cookie: 'sid=1', 'x-trace': 'db-password-123 leaked' },
        },
        attempts: [{ url: 'postgres://atrium:hunter22@db/atrium' }],
        password: { nested: 'whole object' },
        clientSecret: 'plain',
        note: 'nothing to hide',
      });

    const line = transport.lines[0] ?? '';
    for (const leaked of [
      'ghs_supersecret',
      'eyJhbGciOi',
      'Basic abc',
      'sid=1',
      'db-password-123',
      'hunter22',
      'whole object',
      'plain',
    ]) {
      expect(line).not.toContain(leaked);
    }
    expect(JSON.parse(line)).toEqual(
      expect.objectContaining({
        message: 'Calling with [REDACTED] and Bearer [REDACTED]',
        request: {
          headers: { Authorization: '[REDACTED]', cookie: '[REDACTED]', 'x-trace': '[REDACTED] leaked' },
        },
        attempts: [{ url: 'postgres://atrium:[REDACTED]@db/atrium' }],
        password: '[REDACTED]',
        clientSecret: '[REDACTED]',
        note: 'nothing to hide',
        plugin: 'github',
      }),
    );
  });

  it('redacts secrets inside error messages and stacks', () => {
    const { logger, transport } = setup({ secrets: () => ['tok-0123456789abcdef'] });

    logger.error('Request failed', new Error('401 for token tok-0123456789abcdef'));

    expect(transport.lines[0]).not.toContain('tok-0123456789abcdef');
    expect(JSON.parse(transport.lines[0] ?? '{}').error.message).toBe('401 for token [REDACTED]');
  });

  it('asks for the secrets on every line, so secrets known only later are redacted too', () => {
    const secrets: string[] = [];
    const { logger, entries } = setup({ secrets: () => secrets });

    logger.info('value late-secret');
    secrets.push('late-secret');
    logger.info('value late-secret');

    expect(entries().map((entry) => entry.message)).toEqual(['value late-secret', 'value [REDACTED]']);
  });

  it('does not change the meta objects the caller passed', () => {
    const { logger } = setup({ secrets: () => ['s3cr3t-value'] });
    const meta = { token: 'abc', nested: { text: 's3cr3t-value' } };

    logger.info('x', meta);

    expect(meta).toEqual({ token: 'abc', nested: { text: 's3cr3t-value' } });
  });

  it('writes readable single lines in pretty format, with the plugin, the fields and an error stack', () => {
    const { logger, transport } = setup({ format: 'pretty', secrets: () => ['pretty-secret'] });
    const error = new Error('boom');

    runWithRequestId('req-7', () => {
      logger.child({ plugin: 'catalog' }).info('Refreshed pretty-secret', { count: 2, target: 'a b' });
      logger.error('Failed', error);
    });

    const [info, failure] = transport.lines;
    expect(info).toMatch(
      /^\S+ info \[catalog\] Refreshed \[REDACTED\] count=2 target="a b" requestId=req-7$/,
    );
    expect(failure?.split('\n')[0]).toMatch(/^\S+ error Failed error="Error: boom" requestId=req-7$/);
    expect(failure?.split('\n')[1]).toMatch(/^\s+at /);
  });

  it('colours the level in pretty format only when asked', () => {
    const { logger, transport } = setup({ format: 'pretty', colors: true });

    logger.warn('careful');

    expect(transport.lines[0]).toContain('\u001b[');
  });
});
