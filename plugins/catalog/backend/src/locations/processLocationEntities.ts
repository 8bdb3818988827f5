import {
  ConflictError,
  type Entity,
  type EntityRelationSpec,
  InputError,
  NotAllowedError,
  stringifyEntityRef,
} from '@atrium/plugin-api';
import { annotateEntity, locationAnnotations } from './annotateEntity';
import type { CatalogRule } from './CatalogRule';
import type { RuleContext } from './createCatalogRulesEnforcer';
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
}

/** What the per-entity steps need from the engine. */
export interface EntityProcessors {
  isAllowed(entity: Entity, context: RuleContext): boolean;
  buildRelations(entity: Entity): EntityRelationSpec[];
  validateEntity?: EntityValidator;
}

function describe(location: { type: string; target: string }, documentIndex?: number): string {
  const where = `${location.type}:${location.target}`;
  return documentIndex === undefined ? where : `${where} document ${documentIndex + 1}`;
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
    spec: { type: location.type, target: location.target },
  };
}

/**
 * Turns what a location tree read into entities to store: rules, location
 * annotations, validation, relations, and one entity per ref (the first
 * claim wins). Every problem becomes an error naming the file, the document
 * (1-based), the entity and the rule broken.
 */
export async function processLocationEntities(
  location: ProcessedLocation,
  tree: LocationTreeResult,
  processors: EntityProcessors,
): Promise<{ entities: ProcessedEntity[]; errors: LocationStatusError[] }> {
  const errors: LocationStatusError[] = tree.errors.map(({ location: at, documentIndex, error }) => ({
    name: error.name,
    message: `${describe(at, documentIndex)}: ${error.message}`,
  }));
  const generated = createGeneratedLocationEntity(location);
  const entities: ProcessedEntity[] = [
    { ref: location.entityRef, entity: generated, relations: processors.buildRelations(generated) },
  ];
  const seen = new Set([location.entityRef]);
  const annotationsByFile = new Map<string, Record<string, string>>();
  for (const { entity, location: at, documentIndex } of tree.entities) {
    try {
      if (
        !processors.isAllowed(entity, {
          location: at,
          origin: location.origin,
          locationRules: location.rules,
        })
      ) {
        throw new NotAllowedError(
          `kind '${entity.kind}' is not allowed from this location; allow it in catalog.rules`,
        );
      }
      const fileKey = `${at.type}:${at.target}`;
      const problems = processors.validateEntity?.(entity, { location: fileKey, documentIndex }) ?? [];
      if (problems.length > 0) {
        throw new InputError(
          problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; '),
        );
      }
      let base = annotationsByFile.get(fileKey);
      if (!base) {
        base = locationAnnotations(at, location.key);
        annotationsByFile.set(fileKey, base);
      }
      const annotated = annotateEntity(entity, base);
      const ref = stringifyEntityRef({
        kind: annotated.kind,
        namespace: annotated.metadata.namespace ?? 'default',
        name: annotated.metadata.name,
      });
      if (seen.has(ref)) {
        throw new ConflictError(`Duplicate nested entity: ${ref}`);
      }
      seen.add(ref);
      entities.push({ ref, entity: annotated, relations: processors.buildRelations(annotated) });
    } catch (error) {
      errors.push({
        name: (error as Error).name,
        message: `${describe(at, documentIndex)}: ${entity.kind} '${entity.metadata.name}': ${(error as Error).message}`,
      });
    }
  }
  return { entities, errors };
}
