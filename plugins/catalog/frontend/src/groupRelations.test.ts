import { groupRelations } from './groupRelations';

describe('groupRelations', () => {
  it('groups relations by type under readable labels, sorted by label', () => {
    expect(
      groupRelations([
        { type: 'partOf', targetRef: 'system:default/payments' },
        { type: 'ownedBy', targetRef: 'group:default/platform' },
        { type: 'dependsOn', targetRef: 'resource:default/payments-db' },
        { type: 'dependsOn', targetRef: 'component:default/ledger' },
      ]),
    ).toEqual([
      {
        type: 'dependsOn',
        label: 'Depends on',
        targetRefs: ['component:default/ledger', 'resource:default/payments-db'],
      },
      { type: 'ownedBy', label: 'Owned by', targetRefs: ['group:default/platform'] },
      { type: 'partOf', label: 'Part of', targetRefs: ['system:default/payments'] },
    ]);
  });

  it('labels relation types it does not know from their camel-case words', () => {
    expect(groupRelations([{ type: 'runsOnCluster', targetRef: 'resource:default/k8s' }])[0]?.label).toBe(
      'Runs on cluster',
    );
  });

  it('lists a target once even when refs differ only in case', () => {
    expect(
      groupRelations([
        { type: 'ownedBy', targetRef: 'group:default/Platform' },
        { type: 'ownedBy', targetRef: 'group:default/platform' },
      ])[0]?.targetRefs,
    ).toEqual(['group:default/Platform']);
  });

  it('returns no groups for an entity without relations', () => {
    expect(groupRelations([])).toEqual([]);
  });
});
