import type { EntityRelation } from '@atrium/plugin-api/frontend';

/** The relations of one type, ready to show. */
export interface RelationGroup {
  /** e.g. `ownedBy` */
  type: string;
  /** e.g. `Owned by` */
  label: string;
  /** Distinct target refs, sorted. */
  targetRefs: string[];
}

const labels: Record<string, string> = {
  ownedBy: 'Owned by',
  ownerOf: 'Owner of',
  partOf: 'Part of',
  hasPart: 'Has part',
  dependsOn: 'Depends on',
  dependencyOf: 'Dependency of',
  providesApi: 'Provides API',
  apiProvidedBy: 'API provided by',
  consumesApi: 'Consumes API',
  apiConsumedBy: 'API consumed by',
  memberOf: 'Member of',
  hasMember: 'Has member',
  childOf: 'Child of',
  parentOf: 'Parent of',
};

/** `runsOn` → `Runs on`: relation types from plugins have no label of their own. */
function labelOf(type: string): string {
  const known = labels[type];
  if (known) {
    return known;
  }
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Groups an entity's relations by type, labelled and sorted by label, each
 * group's targets de-duplicated (refs compare case-insensitively) and sorted.
 *
 * @example
 * groupRelations([{ type: 'ownedBy', targetRef: 'group:default/platform' }])
 * // [{ type: 'ownedBy', label: 'Owned by', targetRefs: ['group:default/platform'] }]
 */
export function groupRelations(relations: readonly EntityRelation[]): RelationGroup[] {
  const byType = new Map<string, Map<string, string>>();
  for (const { type, targetRef } of relations) {
    const targets = byType.get(type) ?? new Map<string, string>();
    targets.set(targetRef.toLowerCase(), targets.get(targetRef.toLowerCase()) ?? targetRef);
    byType.set(type, targets);
  }
  return [...byType]
    .map(([type, targets]) => ({
      type,
      label: labelOf(type),
      targetRefs: [...targets.values()].sort((a, b) => a.localeCompare(b)),
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
