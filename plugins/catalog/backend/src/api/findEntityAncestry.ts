import { posix } from 'node:path';
import { type Entity, type EntityPredicate, type EntityStoreService, getEntityRef } from '@atrium/plugin-api';

/** Where Backstage (and the catalog's ingestion) records the location an entity was read from. */
const managedByLocation = 'backstage.io/managed-by-location';

/** How far up a chain of Location entities the walk goes; guards against cycles and runaway data. */
const maxAncestors = 100;

/** The body of `GET /entities/by-name/:kind/:namespace/:name/ancestry`. */
export interface EntityAncestry {
  rootEntityRef: string;
  items: Array<{ entity: Entity; parentEntityRefs: string[] }>;
}

function splitLocationRef(ref: string): { type: string; target: string } | undefined {
  const colon = ref.indexOf(':');
  return colon > 0 ? { type: ref.slice(0, colon), target: ref.slice(colon + 1) } : undefined;
}

function resolveTarget(type: string, base: string, target: string): string | undefined {
  if (type === 'file') {
    return posix.resolve(posix.dirname(base), target);
  }
  try {
    return new URL(target, base).toString();
  } catch {
    return undefined;
  }
}

/** The spellings a parent Location might use for `target`: absolute, or relative to any folder above it. */
function targetSpellings(type: string, target: string): string[] {
  const spellings = [target];
  const path = type === 'file' ? target : URL.canParse(target) ? new URL(target).pathname : '';
  const segments = path.split('/').filter((s) => s !== '');
  for (let i = segments.length - 1; i >= 0; i--) {
    const relative = segments.slice(i).join('/');
    spellings.push(relative, `./${relative}`);
  }
  return spellings;
}

function targetsOf(entity: Entity): string[] {
  const spec = entity.spec ?? {};
  const targets = Array.isArray(spec.targets) ? spec.targets : [];
  return [spec.target, ...targets].filter((t): t is string => typeof t === 'string');
}

/** The Location entities whose targets read the file this entity is managed by. */
async function findParents(
  store: EntityStoreService,
  entity: Entity,
  ref: string,
  restrict: EntityPredicate | undefined,
): Promise<Entity[]> {
  const location = splitLocationRef(entity.metadata.annotations?.[managedByLocation] ?? '');
  if (!location) {
    return [];
  }
  const spellings = targetSpellings(location.type, location.target);
  const page = await store.query({
    query: {
      $all: [
        { kind: 'location' },
        { $any: [{ 'spec.target': { $in: spellings } }, { 'spec.targets': { $in: spellings } }] },
      ],
    },
    limit: maxAncestors,
    restrict,
  });
  return page.items.filter((candidate) => {
    if (getEntityRef(candidate) === ref) {
      return false;
    }
    const own = splitLocationRef(candidate.metadata.annotations?.[managedByLocation] ?? '');
    return targetsOf(candidate).some((target) => {
      const resolved = own ? resolveTarget(own.type, own.target, target) : target;
      return resolved === location.target || target === location.target;
    });
  });
}

/**
 * The chain of Location entities that brought an entity in, following each
 * one's `backstage.io/managed-by-location` annotation to the Location entities
 * that target that file. The first item is the entity itself. Parents that do
 * not match `restrict` (the caller's read permission) are left out.
 */
export async function findEntityAncestry(
  store: EntityStoreService,
  root: Entity,
  restrict?: EntityPredicate,
): Promise<EntityAncestry> {
  const rootEntityRef = getEntityRef(root);
  const items: EntityAncestry['items'] = [];
  const queue: Entity[] = [root];
  const seen = new Set([rootEntityRef]);
  for (let entity = queue.shift(); entity; entity = queue.shift()) {
    const ref = getEntityRef(entity);
    const parents = await findParents(store, entity, ref, restrict);
    items.push({ entity, parentEntityRefs: parents.map(getEntityRef) });
    for (const parent of parents) {
      const parentRef = getEntityRef(parent);
      if (!seen.has(parentRef) && seen.size < maxAncestors) {
        seen.add(parentRef);
        queue.push(parent);
      }
    }
  }
  return { rootEntityRef, items };
}
