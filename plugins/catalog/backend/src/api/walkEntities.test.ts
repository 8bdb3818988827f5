import type { Entity } from '@atrium/plugin-api';
import { createFakeEntityStore } from '@atrium/plugin-api/testing';
import { walkEntities } from './walkEntities';

const entities: Entity[] = Array.from({ length: 2500 }, (_, i) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: `c-${String(i).padStart(4, '0')}` },
  spec: { type: i % 2 === 0 ? 'service' : 'website' },
}));

async function collect(chunks: AsyncGenerator<{ items: string[]; last: boolean; totalItems?: number }>) {
  const all = [];
  for await (const chunk of chunks) {
    all.push({ ...chunk, items: chunk.items.map((item) => (JSON.parse(item) as Entity).metadata.name) });
  }
  return all;
}

describe('walkEntities', () => {
  const store = createFakeEntityStore({ pluginId: 'catalog', entities });

  it('walks all matches in store pages of at most 1000, the last chunk marked', async () => {
    const chunks = await collect(
      walkEntities(store, { orderBy: [{ field: 'metadata.name', order: 'asc' }] }),
    );
    expect(chunks.map((c) => c.items.length)).toEqual([1000, 1000, 500]);
    expect(chunks.map((c) => c.last)).toEqual([false, false, true]);
    expect(chunks.flatMap((c) => c.items)).toEqual(entities.map((e) => e.metadata.name));
  });

  it('skips an offset across store pages and stops at the limit, counting once', async () => {
    const chunks = await collect(
      walkEntities(
        store,
        {
          query: { 'spec.type': 'service' },
          orderBy: [{ field: 'metadata.name', order: 'asc' }],
          totalItems: true,
        },
        { offset: 1100, limit: 3 },
      ),
    );
    expect(chunks).toEqual([
      expect.objectContaining({ items: ['c-2200', 'c-2202', 'c-2204'], totalItems: 1250, last: true }),
    ]);
    expect(chunks[0]).toHaveProperty('nextCursor');
  });

  it('yields one empty last chunk when the offset passes the end', async () => {
    const chunks = await collect(walkEntities(store, { totalItems: true }, { offset: 5000, limit: 10 }));
    expect(chunks).toEqual([{ items: [], totalItems: 2500, last: true }]);
  });
});
