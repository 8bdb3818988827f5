import { ConflictError, type EntityChangedPayload, type EntityMutationResult } from '@atrium/plugin-api';
import { createTimeOrderedUuid } from './createTimeOrderedUuid';

/** The stored facts about an entity that decide what a write does. */
export interface ExistingEntity {
  id: number;
  ref: string;
  uid: string;
  provider: string;
  /** Empty when none. */
  source: string;
  hash: string;
}

/** What a plan needs of an upsert: each storage prepares its own kind. */
export interface PlannedUpsert {
  ref: string;
  source: string | null;
  hash: string;
}

/** What to write for one mutation. */
export interface EntityMutationPlan<U extends PlannedUpsert, E extends ExistingEntity> {
  inserts: Array<{ upsert: U; uid: string }>;
  updates: Array<{ upsert: U; existing: E }>;
  /** Same content from another source of the same provider: only the source changes. */
  moves: Array<{ existing: E; source: string }>;
  deletes: E[];
  result: EntityMutationResult;
  payloads: EntityChangedPayload[];
}

/**
 * Decides what a mutation writes, given the entities that already exist under
 * its refs. Throws `ConflictError` when any of them belongs to another
 * provider, so that nothing is written.
 */
export function planEntityMutation<U extends PlannedUpsert, E extends ExistingEntity>(
  provider: string,
  upserts: U[],
  deletes: string[],
  existing: ReadonlyMap<string, E>,
): EntityMutationPlan<U, E> {
  for (const ref of [...upserts.map((u) => u.ref), ...deletes]) {
    const owner = existing.get(ref)?.provider;
    if (owner !== undefined && owner !== provider) {
      throw new ConflictError(
        `Entity '${ref}' is provided by plugin '${owner}'; plugin '${provider}' cannot write or delete it`,
      );
    }
  }
  const plan: EntityMutationPlan<U, E> = {
    inserts: [],
    updates: [],
    moves: [],
    deletes: [],
    result: { changed: [], unchanged: [], deleted: [] },
    payloads: [],
  };
  for (const upsert of upserts) {
    const current = existing.get(upsert.ref);
    const source = upsert.source ?? '';
    if (!current) {
      const uid = createTimeOrderedUuid();
      plan.inserts.push({ upsert, uid });
      plan.result.changed.push(upsert.ref);
      plan.payloads.push({ change: 'upserted', entityRef: upsert.ref, uid, provider });
    } else if (current.hash !== upsert.hash) {
      plan.updates.push({ upsert, existing: current });
      plan.result.changed.push(upsert.ref);
      plan.payloads.push({ change: 'upserted', entityRef: upsert.ref, uid: current.uid, provider });
    } else {
      if (current.source !== source) {
        plan.moves.push({ existing: current, source });
      }
      plan.result.unchanged.push(upsert.ref);
    }
  }
  for (const ref of deletes) {
    const current = existing.get(ref);
    if (current) {
      plan.deletes.push(current);
      plan.result.deleted.push(ref);
      plan.payloads.push({ change: 'deleted', entityRef: ref, uid: current.uid, provider });
    }
  }
  return plan;
}
