import {
  DEFAULT_NAMESPACE,
  type Entity,
  type EntityRelationSpec,
  InputError,
  parseEntityRef,
} from '@atrium/plugin-api';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { builtinKinds } from './builtinKinds';
import { createDocumentSchema } from './createDocumentSchema';
import { createEntityDocumentSchema } from './createEntityDocumentSchema';
import { createKindSchema } from './createKindSchema';
import { describeSchemaErrors, type FieldProblem } from './describeSchemaErrors';
import { entityFieldFormats } from './entityFieldFormats';
import { findCaseDuplicateKeys } from './findCaseDuplicateKeys';
import type { JsonSchema } from './JsonSchema';
import type { KindDefinition, RelationFieldDefinition } from './KindDefinition';
import type { ValidationProblem } from './ValidationProblem';

/** Where a document came from, so that every problem can say so. */
export interface ValidationContext {
  /** Location ref of the file, e.g. `file:/repo/catalog-info.yaml`. */
  location: string;
  /** Zero-based position of the document in its file. */
  documentIndex?: number;
}

/** The published JSON Schemas: one for any document, one per kind. */
export interface CatalogSchemas {
  entity: JsonSchema;
  kinds: Record<string, JsonSchema>;
}

/** Every kind the catalog accepts, built-in and configured: their validation, relations and schemas. */
export interface KindRegistry {
  /** Checks one parsed `catalog-info.yaml` document as a user wrote it; an empty list means valid. */
  validate(document: unknown, context: ValidationContext): ValidationProblem[];
  /** The kinds, built-in first, in their declared case. */
  kinds(): KindDefinition[];
  /** The relation-making spec fields of a kind (case-insensitive); none for an unknown kind. */
  relationFieldsOf(kind: string): RelationFieldDefinition[];
  /** The relations a valid entity's spec fields make, short refs resolved in the entity's namespace. */
  relationsOf(entity: Entity): EntityRelationSpec[];
  /** The schemas to publish for editors. */
  schemas(): CatalogSchemas;
}

function isValidUrl(value: string): boolean {
  // Backstage accepts whatever WHATWG URL parsing accepts (FieldFormatEntityPolicy).
  return URL.canParse(value);
}

/** A relation field with its path split once, since lookups run for every ingested entity. */
interface CompiledRelationField extends RelationFieldDefinition {
  keys: string[];
}

