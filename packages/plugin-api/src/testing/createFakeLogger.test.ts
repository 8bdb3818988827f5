import { createFakeLogger } from './createFakeLogger';

describe('createFakeLogger', () => {
  it('records each line with its level, message and meta', () => {
    const logger = createFakeLogger();
    logger.info('started', { port: 7007 });
    logger.debug('detail');
    expect(logger.lines).toEqual([
      { level: 'info', message: 'started', meta: { port: 7007 } },
      { level: 'debug', message: 'detail', meta: {} },
    ]);
  });

  it('shares lines with child loggers and merges their meta into each line', () => {
    const logger = createFakeLogger();
    logger.child({ plugin: 'todo' }).child({ task: 'sync' }).warn('slow', { task: 'refresh', ms: 900 });
    expect(logger.lines).toEqual([
      { level: 'warn', message: 'slow', meta: { plugin: 'todo', task: 'refresh', ms: 900 } },
    ]);
  });

  it('keeps an error passed as meta under the error key', () => {
    const logger = createFakeLogger();
    const failure = new Error('boom');
    logger.child({ plugin: 'todo' }).error('failed', failure);
    expect(logger.lines[0]?.meta).toEqual({ plugin: 'todo', error: failure });
  });

  it('adds the context read as each line is written, under child and line meta', () => {
    let requestId = 'req-1';
    const logger = createFakeLogger({ context: () => ({ requestId, plugin: 'core' }) });
    logger.child({ plugin: 'todo' }).info('first');
    requestId = 'req-2';
    logger.info('second', { requestId: 'explicit' });
    logger.info('third');
    expect(logger.lines.map((line) => line.meta)).toEqual([
      { requestId: 'req-1', plugin: 'todo' },
      { requestId: 'explicit', plugin: 'core' },
      { requestId: 'req-2', plugin: 'core' },
    ]);
  });
});
