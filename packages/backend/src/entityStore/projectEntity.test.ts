import { projectEntity } from './projectEntity';

const entity = {
  kind: 'Component',
  metadata: {
    name: 'a',
    annotations: { 'backstage.io/orphan': 'true', 'backstage.io/source': 'x' },
    links: [{ url: 'u1', title: 't1' }, { url: 'u2' }],
  },
  spec: { owner: 'team' },
};

describe('projectEntity', () => {
  it('keeps only the named paths', () => {
    expect(projectEntity(entity, ['kind', 'metadata.name', 'spec'])).toEqual({
      kind: 'Component',
      metadata: { name: 'a' },
      spec: { owner: 'team' },
    });
  });

  it('resolves keys that contain dots greedily', () => {
    expect(projectEntity(entity, ['metadata.annotations.backstage.io/orphan'])).toEqual({
      metadata: { annotations: { 'backstage.io/orphan': 'true' } },
    });
  });

  it('goes through arrays of objects', () => {
    expect(projectEntity(entity, ['metadata.links.url'])).toEqual({
      metadata: { links: [{ url: 'u1' }, { url: 'u2' }] },
    });
  });

  it('matches keys case-insensitively when no exact key exists and drops missing paths', () => {
    expect(projectEntity(entity, ['SPEC.Owner', 'spec.missing', 'nothing.here'])).toEqual({
      spec: { owner: 'team' },
    });
  });
});
