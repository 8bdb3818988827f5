import type { ScheduledTask } from '../backend/services/SchedulerService';
import { ConflictError } from '../common/errors/ConflictError';
import { InputError } from '../common/errors/InputError';
import { NotFoundError } from '../common/errors/NotFoundError';
import { createFakeScheduler } from './createFakeScheduler';

describe('createFakeScheduler', () => {
  it('records scheduled tasks without running them', async () => {
    const scheduler = createFakeScheduler();
    const run = jest.fn(async () => {});
    await scheduler.schedule({ id: 'sync', every: '5m', run });
    expect(scheduler.tasks.map((task) => task.id)).toEqual(['sync']);
    expect(run).not.toHaveBeenCalled();
  });

  it('runs a task on runTask and on triggerNow, with a live abort signal', async () => {
    const scheduler = createFakeScheduler();
    const signals: AbortSignal[] = [];
    await scheduler.schedule({ id: 'sync', every: 1000, run: async (signal) => void signals.push(signal) });
    await scheduler.runTask('sync');
    await scheduler.triggerNow('sync');
    expect(signals).toHaveLength(2);
    expect(signals.every((signal) => !signal.aborted)).toBe(true);
  });

  it('passes a failing run on to the caller', async () => {
    const scheduler = createFakeScheduler();
    await scheduler.schedule({
      id: 'sync',
      every: '1h',
      run: async () => {
        throw new Error('remote down');
      },
    });
    await expect(scheduler.runTask('sync')).rejects.toThrow('remote down');
  });

  it.each<[string, Partial<ScheduledTask>]>([
    ['an invalid id', { id: 'has space' }],
    ['a malformed every', { every: 'often' }],
    ['a zero every', { every: '0s' }],
    ['a negative timeout', { timeout: -1 }],
    ['a malformed initial delay', { initialDelay: '5 minutes' }],
  ])('refuses a task with %s', async (_name, change) => {
    const scheduler = createFakeScheduler();
    const task: ScheduledTask = { id: 'sync', every: '1h', run: async () => {}, ...change };
    await expect(scheduler.schedule(task)).rejects.toThrow(InputError);
    expect(scheduler.tasks).toEqual([]);
  });

  it('accepts milliseconds, text durations and no initial delay', async () => {
    const scheduler = createFakeScheduler();
    await scheduler.schedule({ id: 'a', every: 500, timeout: '1.5m', initialDelay: 0, run: async () => {} });
    await scheduler.schedule({ id: 'b.c_d-e', every: '250ms', initialDelay: '1d', run: async () => {} });
    expect(scheduler.tasks.map((task) => task.id)).toEqual(['a', 'b.c_d-e']);
  });

  it('refuses an unknown task id and a duplicate one', async () => {
    const scheduler = createFakeScheduler();
    await scheduler.schedule({ id: 'sync', every: '1h', run: async () => {} });
    await expect(scheduler.runTask('other')).rejects.toThrow(NotFoundError);
    await expect(scheduler.schedule({ id: 'sync', every: '1h', run: async () => {} })).rejects.toThrow(
      ConflictError,
    );
  });
});
