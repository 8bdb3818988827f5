import type { JsonSchema } from './JsonSchema';
import type { KindDefinition, RelationFieldDefinition } from './KindDefinition';

const BACKSTAGE_API_VERSIONS = ['backstage.io/v1alpha1', 'backstage.io/v1beta1'];

const text = (description: string, examples?: string[]): JsonSchema => ({
  type: 'string',
  minLength: 1,
  description,
  ...(examples ? { examples } : {}),
});
const refs = (description: string): JsonSchema => ({
  type: 'array',
  description,
  items: { type: 'string', minLength: 1 },
});
const profile: JsonSchema = {
  type: 'object',
  description: 'Display information; every field is optional.',
  properties: {
    displayName: text('A name to show people.'),
    email: text('Where to reach them.'),
    picture: text('The URL of an image.'),
  },
};
const ownedBy: RelationFieldDefinition = {
  field: 'owner',
  type: 'ownedBy',
  inverseType: 'ownerOf',
  defaultKind: 'Group',
};
const partOfSystem: RelationFieldDefinition = {
  field: 'system',
  type: 'partOf',
  inverseType: 'hasPart',
  defaultKind: 'System',
};
const dependencies: RelationFieldDefinition[] = [
  { field: 'dependsOn', type: 'dependsOn', inverseType: 'dependencyOf' },
  { field: 'dependencyOf', type: 'dependencyOf', inverseType: 'dependsOn' },
];

/**
 * Backstage's built-in kinds with the spec fields each requires (backstage-contracts.md §1.5)
 * and the relations their fields make, with Backstage's default kinds (§1.6).
 */
