import type { PredicateNode } from '../parseEntityPredicate';

/** What the per-kind facet counts answer: the entities of one kind, with one more key equal to a value or not. */
export interface FacetCountLookup {
  kind: string;
  equal?: { key: string; value: string };
}

/** The single value a node requires at a search key, when it is a plain equality. */
function equality(node: PredicateNode): { key: string; value: string } | undefined {
  if (node.type !== 'value' || node.match.op !== 'in' || node.match.values.length !== 1) {
    return undefined;
  }
  return { key: node.key, value: node.match.values[0] as string };
}

/**
 * The facet-count lookup that answers `condition`, when it is exactly an
 * equality on `kind`, alone or with one equality on another key; otherwise
 * undefined. Values are already lowercase, as the counts are.
 */
export function toFacetCountLookup(condition: PredicateNode): FacetCountLookup | undefined {
  const conjuncts = condition.type === 'all' ? condition.children : [condition];
  if (conjuncts.length === 0 || conjuncts.length > 2) {
    return undefined;
  }
  const equalities = conjuncts.map(equality);
  if (equalities.includes(undefined)) {
    return undefined;
  }
  const kinds = equalities.filter((item) => item?.key === 'kind');
  const [equal] = equalities.filter((item) => item?.key !== 'kind');
  const [kind] = kinds;
  if (!kind || kinds.length > 1) {
    return undefined;
  }
  return equal ? { kind: kind.value, equal } : { kind: kind.value };
}
