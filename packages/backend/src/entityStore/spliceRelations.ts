import type { EntityRelation } from '@atrium/plugin-api';
import { compareCodePoints } from './compareCodePoints';

/**
 * Appends a `relations` array (deduplicated, sorted by type then target) to
 * an entity's stored JSON text, which never has one. The rest of the text is
 * passed through byte for byte: nothing is parsed or serialised again.
 */
export function spliceRelations(text: string, relations: readonly EntityRelation[]): string {
  const sorted = [...relations].sort(
    (a, b) => compareCodePoints(a.type, b.type) || compareCodePoints(a.targetRef, b.targetRef),
  );
  const parts: string[] = [];
  let previous: EntityRelation | undefined;
  for (const relation of sorted) {
    if (previous && previous.type === relation.type && previous.targetRef === relation.targetRef) {
      continue;
    }
    parts.push(`{"type":${JSON.stringify(relation.type)},"targetRef":${JSON.stringify(relation.targetRef)}}`);
    previous = relation;
  }
  return `${text.slice(0, text.lastIndexOf('}'))},"relations":[${parts.join(',')}]}`;
}
