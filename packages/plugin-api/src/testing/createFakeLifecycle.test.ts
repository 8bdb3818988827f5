import { createFakeLifecycle } from './createFakeLifecycle';

describe('createFakeLifecycle', () => {
  it('runs shutdown hooks in reverse order of registration', async () => {
    const lifecycle = createFakeLifecycle();
    const ran: string[] = [];
    lifecycle.addShutdownHook(() => {
      ran.push('first');
    });
    lifecycle.addShutdownHook(async () => {
      ran.push('second');
    });
    await lifecycle.shutdown();
    expect(ran).toEqual(['second', 'first']);
  });

  it('runs every hook even when one fails, then rejects with the failure', async () => {
    const lifecycle = createFakeLifecycle();
    const ran: string[] = [];
    lifecycle.addShutdownHook(() => {
      ran.push('first');
    });
    lifecycle.addShutdownHook(() => {
      throw new Error('cannot close');
    });
    await expect(lifecycle.shutdown()).rejects.toThrow('cannot close');
    expect(ran).toEqual(['first']);
  });

  it('runs each hook only once', async () => {
    const lifecycle = createFakeLifecycle();
    let runs = 0;
    lifecycle.addShutdownHook(() => {
      runs += 1;
    });
    await lifecycle.shutdown();
    await lifecycle.shutdown();
    expect(runs).toBe(1);
  });
});