export const builtinKinds: KindDefinition[] = [
  {
    kind: 'Component',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'A piece of software, such as a service, website or library.',
    specSchema: {
      required: ['type', 'lifecycle', 'owner'],
      properties: {
        type: text('The type of component.', ['service', 'website', 'library']),
        lifecycle: text('The lifecycle state.', ['experimental', 'production', 'deprecated']),
        owner: text('Ref of the owning group or user (default kind Group).', ['team-a', 'user:jdoe']),
        system: text('Ref of the system it belongs to (default kind System).'),
        subcomponentOf: text('Ref of the component it is part of (default kind Component).'),
        providesApis: refs('Refs of the APIs it provides (default kind API).'),
        consumesApis: refs('Refs of the APIs it consumes (default kind API).'),
        dependsOn: refs('Refs of what it depends on; each names its kind, e.g. resource:orders-db.'),
        dependencyOf: refs('Refs of what depends on it; each names its kind.'),
      },
    },
    relations: [
      ownedBy,
      { field: 'subcomponentOf', type: 'partOf', inverseType: 'hasPart', defaultKind: 'Component' },
      { field: 'providesApis', type: 'providesApi', inverseType: 'apiProvidedBy', defaultKind: 'API' },
      { field: 'consumesApis', type: 'consumesApi', inverseType: 'apiConsumedBy', defaultKind: 'API' },
      ...dependencies,
      partOfSystem,
    ],
  },
  {
    kind: 'API',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description:
      'An interface a component exposes, described in OpenAPI, AsyncAPI, GraphQL, gRPC or another format.',
    specSchema: {
      required: ['type', 'lifecycle', 'owner', 'definition'],
      properties: {
        type: text('The format of the definition.', ['openapi', 'asyncapi', 'graphql', 'grpc']),
        lifecycle: text('The lifecycle state.', ['experimental', 'production', 'deprecated']),
        owner: text('Ref of the owning group or user (default kind Group).'),
        system: text('Ref of the system it belongs to (default kind System).'),
        definition: text('The definition itself, or a $text placeholder such as { $text: ./openapi.yaml }.'),
      },
    },
    relations: [ownedBy, partOfSystem],
  },
  {
    kind: 'Resource',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'Infrastructure a system needs to run, such as a database, a bucket or a queue.',
    specSchema: {
      required: ['type', 'owner'],
      properties: {
        type: text('The type of resource.', ['database', 's3-bucket', 'cluster']),
        owner: text('Ref of the owning group or user (default kind Group).'),
        system: text('Ref of the system it belongs to (default kind System).'),
        dependsOn: refs('Refs of what it depends on; each names its kind.'),
        dependencyOf: refs('Refs of what depends on it; each names its kind.'),
      },
    },
    relations: [ownedBy, ...dependencies, partOfSystem],
  },
  {
    kind: 'System',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'A set of components, APIs and resources that together provide a capability.',
    specSchema: {
      required: ['owner'],
      properties: {
        owner: text('Ref of the owning group or user (default kind Group).'),
        domain: text('Ref of the domain it belongs to (default kind Domain).'),
        type: text('The type of system.'),
      },
    },
    relations: [ownedBy, { field: 'domain', type: 'partOf', inverseType: 'hasPart', defaultKind: 'Domain' }],
  },
  {
    kind: 'Domain',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'A business area grouping systems.',
    specSchema: {
      required: ['owner'],
      properties: {
        owner: text('Ref of the owning group or user (default kind Group).'),
        subdomainOf: text('Ref of the parent domain (default kind Domain).'),
        type: text('The type of domain.'),
      },
    },
    relations: [
      ownedBy,
      { field: 'subdomainOf', type: 'partOf', inverseType: 'hasPart', defaultKind: 'Domain' },
    ],
  },
  {
    kind: 'Group',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'A team, business unit or other set of people.',
    specSchema: {
      required: ['type', 'children'],
      properties: {
        type: text('The type of group.', ['team', 'business-unit', 'product-area', 'root']),
        profile,
        parent: text('Ref of the parent group (default kind Group).'),
        children: refs('Refs of the child groups (default kind Group); present, possibly empty.'),
        members: refs('Refs of the member users (default kind User).'),
      },
    },
    relations: [
      { field: 'parent', type: 'childOf', inverseType: 'parentOf', defaultKind: 'Group' },
      { field: 'children', type: 'parentOf', inverseType: 'childOf', defaultKind: 'Group' },
      { field: 'members', type: 'hasMember', inverseType: 'memberOf', defaultKind: 'User' },
    ],
  },
  {
    kind: 'User',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'A person.',
    specSchema: {
      required: ['memberOf'],
      properties: {
        profile,
        memberOf: refs(
          'Refs of the groups the user is a direct member of (default kind Group); present, possibly empty.',
        ),
      },
    },
    relations: [{ field: 'memberOf', type: 'memberOf', inverseType: 'hasMember', defaultKind: 'Group' }],
  },
  {
    kind: 'Location',
    apiVersions: BACKSTAGE_API_VERSIONS,
    description: 'A pointer to more catalog files.',
    specSchema: {
      allOf: [
        {
          anyOf: [{ required: ['target'] }, { required: ['targets'] }],
          errorMessage: 'must have target or targets',
        },
      ],
      properties: {
        type: text('The type of the targets; inherited from the reading location when absent.', [
          'url',
          'file',
        ]),
        target: text('One target: absolute, or relative to this file like ./sub/catalog-info.yaml.'),
        targets: refs('Several targets, each absolute or relative to this file.'),
        presence: { enum: ['required', 'optional'], description: 'Whether a missing target is an error.' },
      },
    },
  },
  {
    kind: 'Template',
    apiVersions: ['scaffolder.backstage.io/v1beta3'],
    description: 'A software template run by the scaffolder.',
    specSchema: {
      required: ['type', 'steps'],
      properties: {
        type: text('The type of what the template creates.', ['service', 'website', 'library']),
        owner: text('Ref of the owning group or user (default kind Group).'),
        lifecycle: text('The lifecycle state.'),
        parameters: {
          description: 'The JSON Schema form (or list of form steps) collecting the inputs.',
          anyOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }],
          errorMessage: 'must be an object (one form) or an array of objects (one per form step)',
        },
        steps: {
          type: 'array',
          description: 'The actions to run, in order.',
          items: {
            type: 'object',
            required: ['action'],
            properties: {
              id: { type: 'string' },
              name: { type: 'string' },
              action: { type: 'string', description: 'The action id, e.g. fetch:template.' },
              input: { type: 'object' },
              if: { type: ['string', 'boolean'] },
            },
          },
        },
        output: { type: 'object' },
      },
    },
    relations: [ownedBy],
  },
];
