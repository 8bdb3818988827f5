import { InputError } from '@atrium/plugin-api';
import { decodeEntityCursor, type EntityCursor, encodeEntityCursor } from './EntityCursor';

describe('EntityCursor', () => {
  it('round-trips every kind of key', () => {
    const cursors: EntityCursor[] = [
      { totalItems: true, direction: 'next', key: { by: 'ref', ref: 'component:default/a' } },
      {
        query: { kind: 'component' },
        orderBy: [{ field: 'metadata.name', order: 'desc' }],
        totalItems: false,
        direction: 'prev',
        key: { by: 'field', value: null, id: 7 },
      },
      {
        fullText: 'pay',
        fullTextFields: ['metadata.title'],
        orderBy: [
          { field: 'spec.type', order: 'asc' },
          { field: 'metadata.title', order: 'desc' },
        ],
        totalItems: true,
        direction: 'next',
        key: { by: 'fields', values: ['service', null], ref: 'component:default/a' },
      },
      { fullText: 'pay', totalItems: true, direction: 'next', key: { by: 'rank', rank: -1.25, id: 3 } },
    ];
    for (const cursor of cursors) {
      expect(decodeEntityCursor(encodeEntityCursor(cursor))).toEqual(cursor);
    }
  });

  it('reads the single order of a cursor made before orders took several fields', () => {
    const text = Buffer.from(
      JSON.stringify({
        orderBy: { field: 'metadata.name', order: 'asc' },
        totalItems: true,
        direction: 'next',
        key: { by: 'field', value: 'a', id: 1 },
      }),
    ).toString('base64url');
    expect(decodeEntityCursor(text).orderBy).toEqual([{ field: 'metadata.name', order: 'asc' }]);
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
    [
      'a several-field key with a value that is not text',
      Buffer.from(
        JSON.stringify({ totalItems: true, direction: 'next', key: { by: 'fields', values: [1], ref: 'a' } }),
      ).toString('base64url'),
    ],
  ])('refuses %s', (_, text) => {
    expect(() => decodeEntityCursor(text)).toThrow(InputError);
    expect(() => decodeEntityCursor(text)).toThrow('Malformed cursor');
  });
});
