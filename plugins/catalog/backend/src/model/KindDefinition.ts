import type { JsonSchema } from './JsonSchema';

/** A spec field whose entity refs make a relation, and the relation stored back on the target. */
export interface RelationFieldDefinition {
  /** Path below `spec`, dot-separated for nested fields, e.g. `owner` or `cluster.owner`; a string or an array of strings. */
  field: string;
  /** Relation stored on the entity, e.g. `ownedBy`. */
  type: string;
  /** Relation stored on the target, pointing back, e.g. `ownerOf`. */
  inverseType: string;
  /** Kind assumed when a ref names none; without it a ref must name its kind (like `dependsOn`). */
  defaultKind?: string;
}

/**
 * One kind of entity: the JSON Schema its `spec` must meet and the relations its fields make.
 * Built-in kinds and kinds configured under `catalog.kinds` share this shape.
 *
 * @example
 * const kafkaTopic: KindDefinition = {
 *   kind: 'KafkaTopic',
 *   apiVersions: ['example.com/v1'],
 *   specSchema: { type: 'object', required: ['owner'], properties: { owner: { type: 'string' } } },
 *   relations: [{ field: 'owner', type: 'ownedBy', inverseType: 'ownerOf', defaultKind: 'Group' }],
 * };
 */
export interface KindDefinition {
  /** The exact `kind` value, e.g. `Component`; documents must spell it with this case. */
  kind: string;
  /** The `apiVersion` values accepted for this kind; any well-formed apiVersion when absent. */
  apiVersions?: string[];
  /** Shown in editors and in the schema index. */
  description?: string;
  /** A self-contained JSON Schema (draft-07) for `spec`; `spec` must be an object either way. */
  specSchema?: JsonSchema;
  /** The spec fields that make relations. */
  relations?: RelationFieldDefinition[];
}
