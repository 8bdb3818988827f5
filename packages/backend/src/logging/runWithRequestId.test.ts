import { currentRequestId } from './currentRequestId';
import { runWithRequestId } from './runWithRequestId';

describe('runWithRequestId', () => {
  it('makes the id current during the function and returns its result', () => {
    expect(runWithRequestId('r-1', () => currentRequestId())).toBe('r-1');
    expect(currentRequestId()).toBeUndefined();
  });

  it('keeps the id across awaits and timers, and lets an inner request shadow it', async () => {
    const seen = await runWithRequestId('outer', async () => {
      await new Promise((resolve) => setImmediate(resolve));
      const afterAwait = currentRequestId();
      const inner = runWithRequestId('inner', () => currentRequestId());
      return [afterAwait, inner, currentRequestId()];
    });

    expect(seen).toEqual(['outer', 'inner', 'outer']);
  });
});
