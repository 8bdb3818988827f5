import Ajv from 'ajv';
import { createKindRegistry } from './createKindRegistry';
import type { KindDefinition } from './KindDefinition';
import { kindsConfigSchema } from './kindsConfigSchema';

// The host validates plugin config with a strict ajv, with this fragment under `properties.kinds`.
const validateConfig = new Ajv({ allErrors: true, useDefaults: true, strict: true }).compile({
  type: 'object',
  properties: { kinds: kindsConfigSchema },
});

describe('kindsConfigSchema', () => {
  it('accepts a configured kind and hands it to createKindRegistry as is', () => {
    const kinds = [
      {
        kind: 'MLModel',
        apiVersions: ['ml.example.com/v1'],
        specSchema: { type: 'object', required: ['owner'], properties: { owner: { type: 'string' } } },
        relations: [{ field: 'owner', type: 'ownedBy', inverseType: 'ownerOf', defaultKind: 'Group' }],
      },
    ];
    expect(validateConfig({ kinds })).toBe(true);
    const registry = createKindRegistry(kinds as KindDefinition[]);
    expect(registry.relationFieldsOf('mlmodel')).toEqual(kinds[0]?.relations);
  });

  it('rejects a kind with a bad name, an unknown key or a relation without its inverse', () => {
    expect(
      validateConfig({
        kinds: [
          { kind: 'ml-model' },
          { kind: 'A', schema: {} },
          { kind: 'B', relations: [{ field: 'x', type: 'uses' }] },
        ],
      }),
    ).toBe(false);
    expect(validateConfig.errors?.map((e) => `${e.instancePath} ${e.message}`)).toEqual([
      '/kinds/0/kind must match pattern "^[a-zA-Z][a-z0-9A-Z]*$"',
      '/kinds/1 must NOT have additional properties',
      "/kinds/2/relations/0 must have required property 'inverseType'",
    ]);
  });
});
