/** Inverse relation type → its forward type; Backstage stores both directions, the graph draws one arrow. */
const forwardOf: Record<string, string> = {
  ownerOf: 'ownedBy',
  dependencyOf: 'dependsOn',
  apiProvidedBy: 'providesApi',
  apiConsumedBy: 'consumesApi',
  hasPart: 'partOf',
  hasMember: 'memberOf',
  parentOf: 'childOf',
};

/** A relation as one arrow: its source, forward type and target. */
export interface ForwardRelation {
  from: string;
  type: string;
  to: string;
}

/**
 * Turns a relation into its forward direction, so that `A dependsOn B` and
 * `B dependencyOf A` become the same arrow. Types the catalog does not define
 * (custom kinds) keep the direction they were stored in.
 *
 * @example
 * forwardRelation('group:default/payments', 'ownerOf', 'component:default/pay')
 * // { from: 'component:default/pay', type: 'ownedBy', to: 'group:default/payments' }
 */
export function forwardRelation(from: string, type: string, to: string): ForwardRelation {
  const forward = forwardOf[type];
  return forward ? { from: to, type: forward, to: from } : { from, type, to };
}
