import { entityListColumns } from './entityListColumns';

const headers = (kind: string) => entityListColumns(kind).columns.map((column) => column.header);

describe('entityListColumns', () => {
  it('suits the columns to the kind', () => {
    expect(headers('user')).toEqual(['Name', 'Display name', 'Email', 'Groups']);
    expect(headers('group')).toEqual(['Name', 'Type', 'Parent', 'Members', 'Description']);
    expect(headers('api')).toEqual(['Name', 'Type', 'Owner', 'System', 'Lifecycle', 'Description']);
    expect(headers('component')).toEqual(['Name', 'Type', 'Owner', 'System', 'Lifecycle', 'Description']);
  });

  it('shows the kind column for all kinds and for kinds it has no set for', () => {
    expect(headers('')).toContain('Kind');
    expect(headers('kafkatopic')).toContain('Kind');
  });

  it('asks only for the fields its columns read, each once', () => {
    expect(entityListColumns('user').fields).toEqual([
      'kind',
      'metadata.namespace',
      'metadata.name',
      'metadata.title',
      'spec.profile.displayName',
      'spec.profile.email',
      'spec.memberOf',
    ]);
  });

  it("counts a group's members from its relations", () => {
    const members = entityListColumns('group').columns.find((column) => column.id === 'members');
    expect(
      members?.value?.({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: 'web' },
        relations: [
          { type: 'hasMember', targetRef: 'user:default/ada' },
          { type: 'hasMember', targetRef: 'user:default/bob' },
          { type: 'childOf', targetRef: 'group:default/eng' },
        ],
      }),
    ).toBe(2);
  });
});
