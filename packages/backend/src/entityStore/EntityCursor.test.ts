import { InputError } from '@atrium/plugin-api';
import { decodeEntityCursor, type EntityCursor, encodeEntityCursor } from './EntityCursor';

describe('EntityCursor', () => {
  it('round-trips every kind of key', () => {
    const cursors: EntityCursor[] = [
      { totalItems: true, direction: 'next', key: { by: 'ref', ref: 'component:default/a' } },
      {
        query: { kind: 'component' },
        orderBy: { field: 'metadata.name', order: 'desc' },
        totalItems: false,
        direction: 'prev',
        key: { by: 'field', value: null, id: 7 },
      },
      { fullText: 'pay', totalItems: true, direction: 'next', key: { by: 'rank', rank: -1.25, id: 3 } },
    ];
    for (const cursor of cursors) {
      expect(decodeEntityCursor(encodeEntityCursor(cursor))).toEqual(cursor);
    }
  });

  it.each([
    ['not base64 JSON', 'not a cursor'],
    ['JSON of the wrong shape', Buffer.from('{"direction":"next"}').toString('base64url')],
    [
      'a key of an unknown kind',
      Buffer.from(JSON.stringify({ totalItems: true, direction: 'next', key: { by: 'x' } })).toString(
        'base64url',
      ),
    ],
  ])('refuses %s', (_, text) => {
    expect(() => decodeEntityCursor(text)).toThrow(InputError);
    expect(() => decodeEntityCursor(text)).toThrow('Malformed cursor');
  });
});
