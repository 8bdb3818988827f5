import type { PredicateNode } from './parseEntityPredicate';

/**
 * Whether `node` is answered by refs alone — relations (by their stored source
 * ref) and the entity's own ref — so that both dialects can start a query from
 * the few refs it names instead of from every entity.
 */
export function answeredByRefs(node: PredicateNode): boolean {
  switch (node.type) {
    case 'relation':
      return true;
    case 'ref':
      return node.match.op !== 'exists';
    case 'any':
      return node.children.length > 0 && node.children.every(answeredByRefs);
    default:
      return false;
  }
}
