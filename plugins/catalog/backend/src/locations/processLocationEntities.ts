import type { Entity, EntityRelationSpec } from '@atrium/plugin-api';
import type { CatalogRule } from './CatalogRule';
import type { RuleContext } from './createCatalogRulesEnforcer';
import { createLocationFileProcessor } from './createLocationFileProcessor';
import type { EntityValidator } from './EntityValidator';
import type { LocationStatusError } from './LocationStatus';
import type { LocationTreeResult } from './readLocationTree';

/** An entity ready to store: annotated, checked, with its relations. */
export interface ProcessedEntity {
  ref: string;
  entity: Entity;
  relations: EntityRelationSpec[];
}

/** The root location being processed. */
export interface ProcessedLocation {
  type: string;
  target: string;
  /** `type:target`. */
  key: string;
  entityRef: string;
  origin: 'config' | 'api';
  rules?: CatalogRule[];
  /** Backstage's `presence` of the registered location; `optional` tolerates a missing target. */
  presence?: 'required' | 'optional';
}

/** What the per-entity steps need from the engine. */
export interface EntityProcessors {
  isAllowed(entity: Entity, context: RuleContext): boolean;
  buildRelations(entity: Entity): EntityRelationSpec[];
  validateEntity?: EntityValidator;
}

/** The Location entity Backstage generates for a registered location; its targets are what the location reads. */
export function createGeneratedLocationEntity(location: ProcessedLocation): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Location',
    metadata: {
      name: location.entityRef.slice(location.entityRef.indexOf('/') + 1),
      namespace: 'default',
      annotations: {
        'backstage.io/managed-by-location': location.key,
        'backstage.io/managed-by-origin-location': location.key,
      },
    },
    spec: {
      type: location.type,
      target: location.target,
      ...(location.presence ? { presence: location.presence } : {}),
    },
  };
}

/**
 * Turns what a location tree read into entities to store: the generated
 * Location entity first, then every entity of the tree through
 * {@link createLocationFileProcessor} (rules, annotations, validation,
 * relations, the first claim of a ref wins). For previews: ingestion
 * processes one file at a time.
 */
export function processLocationEntities(
  location: ProcessedLocation,
  tree: LocationTreeResult,
  processors: EntityProcessors,
): { entities: ProcessedEntity[]; errors: LocationStatusError[] } {
  const generated = createGeneratedLocationEntity(location);
  const processed = createLocationFileProcessor(location, processors).process(tree);
  return {
    entities: [
      { ref: location.entityRef, entity: generated, relations: processors.buildRelations(generated) },
      ...processed.entities,
    ],
    errors: processed.errors,
  };
}
