import Ajv from 'ajv';
import { createKindRegistry } from './createKindRegistry';
import { formatValidationProblem } from './formatValidationProblem';
import type { KindDefinition } from './KindDefinition';

const context = { location: 'file:/x/catalog-info.yaml', documentIndex: 1 };

// Backstage's documented examples, one per built-in kind (catalog-model and scaffolder-common schemas).
const examples: Record<string, Record<string, unknown>> = {
  Component: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'LoremService',
      description: 'Creates Lorems like a pro.',
      labels: { product_name: 'Random-value-Generator' },
      annotations: { docs: 'https://github.com/..../tree/develop/doc' },
    },
    spec: { type: 'service', lifecycle: 'production', owner: 'tools' },
  },
  API: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'API',
    metadata: { name: 'artist-api', description: 'Retrieve artist details' },
    spec: {
      type: 'openapi',
      lifecycle: 'production',
      owner: 'artist-relations-team',
      system: 'artist-engagement-portal',
      definition: 'openapi: "3.0.0"\ninfo:...',
    },
  },
  Resource: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'artists-db', description: 'Stores artist details' },
    spec: { type: 'database', owner: 'artist-relations-team', system: 'artist-engagement-portal' },
  },
  System: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: { name: 'artist-engagement-portal', description: 'Handy tools to keep artists in the loop' },
    spec: { owner: 'artist-relations-team', domain: 'artists' },
  },
  Domain: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Domain',
    metadata: { name: 'artists', description: 'Everything about artists' },
    spec: { owner: 'artist-relations-team' },
  },
  Group: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'infrastructure', description: 'The infra business unit' },
    spec: {
      type: 'business-unit',
      profile: {
        displayName: 'Infrastructure',
        email: 'infrastructure@example.com',
        picture: 'https://example.com/groups/bu-infrastructure.jpeg',
      },
      parent: 'ops',
      children: ['backstage', 'other'],
    },
  },
  User: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'jdoe' },
    spec: {
      profile: { displayName: 'Jenny Doe', email: 'jenny-doe@example.com' },
      memberOf: ['team-b', 'employees'],
    },
  },
  Location: {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: { name: 'org-data' },
    spec: {
      type: 'url',
      targets: [
        'http://github.com/myorg/myproject/org-data-dump/catalog-info-staff.yaml',
        'http://github.com/myorg/myproject/org-data-dump/catalog-info-consultants.yaml',
      ],
    },
  },
  Template: {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: {
      name: 'react-ssr-template',
      title: 'React SSR Template',
      tags: ['recommended', 'react'],
    },
    spec: {
      owner: 'artist-relations-team',
      type: 'website',
      parameters: { required: ['name'], properties: { name: { title: 'Name', type: 'string' } } },
      steps: [{ id: 'fetch', name: 'Fetch', action: 'fetch:plain', input: { url: './template' } }],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the scaffolder's own template syntax
      output: { catalogInfoUrl: '${{ steps.publish.output.catalogInfoUrl }}' },
    },
  },
};

const requiredSpecFields: Array<[string, string]> = [
  ['Component', 'type'],
  ['Component', 'lifecycle'],
  ['Component', 'owner'],
  ['API', 'type'],
  ['API', 'lifecycle'],
  ['API', 'owner'],
  ['API', 'definition'],
  ['Resource', 'type'],
  ['Resource', 'owner'],
  ['System', 'owner'],
  ['Domain', 'owner'],
  ['Group', 'type'],
  ['Group', 'children'],
  ['User', 'memberOf'],
  ['Template', 'type'],
  ['Template', 'steps'],
];

type Document = Record<string, unknown> & { spec: Record<string, unknown> & { steps?: unknown[] } };

function example(kind: string): Document {
  return structuredClone(examples[kind]) as Document;
}

function withMetadata(metadata: Record<string, unknown>): Record<string, unknown> {
  const doc = example('Component');
  doc.metadata = { name: 'svc', ...metadata };
  return doc;
}

function messages(document: unknown, registry = createKindRegistry()): string[] {
  return registry.validate(document, context).map(formatValidationProblem);
}

