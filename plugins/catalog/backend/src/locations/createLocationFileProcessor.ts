import { ConflictError, InputError, NotAllowedError, stringifyEntityRef } from '@atrium/plugin-api';
import { annotateEntity, locationAnnotations } from './annotateEntity';
import type { LocationStatusError } from './LocationStatus';
import type { EntityProcessors, ProcessedEntity, ProcessedLocation } from './processLocationEntities';
import type { LocationReadError, ReadEntity } from './walkLocationTree';

/** Turns the files of one location's tree, one at a time, into entities to store. */
export interface LocationFileProcessor {
  /** Rules, location annotations, validation and relations for every entity of a file; one entity per ref across the tree. */
  process(file: { entities: ReadEntity[]; errors: LocationReadError[] }): {
    entities: ProcessedEntity[];
    errors: LocationStatusError[];
  };
  /** Claims the refs of a file that is not processed again; false (claiming nothing) when one is already claimed. */
  claim(refs: string[]): boolean;
  /** Whether a ref has been claimed in this tree: what orphan detection compares the stored refs with. */
  has(ref: string): boolean;
}

function describe(location: { type: string; target: string }, documentIndex?: number): string {
  const where = `${location.type}:${location.target}`;
  return documentIndex === undefined ? where : `${where} document ${documentIndex + 1}`;
}

/**
 * Creates the processor of one refresh of `location`. It keeps only the set
 * of refs claimed so far (the first claim in tree order wins), so a tree is
 * processed file by file without holding its entities. Every problem becomes
 * an error naming the file, the document (1-based), the entity and the rule broken.
 */
export function createLocationFileProcessor(
  location: ProcessedLocation,
  processors: EntityProcessors,
): LocationFileProcessor {
  const claimed = new Set([location.entityRef]);
  return {
    process(file) {
      const errors: LocationStatusError[] = file.errors.map(({ location: at, documentIndex, error }) => ({
        name: error.name,
        message: `${describe(at, documentIndex)}: ${error.message}`,
      }));
      const entities: ProcessedEntity[] = [];
      const annotationsByFile = new Map<string, Record<string, string>>();
      for (const { entity, location: at, documentIndex } of file.entities) {
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
          if (claimed.has(ref)) {
            throw new ConflictError(`Duplicate nested entity: ${ref}`);
          }
          claimed.add(ref);
          entities.push({ ref, entity: annotated, relations: processors.buildRelations(annotated) });
        } catch (error) {
          errors.push({
            name: (error as Error).name,
            message: `${describe(at, documentIndex)}: ${entity.kind} '${entity.metadata.name}': ${(error as Error).message}`,
          });
        }
      }
      return { entities, errors };
    },
    claim(refs) {
      if (refs.some((ref) => claimed.has(ref))) {
        return false;
      }
      for (const ref of refs) {
        claimed.add(ref);
      }
      return true;
    },
    has: (ref) => claimed.has(ref),
  };
}
