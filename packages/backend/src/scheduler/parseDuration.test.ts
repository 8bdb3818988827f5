import { InputError } from '@atrium/plugin-api';
import { parseDuration } from './parseDuration';

describe('parseDuration', () => {
  it('takes a number as milliseconds', () => {
    expect(parseDuration(1500, 'every')).toBe(1500);
    expect(parseDuration(0, 'initialDelay')).toBe(0);
  });

  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h', 3_600_000],
    ['1d', 86_400_000],
    ['1.5s', 1500],
  ])('reads %s as %i milliseconds', (text, ms) => {
    expect(parseDuration(text, 'every')).toBe(ms);
  });

  it.each(['5 minutes', '10', 'm', '-1s', '1w', ''])(
    'rejects %j with an InputError naming the setting',
    (text) => {
      expect(() => parseDuration(text, "every of task 'a.b'")).toThrow(InputError);
      expect(() => parseDuration(text, "every of task 'a.b'")).toThrow(/every of task 'a\.b'.*'30s'/);
    },
  );

  it('rejects negative and non-finite numbers', () => {
    expect(() => parseDuration(-5, 'every')).toThrow(InputError);
    expect(() => parseDuration(Number.NaN, 'every')).toThrow(InputError);
    expect(() => parseDuration(Number.POSITIVE_INFINITY, 'every')).toThrow(InputError);
  });
});
