import { Link } from 'react-router';
import type { Entity } from '../../common/entity/Entity';
import { type CompoundEntityRef, DEFAULT_NAMESPACE, parseEntityRef } from '../../common/entity/entityRef';
import { getEntityPath } from '../routing/getEntityPath';

/** Props of {@link EntityRefLink}. */
export interface EntityRefLinkProps {
  /** An entity, or a ref such as `group:default/platform`. */
  entityRef: Entity | string;
  /** Kind assumed when a string ref has none, e.g. `group` for an owner. */
  defaultKind?: string;
  /** Link text; by default the entity's title, or its ref without the default namespace. */
  title?: string;
}

/**
 * Links to an entity's page.
 *
 * @example
 * <EntityRefLink entityRef={entity.spec.owner} defaultKind="group" />
 */
export function EntityRefLink({ entityRef, defaultKind, title }: EntityRefLinkProps) {
  if (typeof entityRef !== 'string') {
    return (
      <Link to={getEntityPath(entityRef)}>
        {title ?? entityRef.metadata.title ?? entityRef.metadata.name}
      </Link>
    );
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(entityRef, defaultKind ? { defaultKind } : {});
  } catch {
    // A ref without a kind cannot be linked; showing it as text is more useful than failing the card.
    return <span>{title ?? entityRef}</span>;
  }
  const namespace = ref.namespace === DEFAULT_NAMESPACE ? '' : `${ref.namespace}/`;
  const kind =
    defaultKind && ref.kind.toLowerCase() === defaultKind.toLowerCase() ? '' : `${ref.kind.toLowerCase()}:`;
  return <Link to={getEntityPath(ref)}>{title ?? `${kind}${namespace}${ref.name}`}</Link>;
}
