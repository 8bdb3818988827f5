import { InputError } from '@atrium/plugin-api';
import { prepareEntityUpsert, renderEntityText } from './prepareEntityUpsert';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'Payments', uid: 'given', etag: 'given' },
  spec: { owner: 'team-a' },
};

describe('prepareEntityUpsert', () => {
  it('renders the final text with the namespace defaulted and the store-set uid and etag', () => {
    const prepared = prepareEntityUpsert({ entity }, 0);
    const final = JSON.parse(renderEntityText(prepared.text, 'u-1'));
    expect(prepared.ref).toBe('component:default/payments');
    expect(final).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'Payments', namespace: 'default', uid: 'u-1', etag: prepared.hash.slice(0, 32) },
      spec: { owner: 'team-a' },
    });
  });

  it('ignores relations given inside the entity and keeps the key order', () => {
    const prepared = prepareEntityUpsert(
      {
        entity: {
          kind: 'Group',
          relations: [{ type: 'x', targetRef: 'y' }],
          apiVersion: 'v1',
          metadata: { name: 'a' },
        },
      },
      0,
    );
    expect(Object.keys(JSON.parse(renderEntityText(prepared.text, 'u')))).toEqual([
      'kind',
      'apiVersion',
      'metadata',
    ]);
  });

  it('gives the same hash to the same content and a new hash when relations change', () => {
    const a = prepareEntityUpsert({ entity }, 0);
    const b = prepareEntityUpsert(
      { entity: { ...entity, metadata: { ...entity.metadata, uid: 'other' } } },
      0,
    );
    const c = prepareEntityUpsert(
      { entity, relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/a' }] },
      0,
    );
    expect(a.hash).toBe(b.hash);
    expect(c.hash).not.toBe(a.hash);
  });

  it('canonicalises, deduplicates and sorts relations', () => {
    const prepared = prepareEntityUpsert(
      {
        entity,
        relations: [
          { type: 'partOf', inverseType: 'hasPart', targetRef: 'System:default/Pay' },
          { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/a' },
          { type: 'partOf', inverseType: 'hasPart', targetRef: 'system:default/pay' },
        ],
      },
      0,
    );
    expect(prepared.relations).toEqual([
      { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/a' },
      { type: 'partOf', inverseType: 'hasPart', targetRef: 'system:default/pay' },
    ]);
  });

  it('refuses entities without a kind or name, and relations with a bad target', () => {
    expect(() => prepareEntityUpsert({ entity: { ...entity, kind: '' } }, 3)).toThrow(
      new InputError('Entity #3 kind must be a non-empty string'),
    );
    expect(() =>
      prepareEntityUpsert({ entity: { ...entity, metadata: {} } as unknown as typeof entity }, 0),
    ).toThrow(InputError);
    expect(() =>
      prepareEntityUpsert({ entity, relations: [{ type: 'a', inverseType: 'b', targetRef: 'no-kind' }] }, 0),
    ).toThrow("Entity 'component:default/payments' has an invalid relation target");
  });
});
