import { EntityRefLink, getEntityPath, useEntity } from '@atrium/plugin-api/frontend';
import { Link } from 'react-router';
import { groupRelations } from './groupRelations';

/** Targets shown per relation type before "and N more". */
const SHOWN_PER_TYPE = 5;

/**
 * The overview's compact "Relations" card: each relation type with its first
 * few targets as links; the Relations tab lists them all.
 */
export function RelationsCard() {
  const { entity } = useEntity();
  const groups = groupRelations(entity.relations ?? []);
  if (groups.length === 0) {
    return <p className="catalog-muted">No relations.</p>;
  }
  const more = `${getEntityPath(entity)}/relations`;
  return (
    <dl className="catalog-facts">
      {groups.map((group) => (
        <div key={group.type} className="catalog-facts__row">
          <dt>{group.label}</dt>
          <dd className="catalog-inline-list">
            {group.targetRefs.slice(0, SHOWN_PER_TYPE).map((ref) => (
              <EntityRefLink key={ref} entityRef={ref} />
            ))}
            {group.targetRefs.length > SHOWN_PER_TYPE ? (
              <Link to={more}>and {group.targetRefs.length - SHOWN_PER_TYPE} more</Link>
            ) : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