function valueAt(spec: Record<string, unknown> | undefined, keys: string[]): unknown {
  let value: unknown = spec;
  for (const key of keys) {
    value =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  return value;
}

function checkDefinitions(definitions: KindDefinition[]): void {
  const seen = new Map<string, string>();
  const kindPattern = new RegExp(entityFieldFormats.kind.pattern);
  for (const definition of definitions) {
    if (!kindPattern.test(definition.kind) || definition.kind.length > 63) {
      throw new InputError(
        `catalog.kinds: kind '${definition.kind}' ${entityFieldFormats.kind.errorMessage}`,
      );
    }
    const other = seen.get(definition.kind.toLowerCase());
    if (other !== undefined) {
      throw new InputError(
        `catalog.kinds: kind '${definition.kind}' is declared twice (as '${other}' too); kinds compare case-insensitively`,
      );
    }
    seen.set(definition.kind.toLowerCase(), definition.kind);
  }
}

/**
 * Merges Backstage's built-in kinds with kinds configured under `catalog.kinds` into one
 * registry; throws an InputError naming the kind when a configured kind is unusable.
 *
 * @example
 * const registry = createKindRegistry(config.getOptional('kinds') ?? []);
 * const problems = registry.validate(document, { location: 'file:/repo/catalog-info.yaml', documentIndex: 0 });
 * problems.map(formatValidationProblem);
 */
export function createKindRegistry(configuredKinds: KindDefinition[] = []): KindRegistry {
  const definitions = [...builtinKinds, ...configuredKinds];
  checkDefinitions(definitions);
  // strict off and no logger: configured spec schemas may carry keywords ajv does not know.
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, logger: false });
  addFormats(ajv);
  ajv.addFormat('uri', isValidUrl);

  const byKind = new Map<
    string,
    { definition: KindDefinition; validate: ValidateFunction; relations: CompiledRelationField[] }
  >();
  for (const definition of definitions) {
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(createKindSchema(definition));
    } catch (error) {
      throw new InputError(
        `catalog.kinds: the specSchema of kind '${definition.kind}' is not a valid JSON Schema: ${(error as Error).message}`,
        { cause: error },
      );
    }
    const relations = (definition.relations ?? []).map((r) => ({ ...r, keys: r.field.split('.') }));
    byKind.set(definition.kind, { definition, validate, relations });
  }
  const byLowerKind = new Map([...byKind.values()].map((k) => [k.definition.kind.toLowerCase(), k]));
  const validateEnvelope = ajv.compile(
    createDocumentSchema({
      title: 'Catalog entity',
      apiVersion: entityFieldFormats.apiVersion,
      kind: entityFieldFormats.kind,
      spec: { type: 'object' },
    }),
  );

  function unknownKind(kind: string): FieldProblem {
    const sameButCase = byLowerKind.get(kind.toLowerCase());
    const hint = sameButCase
      ? `did you mean '${sameButCase.definition.kind}'? Kinds are written with their exact case`
      : `known kinds are ${definitions.map((d) => d.kind).join(', ')}; declare new kinds under catalog.kinds`;
    return { path: 'kind', message: `unknown kind '${kind}'; ${hint}` };
  }

  function invalidRefs(entity: Entity, fields: CompiledRelationField[]): FieldProblem[] {
    const problems: FieldProblem[] = [];
    const defaultNamespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
    for (const field of fields) {
      const value = valueAt(entity.spec, field.keys);
      const refs = Array.isArray(value) ? value : value === undefined ? [] : [value];
      for (const [index, ref] of refs.entries()) {
        const path = `spec.${field.field}${Array.isArray(value) ? `[${index}]` : ''}`;
        if (typeof ref !== 'string') {
          problems.push({ path, message: 'must be an entity reference string' });
          continue;
        }
        try {
          parseEntityRef(ref, { defaultKind: field.defaultKind, defaultNamespace });
        } catch {
          const rule = field.defaultKind
            ? '[kind:][namespace/]name'
            : `kind:[namespace/]name, naming its kind since ${field.field} has no default kind (e.g. resource:orders-db)`;
          problems.push({
            path,
            message: `must be an entity reference of the form ${rule} (found ${JSON.stringify(ref)})`,
          });
        }
      }
    }
    return problems;
  }

  function check(document: unknown): FieldProblem[] {
    if (!document || typeof document !== 'object' || Array.isArray(document)) {
      return [{ path: '', message: 'must be a mapping with apiVersion, kind, metadata and spec' }];
    }
    const kind = (document as { kind?: unknown }).kind;
    const known = typeof kind === 'string' ? byKind.get(kind) : undefined;
    const validate = known?.validate ?? validateEnvelope;
    const problems = validate(document)
      ? []
      : describeSchemaErrors(validate.errors ?? [], document, known?.definition.kind);
    if (!known && typeof kind === 'string' && !problems.some((p) => p.path === 'kind')) {
      problems.push(unknownKind(kind));
    }
    problems.push(...findCaseDuplicateKeys(document));
    if (known && problems.length === 0) {
      problems.push(...invalidRefs(document as Entity, known.relations));
    }
    return problems;
  }

  return {
    validate(document, context) {
      return check(document).map((problem) => ({ ...context, ...problem }));
    },
    kinds: () => definitions,
    relationFieldsOf: (kind) => byLowerKind.get(kind.toLowerCase())?.definition.relations ?? [],
    relationsOf(entity) {
      const namespace = entity.metadata.namespace ?? DEFAULT_NAMESPACE;
      const relations: EntityRelationSpec[] = [];
      for (const field of byLowerKind.get(entity.kind.toLowerCase())?.relations ?? []) {
        const value = valueAt(entity.spec, field.keys);
        for (const ref of Array.isArray(value) ? value : [value]) {
          if (typeof ref !== 'string') {
            continue;
          }
          const target = parseEntityRef(ref, { defaultKind: field.defaultKind, defaultNamespace: namespace });
          // stringifyEntityRef's toLocaleLowerCase('en-US') gives the same result several times slower;
          // this runs for every ref of every ingested entity.
          const targetRef = `${target.kind}:${target.namespace}/${target.name}`.toLowerCase();
          relations.push({ type: field.type, inverseType: field.inverseType, targetRef });
        }
      }
      return relations;
    },
    schemas: () => ({
      entity: createEntityDocumentSchema(definitions),
      kinds: Object.fromEntries(definitions.map((d) => [d.kind, createKindSchema(d)])),
    }),
  };
}
