/** One spec field that makes a relation, with Backstage's default kind for short refs. */
export interface RelationField {
  kinds: string[];
  field: string;
  type: string;
  inverseType: string;
  /** Kind assumed when the ref names none; `undefined` means the ref must name its kind. */
  defaultKind?: string;
}

/** The relation-making fields of Backstage's built-in kinds (backstage-contracts.md §1.6). */
export const builtinRelationFields: RelationField[] = [
  {
    kinds: ['component', 'api', 'resource', 'system', 'domain', 'template'],
    field: 'owner',
    type: 'ownedBy',
    inverseType: 'ownerOf',
    defaultKind: 'Group',
  },
  {
    kinds: ['component'],
    field: 'subcomponentOf',
    type: 'partOf',
    inverseType: 'hasPart',
    defaultKind: 'Component',
  },
  {
    kinds: ['component'],
    field: 'providesApis',
    type: 'providesApi',
    inverseType: 'apiProvidedBy',
    defaultKind: 'API',
  },
  {
    kinds: ['component'],
    field: 'consumesApis',
    type: 'consumesApi',
    inverseType: 'apiConsumedBy',
    defaultKind: 'API',
  },
  { kinds: ['component', 'resource'], field: 'dependsOn', type: 'dependsOn', inverseType: 'dependencyOf' },
  { kinds: ['component', 'resource'], field: 'dependencyOf', type: 'dependencyOf', inverseType: 'dependsOn' },
  {
    kinds: ['component', 'api', 'resource'],
    field: 'system',
    type: 'partOf',
    inverseType: 'hasPart',
    defaultKind: 'System',
  },
  { kinds: ['system'], field: 'domain', type: 'partOf', inverseType: 'hasPart', defaultKind: 'Domain' },
  { kinds: ['domain'], field: 'subdomainOf', type: 'partOf', inverseType: 'hasPart', defaultKind: 'Domain' },
  { kinds: ['group'], field: 'parent', type: 'childOf', inverseType: 'parentOf', defaultKind: 'Group' },
  { kinds: ['group'], field: 'children', type: 'parentOf', inverseType: 'childOf', defaultKind: 'Group' },
  { kinds: ['group'], field: 'members', type: 'hasMember', inverseType: 'memberOf', defaultKind: 'User' },
  { kinds: ['user'], field: 'memberOf', type: 'memberOf', inverseType: 'hasMember', defaultKind: 'Group' },
];
