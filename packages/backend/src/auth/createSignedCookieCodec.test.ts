import { createSignedCookieCodec } from './createSignedCookieCodec';

describe('createSignedCookieCodec', () => {
  let nowMs = 1_000_000;
  const codec = createSignedCookieCodec<{ a: number }>({
    secret: 's'.repeat(32),
    purpose: 'test',
    now: () => nowMs,
  });

  it('decodes what it encoded until it expires', () => {
    const text = codec.encode({ a: 1 }, 1000);
    expect(codec.decode(text)).toEqual({ a: 1 });
    nowMs += 1000;
    expect(codec.decode(text)).toBeUndefined();
  });

  it('refuses a tampered value, a value signed for another purpose, and garbage', () => {
    const text = codec.encode({ a: 1 }, 1000);
    const [, signature] = text.split('.');
    const forged = `${Buffer.from(JSON.stringify({ value: { a: 2 }, exp: nowMs + 1000 })).toString('base64url')}.${signature}`;
    const other = createSignedCookieCodec<{ a: number }>({ secret: 's'.repeat(32), purpose: 'other' });

    expect(codec.decode(forged)).toBeUndefined();
    expect(other.decode(text)).toBeUndefined();
    expect(codec.decode('garbage')).toBeUndefined();
    expect(codec.decode(undefined)).toBeUndefined();
  });
});
