import { Card, EmptyState, EntityRefLink, useEntity } from '@atrium/plugin-api/frontend';
import { groupRelations } from './groupRelations';

/** The entity page's "Relations" tab: every relation of the entity, grouped by type, each a link. */
export function RelationsTab() {
  const { entity } = useEntity();
  const groups = groupRelations(entity.relations ?? []);
  if (groups.length === 0) {
    return (
      <EmptyState
        icon="system"
        title="No relations"
        description={`${entity.metadata.title ?? entity.metadata.name} has no owner, dependencies or other relations yet.`}
      />
    );
  }
  return (
    <div className="catalog-relations">
      {groups.map((group) => (
        <Card key={group.type} title={`${group.label} (${group.targetRefs.length})`}>
          <ul className="catalog-relations__list">
            {group.targetRefs.map((ref) => (
              <li key={ref}>
                <EntityRefLink entityRef={ref} />
              </li>
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
