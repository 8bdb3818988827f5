import { DEFAULT_NAMESPACE, parseEntityRef } from '@atrium/plugin-api/frontend';
import type { FacetChoice } from './FacetChoice';

/**
 * How an owner filter shows an owner ref: in the short form the table uses
 * (no `group:` kind, no default namespace), with the value as written as the
 * detail when it is longer.
 *
 * @example
 * describeOwnerRef('group:default/payments') // { label: 'payments', detail: 'group:default/payments' }
 * describeOwnerRef('user:default/guest') // { label: 'user:guest', detail: 'user:default/guest' }
 */
export function describeOwnerRef(ref: string): Pick<FacetChoice, 'label' | 'detail'> {
  let kind: string;
  let namespace: string;
  let name: string;
  try {
    ({ kind, namespace, name } = parseEntityRef(ref, { defaultKind: 'group' }));
  } catch {
    // An owner that is no ref still filters by its text; show it as written.
    return { label: ref };
  }
  const label = `${kind.toLowerCase() === 'group' ? '' : `${kind.toLowerCase()}:`}${
    namespace === DEFAULT_NAMESPACE ? '' : `${namespace}/`
  }${name}`;
  return label === ref ? { label } : { label, detail: ref };
}
