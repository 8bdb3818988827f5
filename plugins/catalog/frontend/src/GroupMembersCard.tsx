import { EntityRefLink, useEntity } from '@atrium/plugin-api/frontend';
import { groupRelations } from './groupRelations';

/** Members listed before "and N more": a large group should not make a page of links. */
const SHOWN_MEMBERS = 50;

function RefList({ refs, empty, defaultKind }: { refs: string[]; empty: string; defaultKind: string }) {
  if (refs.length === 0) {
    return <span className="catalog-muted">{empty}</span>;
  }
  return (
    <span className="catalog-inline-list">
      {refs.slice(0, SHOWN_MEMBERS).map((ref) => (
        <EntityRefLink key={ref} entityRef={ref} defaultKind={defaultKind} />
      ))}
      {refs.length > SHOWN_MEMBERS ? (
        <span className="catalog-muted">and {refs.length - SHOWN_MEMBERS} more</span>
      ) : null}
    </span>
  );
}

/**
 * A group page's "Members" card: the parent team, the sub-teams and the
 * members, from the group's relations (which hold both a group's
 * `spec.members` and each user's `spec.memberOf`).
 */
export function GroupMembersCard() {
  const { entity } = useEntity();
  const byType = new Map(
    groupRelations(entity.relations ?? []).map((group) => [group.type, group.targetRefs]),
  );
  const members = byType.get('hasMember') ?? [];
  const children = byType.get('parentOf') ?? [];
  const parents = byType.get('childOf') ?? [];
  return (
    <dl className="catalog-facts">
      <div className="catalog-facts__row">
        <dt>Parent</dt>
        <dd>
          <RefList refs={parents} empty="None (top level)" defaultKind="group" />
        </dd>
      </div>
      <div className="catalog-facts__row">
        <dt>Sub-teams ({children.length})</dt>
        <dd>
          <RefList refs={children} empty="None" defaultKind="group" />
        </dd>
      </div>
      <div className="catalog-facts__row">
        <dt>Members ({members.length})</dt>
        <dd>
          <RefList refs={members} empty="No members" defaultKind="user" />
        </dd>
      </div>
    </dl>
  );
}
