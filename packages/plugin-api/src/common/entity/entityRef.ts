import { InputError } from '../errors/InputError';

/** An entity reference in its three parts. */
export interface CompoundEntityRef {
  kind: string;
  namespace: string;
  name: string;
}

/** The namespace an entity gets when it names none. */
export const DEFAULT_NAMESPACE = 'default';

/** Context used to fill in the parts a short ref leaves out. */
export interface ParseEntityRefContext {
  defaultKind?: string;
  defaultNamespace?: string;
}

/**
 * Parses `[kind:][namespace/]name` into its parts, filling gaps from `context`.
 * Case is preserved; use {@link stringifyEntityRef} for the canonical form.
 *
 * @example
 * parseEntityRef('team-a', { defaultKind: 'Group' }) // { kind: 'Group', namespace: 'default', name: 'team-a' }
 */
export function parseEntityRef(
  ref: string | CompoundEntityRef,
  context: ParseEntityRefContext = {},
): CompoundEntityRef {
  if (typeof ref !== 'string') {
    return ref;
  }
  const colon = ref.indexOf(':');
  const slash = ref.indexOf('/');
  const hasKind = colon !== -1 && (slash === -1 || colon < slash);
  const kind = hasKind ? ref.slice(0, colon) : context.defaultKind;
  const rest = hasKind ? ref.slice(colon + 1) : ref;
  const restSlash = rest.indexOf('/');
  const namespace =
    restSlash === -1 ? (context.defaultNamespace ?? DEFAULT_NAMESPACE) : rest.slice(0, restSlash);
  const name = restSlash === -1 ? rest : rest.slice(restSlash + 1);
  if (!kind) {
    throw new InputError(`Entity reference '${ref}' has no kind and no default kind applies`);
  }
  if (!namespace || !name) {
    throw new InputError(`Entity reference '${ref}' is not of the form [kind:][namespace/]name`);
  }
  return { kind, namespace, name };
}

/**
 * Formats a ref in its canonical form: `kind:namespace/name`, all lowercase.
 *
 * @example
 * stringifyEntityRef({ kind: 'Component', namespace: 'default', name: 'Payments' }) // 'component:default/payments'
 */
export function stringifyEntityRef(ref: CompoundEntityRef | string): string {
  const { kind, namespace, name } = parseEntityRef(ref);
  return `${kind}:${namespace}/${name}`.toLowerCase();
}
