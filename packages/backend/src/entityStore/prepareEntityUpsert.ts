import { hash as digest } from 'node:crypto';
import {
  DEFAULT_NAMESPACE,
  type Entity,
  type EntityRelationSpec,
  type EntityUpsert,
  InputError,
} from '@atrium/plugin-api';
import { compareCodePoints } from './compareCodePoints';
import { toCanonicalEntityRef } from './toCanonicalEntityRef';

/** An upsert checked and normalised, ready to be stored. */
export interface PreparedUpsert {
  /** Canonical ref. */
  ref: string;
  source: string | null;
  /** The entity as stored, without `relations`, `metadata.uid` and `metadata.etag`; `metadata.namespace` set. */
  entity: Entity;
  /** Deduplicated and sorted, with canonical target refs. */
  relations: EntityRelationSpec[];
  /** Hash of the entity and its relations; equal hashes mean nothing to write. */
  hash: string;
  /** The final JSON text but the uid: see {@link renderEntityText}. */
  text: EntityTextParts;
}

/** The final JSON text of an entity, split where its uid goes: the uid is known only when it is written. */
export interface EntityTextParts {
  beforeUid: string;
  afterUid: string;
}

/** The final JSON text, with `metadata.uid` and `metadata.etag`, without `relations`. */
export function renderEntityText(text: EntityTextParts, uid: string): string {
  return `${text.beforeUid}${JSON.stringify(uid)}${text.afterUid}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function requireText(value: unknown, what: string): string {
  if (!isText(value)) {
    throw new InputError(`${what} must be a non-empty string`);
  }
  return value;
}

/** The error for a relation field that is missing, built only then: every write checks every relation. */
function missingRelationField(ref: string, field: string): InputError {
  return new InputError(`A relation ${field} of entity '${ref}' must be a non-empty string`);
}

function prepareRelations(ref: string, relations: unknown): EntityRelationSpec[] {
  if (relations === undefined) {
    return [];
  }
  if (!Array.isArray(relations)) {
    throw new InputError(`The relations of entity '${ref}' must be an array`);
  }
  const specs: EntityRelationSpec[] = [];
  for (const relation of relations) {
    if (!isRecord(relation)) {
      throw new InputError(`Entity '${ref}' has a relation that is not an object`);
    }
    const { type, inverseType, targetRef: target } = relation;
    if (!isText(type)) {
      throw missingRelationField(ref, 'type');
    }
    if (!isText(inverseType)) {
      throw missingRelationField(ref, 'inverseType');
    }
    let targetRef: string;
    try {
      if (!isText(target)) {
        throw missingRelationField(ref, 'targetRef');
      }
      targetRef = toCanonicalEntityRef(target);
    } catch (error) {
      throw new InputError(`Entity '${ref}' has an invalid relation target: ${(error as Error).message}`, {
        cause: error,
      });
    }
    specs.push({ type, inverseType, targetRef });
  }
  specs.sort(
    (a, b) =>
      compareCodePoints(a.type, b.type) ||
      compareCodePoints(a.targetRef, b.targetRef) ||
      compareCodePoints(a.inverseType, b.inverseType),
  );
  // Sorted on all three fields, duplicates are neighbours.
  return specs.filter((spec, i) => {
    const previous = specs[i - 1];
    return (
      previous === undefined ||
      previous.type !== spec.type ||
      previous.targetRef !== spec.targetRef ||
      previous.inverseType !== spec.inverseType
    );
  });
}

/**
 * Checks one upsert and prepares what the store writes: the canonical ref, the
 * entity with `metadata.namespace` defaulted, the content hash, and the final
 * JSON text around its uid. The entity is serialised once; the uid and etag are
 * spliced into the metadata text rather than serialising again.
 */
export function prepareEntityUpsert(upsert: EntityUpsert, index: number): PreparedUpsert {
  const raw: unknown = upsert?.entity;
  if (!isRecord(raw)) {
    throw new InputError(`Upsert #${index} has no entity object`);
  }
  const what = `Entity #${index}`;
  requireText(raw.apiVersion, `${what} apiVersion`);
  requireText(raw.kind, `${what} kind`);
  if (!isRecord(raw.metadata)) {
    throw new InputError(`${what} has no metadata object`);
  }
  requireText(raw.metadata.name, `${what} metadata.name`);
  if (raw.metadata.namespace !== undefined) {
    requireText(raw.metadata.namespace, `${what} metadata.namespace`);
  }
  if (upsert.source !== undefined && upsert.source !== null && typeof upsert.source !== 'string') {
    throw new InputError(`${what} has a source that is not a string`);
  }

  const metadata: Record<string, unknown> = {};
  for (const key in raw.metadata) {
    if (key !== 'uid' && key !== 'etag') {
      metadata[key] = raw.metadata[key];
    }
  }
  metadata.namespace ??= DEFAULT_NAMESPACE;

  const entity: Record<string, unknown> = {};
  const before: string[] = [];
  const after: string[] = [];
  let metadataSeen = false;
  for (const key in raw) {
    const value = raw[key];
    if (key === 'relations' || value === undefined) {
      continue;
    }
    if (key === 'metadata') {
      entity.metadata = metadata;
      metadataSeen = true;
      continue;
    }
    entity[key] = value;
    (metadataSeen ? after : before).push(`${JSON.stringify(key)}:${JSON.stringify(value)}`);
  }
  const prepared = entity as unknown as Entity;
  // What getEntityRef gives, without parsing the ref it has just formatted.
  const ref = `${raw.kind}:${metadata.namespace}/${raw.metadata.name}`.toLowerCase();
  const relations = prepareRelations(ref, upsert.relations);

  const head = `{${before.join(',')}${before.length > 0 ? ',' : ''}"metadata":`;
  const tail = `${after.length > 0 ? ',' : ''}${after.join(',')}}`;
  const metadataText = JSON.stringify(metadata);
  const relationsText = relations
    .map((r) => `${r.type}\u0000${r.inverseType}\u0000${r.targetRef}`)
    .join('\u0001');
  const hash = digest('sha256', `${head}${metadataText}${tail}\u0002${relationsText}`, 'hex');
  const etag = hash.slice(0, 32);
  const metadataOpen = metadataText.slice(0, -1);

  return {
    ref,
    source: upsert.source ?? null,
    entity: prepared,
    relations,
    hash,
    text: { beforeUid: `${head}${metadataOpen},"uid":`, afterUid: `,"etag":"${etag}"}${tail}` },
  };
}
