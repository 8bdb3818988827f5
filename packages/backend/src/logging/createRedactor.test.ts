import { createRedactor, REDACTED } from './createRedactor';

describe('createRedactor', () => {
  it('treats characters of a secret literally, not as a pattern', () => {
    const redact = createRedactor(() => ['a.b*c(d)', 'pp|q']);

    expect(redact('x a.b*c(d) y aXbbc(d) pp|q p')).toBe(`x ${REDACTED} y aXbbc(d) ${REDACTED} p`);
  });

  it('replaces a longer secret whole when it contains a shorter one', () => {
    const redact = createRedactor(() => ['abcd', 'abcdefgh']);

    expect(redact('abcdefgh')).toBe(REDACTED);
  });

  it('ignores secrets too short to mean anything rather than blanking common text', () => {
    const redact = createRedactor(() => ['', 'ab', 'abc']);

    expect(redact('abc ab')).toBe('abc ab');
  });

  it('handles cycles and leaves non-plain values alone', () => {
    const date = new Date(0);
    const looped: Record<string, unknown> = { at: date, count: 1 };
    looped.self = looped;

    expect(createRedactor(() => [])(looped)).toEqual({ at: date, count: 1, self: '[Circular]' });
  });

  it('matches sensitive keys case-insensitively and by suffix', () => {
    const redact = createRedactor(() => []);

    expect(
      redact({
        PASSWORD: 1,
        accessToken: 2,
        'x-api-key': 3,
        'Set-Cookie': 4,
        tokens: [5],
        tokenCount: 6,
        author: 7,
      }),
    ).toEqual({
      PASSWORD: REDACTED,
      accessToken: REDACTED,
      'x-api-key': REDACTED,
      'Set-Cookie': REDACTED,
      tokens: REDACTED,
      tokenCount: 6,
      author: 7,
    });
  });

  it('redacts the secret of personal API tokens, cookies and authorization headers wherever they appear', () => {
    const redact = createRedactor(() => []);
    const token = `atr_0123456789abcdef_${'x'.repeat(43)}`;

    expect(redact(`presented ${token} twice: ${token}`)).toBe(
      `presented atr_0123456789abcdef_${REDACTED} twice: atr_0123456789abcdef_${REDACTED}`,
    );
    expect(
      redact({ headers: { cookie: 'atrium_session=abc', 'set-cookie': ['a=b'], Authorization: 'Bearer x' } }),
    ).toEqual({
      headers: { cookie: REDACTED, 'set-cookie': REDACTED, Authorization: REDACTED },
    });
  });
});