describe('createKindRegistry', () => {
  const registry = createKindRegistry();

  describe('built-in kinds', () => {
    it.each(Object.keys(examples))("accepts Backstage's documented %s example", (kind) => {
      expect(messages(example(kind), registry)).toEqual([]);
    });

    it.each(requiredSpecFields)('rejects a %s without spec.%s, naming the rule', (kind, field) => {
      const doc = example(kind);
      delete doc.spec[field];
      expect(messages(doc, registry)).toEqual([
        `file:/x/catalog-info.yaml document 2: spec.${field}: must have required property '${field}' (${kind} requires spec.${field})`,
      ]);
    });

    it.each(Object.keys(examples))('rejects a %s without spec', (kind) => {
      const { spec: _spec, ...doc } = example(kind);
      expect(messages(doc, registry)).toEqual([
        "file:/x/catalog-info.yaml document 2: spec: must have required property 'spec' (every entity requires spec)",
      ]);
    });

    it('rejects a Location with neither target nor targets', () => {
      const doc = example('Location');
      delete doc.spec.targets;
      expect(messages(doc, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: spec: must have target or targets (found an object)',
      ]);
    });

    it('accepts backstage.io/v1beta1 for built-in kinds and rejects other apiVersions per kind', () => {
      expect(messages({ ...example('Component'), apiVersion: 'backstage.io/v1beta1' }, registry)).toEqual([]);
      expect(
        messages({ ...example('Component'), apiVersion: 'scaffolder.backstage.io/v1beta3' }, registry),
      ).toEqual([
        'file:/x/catalog-info.yaml document 2: apiVersion: must be backstage.io/v1alpha1 or backstage.io/v1beta1 for kind Component (found "scaffolder.backstage.io/v1beta3")',
      ]);
      expect(messages({ ...example('Template'), apiVersion: 'backstage.io/v1alpha1' }, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: apiVersion: must be scaffolder.backstage.io/v1beta3 for kind Template (found "backstage.io/v1alpha1")',
      ]);
    });

    it('rejects spec fields of the wrong type', () => {
      const doc = example('Component');
      doc.spec.owner = 42;
      doc.spec.providesApis = 'one-api';
      expect(messages(doc, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: spec.owner: must be string (found 42)',
        'file:/x/catalog-info.yaml document 2: spec.providesApis: must be array (found "one-api")',
      ]);
    });

    it('rejects a template step without an action, with the array index in the path', () => {
      const doc = example('Template');
      doc.spec.steps?.push({ id: 'publish' });
      expect(messages(doc, registry)).toEqual([
        "file:/x/catalog-info.yaml document 2: spec.steps[1].action: must have required property 'action'",
      ]);
    });
  });

  describe('the envelope', () => {
    it('names every missing envelope field', () => {
      expect(messages({}, registry)).toEqual([
        "file:/x/catalog-info.yaml document 2: apiVersion: must have required property 'apiVersion' (every entity requires apiVersion)",
        "file:/x/catalog-info.yaml document 2: kind: must have required property 'kind' (every entity requires kind)",
        "file:/x/catalog-info.yaml document 2: metadata: must have required property 'metadata' (every entity requires metadata)",
        "file:/x/catalog-info.yaml document 2: spec: must have required property 'spec' (every entity requires spec)",
      ]);
    });

    it('rejects a document that is not a mapping', () => {
      expect(messages(['a'], registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: must be a mapping with apiVersion, kind, metadata and spec',
      ]);
    });

    it('rejects relations and status, which are output only', () => {
      const doc = {
        ...example('Component'),
        relations: [{ type: 'ownedBy', targetRef: 'group:default/tools' }],
        status: { items: [] },
      };
      expect(messages(doc, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: relations: is output-only: the catalog computes it, so a document must not contain it (found an array)',
        'file:/x/catalog-info.yaml document 2: status: is output-only: the catalog computes it, so a document must not contain it (found an object)',
      ]);
    });

    it('rejects a foreign root field', () => {
      expect(messages({ ...example('Component'), extra: 1 }, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: extra: is not allowed at the root of an entity, which holds only apiVersion, kind, metadata and spec',
      ]);
    });

    it('rejects metadata.uid and metadata.etag, which only the catalog sets', () => {
      expect(messages(withMetadata({ uid: 'abc', etag: 'def' }), registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: metadata.uid: is set by the catalog and must not be written in the document (found "abc")',
        'file:/x/catalog-info.yaml document 2: metadata.etag: is set by the catalog and must not be written in the document (found "def")',
      ]);
    });

    it('allows unknown metadata fields, as Backstage does', () => {
      expect(messages(withMetadata({ team: 'x' }), registry)).toEqual([]);
    });

    it('rejects an unknown kind and lists the known ones', () => {
      const doc = { ...example('Component'), kind: 'Widget' };
      expect(messages(doc, registry)).toEqual([
        "file:/x/catalog-info.yaml document 2: kind: unknown kind 'Widget'; known kinds are Component, API, Resource, System, Domain, Group, User, Location, Template; declare new kinds under catalog.kinds",
      ]);
    });

    it('rejects a built-in kind written in another case, as Backstage does, and suggests the right one', () => {
      expect(messages({ ...example('Component'), kind: 'component' }, registry)).toEqual([
        "file:/x/catalog-info.yaml document 2: kind: unknown kind 'component'; did you mean 'Component'? Kinds are written with their exact case",
      ]);
    });

    it('rejects keys that differ only in letter case', () => {
      const doc = withMetadata({ labels: { team: 'a', Team: 'b' } });
      expect(messages(doc, registry)).toEqual([
        "file:/x/catalog-info.yaml document 2: metadata.labels.Team: duplicates key 'metadata.labels.team' except for letter case; keys must differ by more than case",
      ]);
    });

    it('omits the document number when the context has none', () => {
      const problems = registry.validate(
        { ...example('Component'), extra: 1 },
        { location: 'url:https://x/y.yaml' },
      );
      expect(problems.map(formatValidationProblem)[0]).toMatch(/^url:https:\/\/x\/y\.yaml: extra: /);
    });
  });

  describe('naming rules (backstage-contracts.md §1.3)', () => {
    const longName = 'a'.repeat(63);
    it.each(['a', 'abc', 'LoremService', 'a-b_c.d', '1', longName, 'a--b', 'A.b'])(
      'accepts the name %j',
      (name) => {
        expect(messages(withMetadata({ name }), registry)).toEqual([]);
      },
    );

    it.each(['', '-a', 'a-', '_a', 'a.', 'a b', 'a/b', 'ä', `${longName}a`])(
      'rejects the name %j',
      (name) => {
        expect(messages(withMetadata({ name }), registry)).toEqual([
          `file:/x/catalog-info.yaml document 2: metadata.name: must be sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total (found ${JSON.stringify(name)})`,
        ]);
      },
    );

    it.each(['default', 'team-a', 'a--b', '1', 'a'.repeat(63)])('accepts the namespace %j', (namespace) => {
      expect(messages(withMetadata({ namespace }), registry)).toEqual([]);
    });

    it.each(['', 'Default', 'a_b', 'a.b', '-a', 'a-', 'a'.repeat(64)])(
      'rejects the namespace %j',
      (namespace) => {
        expect(messages(withMetadata({ namespace }), registry)).toEqual([
          `file:/x/catalog-info.yaml document 2: metadata.namespace: must be sequences of [a-z0-9] separated by [-], at most 63 characters in total (found ${JSON.stringify(namespace)})`,
        ]);
      },
    );

    it.each(['1Widget', 'Wid-get', 'Wid get', '', `W${'a'.repeat(63)}`])('rejects the kind %j', (kind) => {
      expect(messages({ ...example('Component'), kind }, registry)).toEqual([
        `file:/x/catalog-info.yaml document 2: kind: must be a letter followed by letters and digits, at most 63 characters in total (found ${JSON.stringify(kind)})`,
      ]);
    });

    const customKinds = createKindRegistry([{ kind: 'Widget', specSchema: {} }]);
    it.each(['v1', 'backstage.io/v1alpha1', 'my-company.net/v1', 'a.b.c/V2', `${'a'.repeat(63)}.io/v1`])(
      'accepts the apiVersion %j',
      (apiVersion) => {
        expect(messages({ ...example('Component'), kind: 'Widget', apiVersion }, customKinds)).toEqual([]);
      },
    );

    it.each([
      '',
      'a/b/c',
      'Backstage.io/v1',
      'backstage.io/',
      '/v1',
      'backstage.io/v1-alpha',
      `${'a'.repeat(64)}.io/v1`,
      `x/${'v'.repeat(64)}`,
    ])('rejects the apiVersion %j', (apiVersion) => {
      expect(messages({ ...example('Component'), kind: 'Widget', apiVersion }, customKinds)).toEqual([
        `file:/x/catalog-info.yaml document 2: apiVersion: must be an optional DNS-subdomain prefix and '/', then 1 to 63 of [a-zA-Z0-9] (found ${JSON.stringify(apiVersion)})`,
      ]);
    });

    it.each(['a', 'backstage.io/techdocs-ref', 'github.com/project-slug', 'Product_Name', 'a.b-c/X.y'])(
      'accepts the label and annotation key %j',
      (key) => {
        expect(
          messages(
            withMetadata({ labels: { [key]: 'v' }, annotations: { [key]: 'any value: at all' } }),
            registry,
          ),
        ).toEqual([]);
      },
    );

    it.each([
      '',
      '/a',
      'a/',
      'a/b/c',
      'Backstage.io/x',
      'a_b.io/x',
      '-a',
      `x/${'a'.repeat(64)}`,
      `${'a'.repeat(64)}.io/x`,
    ])('rejects the label and annotation key %j', (key) => {
      const rule =
        "must be an optional DNS-subdomain prefix and '/' (like backstage.io/), then sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
      expect(
        messages(withMetadata({ labels: { [key]: 'v' }, annotations: { [key]: 'v' } }), registry),
      ).toEqual([
        `file:/x/catalog-info.yaml document 2: metadata.labels: key ${JSON.stringify(key)} ${rule}`,
        `file:/x/catalog-info.yaml document 2: metadata.annotations: key ${JSON.stringify(key)} ${rule}`,
      ]);
    });

    it.each(['', 'production', 'a.b_c-d'])('accepts the label value %j', (value) => {
      expect(messages(withMetadata({ labels: { tier: value } }), registry)).toEqual([]);
    });

    it.each(['a b', '-a', 'a'.repeat(64), 'Random value Generator'])(
      'rejects the label value %j',
      (value) => {
        expect(messages(withMetadata({ labels: { tier: value } }), registry)).toEqual([
          `file:/x/catalog-info.yaml document 2: metadata.labels.tier: must be empty or sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total (found ${JSON.stringify(value)})`,
        ]);
      },
    );

    it('rejects annotation values that are not strings', () => {
      expect(messages(withMetadata({ annotations: { a: 1 } }), registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: metadata.annotations.a: must be string (found 1)',
      ]);
    });

    it.each(['java', 'c++', 'c#', 'lang:go', 'a-b-c', '1', 'a'.repeat(63)])('accepts the tag %j', (tag) => {
      expect(messages(withMetadata({ tags: [tag] }), registry)).toEqual([]);
    });

    it.each(['', 'Java', 'a_b', 'a--b', '-a', 'a-', 'a b', 'a'.repeat(64)])('rejects the tag %j', (tag) => {
      expect(messages(withMetadata({ tags: ['ok', tag] }), registry)).toEqual([
        `file:/x/catalog-info.yaml document 2: metadata.tags[1]: must be sequences of [a-z0-9:+#] separated by [-], at most 63 characters in total (found ${JSON.stringify(tag)})`,
      ]);
    });

    it('accepts links whose url parses and rejects the others and empty titles', () => {
      expect(
        messages(
          withMetadata({ links: [{ url: 'https://admin.example.com', title: 'Admin', icon: 'dashboard' }] }),
          registry,
        ),
      ).toEqual([]);
      expect(
        messages(withMetadata({ links: [{ url: 'not a url', title: '' }, { title: 'x' }] }), registry),
      ).toEqual([
        'file:/x/catalog-info.yaml document 2: metadata.links[0].url: must be an absolute URL, e.g. https://example.com/dashboard (found "not a url")',
        'file:/x/catalog-info.yaml document 2: metadata.links[0].title: must NOT have fewer than 1 characters (found "")',
        "file:/x/catalog-info.yaml document 2: metadata.links[1].url: must have required property 'url'",
      ]);
    });
  });

  describe('relation fields', () => {
    it("resolves short refs with each field's default kind and the entity's namespace", () => {
      const relations = registry.relationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'checkout', namespace: 'shop' },
        spec: {
          owner: 'Team-A',
          system: 'commerce',
          subcomponentOf: 'shop-app',
          providesApis: ['checkout-api'],
          consumesApis: ['default/payments-api'],
          dependsOn: ['resource:orders-db'],
          dependencyOf: ['component:web'],
        },
      });
      expect(relations).toEqual([
        { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:shop/team-a' },
        { type: 'partOf', inverseType: 'hasPart', targetRef: 'component:shop/shop-app' },
        { type: 'providesApi', inverseType: 'apiProvidedBy', targetRef: 'api:shop/checkout-api' },
        { type: 'consumesApi', inverseType: 'apiConsumedBy', targetRef: 'api:default/payments-api' },
        { type: 'dependsOn', inverseType: 'dependencyOf', targetRef: 'resource:shop/orders-db' },
        { type: 'dependencyOf', inverseType: 'dependsOn', targetRef: 'component:shop/web' },
        { type: 'partOf', inverseType: 'hasPart', targetRef: 'system:shop/commerce' },
      ]);
    });

    it.each([
      ['User', { memberOf: ['payments'] }, ['memberOf group:default/payments']],
      [
        'Group',
        { type: 't', parent: 'ops', children: ['a'], members: ['jdoe'] },
        ['childOf group:default/ops', 'parentOf group:default/a', 'hasMember user:default/jdoe'],
      ],
      [
        'System',
        { owner: 'user:jdoe', domain: 'artists' },
        ['ownedBy user:default/jdoe', 'partOf domain:default/artists'],
      ],
      [
        'Domain',
        { owner: 'o', subdomainOf: 'top' },
        ['ownedBy group:default/o', 'partOf domain:default/top'],
      ],
      ['API', { owner: 'o', system: 's' }, ['ownedBy group:default/o', 'partOf system:default/s']],
      [
        'Resource',
        { owner: 'o', dependsOn: ['component:c'] },
        ['ownedBy group:default/o', 'dependsOn component:default/c'],
      ],
      ['Template', { owner: 'o' }, ['ownedBy group:default/o']],
      ['Location', { target: './x.yaml' }, []],
    ])('makes the %s relations Backstage makes', (kind, spec, expected) => {
      const relations = registry.relationsOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind,
        metadata: { name: 'n' },
        spec,
      });
      expect(relations.map((r) => `${r.type} ${r.targetRef}`)).toEqual(expected);
    });

    it('reports a dependsOn ref without a kind as invalid, since that field has no default kind', () => {
      const doc = example('Component');
      doc.spec.dependsOn = ['resource:ok', 'orders-db'];
      expect(messages(doc, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: spec.dependsOn[1]: must be an entity reference of the form kind:[namespace/]name, naming its kind since dependsOn has no default kind (e.g. resource:orders-db) (found "orders-db")',
      ]);
    });

    it('reports a ref with an empty part as invalid', () => {
      const doc = example('Component');
      doc.spec.owner = 'group:default/';
      expect(messages(doc, registry)).toEqual([
        'file:/x/catalog-info.yaml document 2: spec.owner: must be an entity reference of the form [kind:][namespace/]name (found "group:default/")',
      ]);
    });

    it('lists relation fields per kind, case-insensitively, and none for unknown kinds', () => {
      expect(registry.relationFieldsOf('user')).toEqual([
        { field: 'memberOf', type: 'memberOf', inverseType: 'hasMember', defaultKind: 'Group' },
      ]);
      expect(registry.relationFieldsOf('Widget')).toEqual([]);
    });
  });

  describe('configured kinds', () => {
    const kafkaTopic: KindDefinition = {
      kind: 'KafkaTopic',
      apiVersions: ['example.com/v1alpha1'],
      description: 'A Kafka topic.',
      specSchema: {
        type: 'object',
        required: ['owner', 'partitions'],
        additionalProperties: false,
        properties: {
          owner: { type: 'string' },
          partitions: { type: 'integer', minimum: 1 },
          producers: { type: 'array', items: { type: 'string' } },
          cluster: { type: 'object', properties: { name: { type: 'string' } } },
          'x-retention': { type: 'string', format: 'duration' },
        },
      },
      relations: [
        { field: 'owner', type: 'ownedBy', inverseType: 'ownerOf', defaultKind: 'Group' },
        { field: 'producers', type: 'producedBy', inverseType: 'producerOf', defaultKind: 'Component' },
        { field: 'cluster.name', type: 'hostedOn', inverseType: 'hosts', defaultKind: 'Resource' },
      ],
    };
    const custom = createKindRegistry([kafkaTopic]);
    const topic = {
      apiVersion: 'example.com/v1alpha1',
      kind: 'KafkaTopic',
      metadata: { name: 'orders', namespace: 'shop' },
      spec: {
        owner: 'team-a',
        partitions: 12,
        producers: ['checkout', 'api:default/x'],
        cluster: { name: 'kafka-1' },
      },
    };

    it('accepts a valid entity of a configured kind', () => {
      expect(messages(topic, custom)).toEqual([]);
    });

    it("checks a configured kind's spec against its schema and apiVersions", () => {
      const doc = {
        ...topic,
        apiVersion: 'backstage.io/v1alpha1',
        spec: { partitions: 0, extra: true, 'x-retention': 'soon' },
      };
      expect(messages(doc, custom)).toEqual([
        'file:/x/catalog-info.yaml document 2: apiVersion: must be example.com/v1alpha1 for kind KafkaTopic (found "backstage.io/v1alpha1")',
        "file:/x/catalog-info.yaml document 2: spec.owner: must have required property 'owner' (KafkaTopic requires spec.owner)",
        'file:/x/catalog-info.yaml document 2: spec.extra: is not allowed here',
        'file:/x/catalog-info.yaml document 2: spec.partitions: must be >= 1 (found 0)',
        'file:/x/catalog-info.yaml document 2: spec.x-retention: must match format "duration" (found "soon")',
      ]);
    });

    it("makes the relations a configured kind's fields declare, including nested fields", () => {
      expect(custom.relationsOf(topic as never)).toEqual([
        { type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:shop/team-a' },
        { type: 'producedBy', inverseType: 'producerOf', targetRef: 'component:shop/checkout' },
        { type: 'producedBy', inverseType: 'producerOf', targetRef: 'api:default/x' },
        { type: 'hostedOn', inverseType: 'hosts', targetRef: 'resource:shop/kafka-1' },
      ]);
    });

    it('keeps the built-in kinds next to configured ones', () => {
      expect(custom.kinds().map((k) => k.kind)).toContain('Component');
      expect(messages(example('Component'), custom)).toEqual([]);
    });

    it('refuses a configured kind that clashes with a built-in kind in any case', () => {
      expect(() => createKindRegistry([{ kind: 'component' }])).toThrow(
        "catalog.kinds: kind 'component' is declared twice (as 'Component' too); kinds compare case-insensitively",
      );
    });

    it('refuses a configured kind with an invalid name or an invalid spec schema', () => {
      expect(() => createKindRegistry([{ kind: 'Kafka-Topic' }])).toThrow(
        "catalog.kinds: kind 'Kafka-Topic' must be",
      );
      expect(() =>
        createKindRegistry([{ kind: 'Broken', specSchema: { type: 'object', required: 'owner' } }]),
      ).toThrow("catalog.kinds: the specSchema of kind 'Broken' is not a valid JSON Schema");
    });
  });

  describe('schemas', () => {
    // Editors only see entity.json; it must agree with validate() on everything a schema can express.
    const editorAjv = new Ajv({ allErrors: true, strict: false });
    editorAjv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
    const custom = createKindRegistry([
      { kind: 'Widget', apiVersions: ['example.com/v1'], specSchema: { required: ['size'] } },
    ]);
    const entitySchema = editorAjv.compile(custom.schemas().entity);
    const widget = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w' },
      spec: { size: 1 },
    };
    const documents: Array<[string, unknown]> = [
      ...Object.entries(examples),
      ['widget', widget],
      ['widget without size', { ...widget, spec: {} }],
      ['widget with a built-in apiVersion', { ...widget, apiVersion: 'backstage.io/v1alpha1' }],
      [
        'component without owner',
        { ...example('Component'), spec: { type: 'service', lifecycle: 'production' } },
      ],
      ['bad name', withMetadata({ name: 'a b' })],
      ['bad tag', withMetadata({ tags: ['A'] })],
      ['bad label key', withMetadata({ labels: { 'a/b/c': 'x' } })],
      ['uid set', withMetadata({ uid: 'x' })],
      ['relations set', { ...example('Component'), relations: [] }],
      ['unknown kind', { ...example('Component'), kind: 'Gadget' }],
      [
        'template with backstage.io apiVersion',
        { ...example('Template'), apiVersion: 'backstage.io/v1alpha1' },
      ],
    ];

    it.each(documents)('entity.json agrees with validate() on %s', (_name, document) => {
      expect(entitySchema(document)).toBe(custom.validate(document, context).length === 0);
    });

    it('publishes one schema per kind that rejects other kinds', () => {
      const { kinds } = custom.schemas();
      expect(Object.keys(kinds)).toEqual([...Object.keys(examples), 'Widget']);
      const componentSchema = editorAjv.compile(kinds.Component ?? {});
      expect(componentSchema(example('Component'))).toBe(true);
      expect(componentSchema(example('API'))).toBe(false);
    });
  });
});
