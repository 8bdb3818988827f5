import { createAuditQuery } from './createAuditQuery';

describe('createAuditQuery', () => {
  it('sends only the filters that are set, trimmed', () => {
    expect(createAuditQuery({ actor: ' user:default/ada ', outcome: 'failure' }, { limit: 50 })).toBe(
      'actor=user%3Adefault%2Fada&outcome=failure&limit=50',
    );
  });

  it('includes the whole last day of the range', () => {
    const params = new URLSearchParams(
      createAuditQuery({ fromDate: '2026-11-28', toDate: '2026-11-28' }, { limit: 10, cursor: 'c1' }),
    );
    const from = Date.parse(params.get('from') ?? '');
    const to = Date.parse(params.get('to') ?? '');
    expect(from).toBe(new Date('2026-11-28T00:00:00').getTime());
    expect(to).toBe(new Date('2026-11-29T00:00:00').getTime());
    expect(params.get('cursor')).toBe('c1');
  });

  it('ignores a date that is not one', () => {
    expect(createAuditQuery({ fromDate: 'soon' }, { limit: 5 })).toBe('limit=5');
  });
});
