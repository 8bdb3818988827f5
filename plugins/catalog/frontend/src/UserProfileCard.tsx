import { EntityRefLink, useEntity } from '@atrium/plugin-api/frontend';
import { groupRelations } from './groupRelations';
import { safeLinkUrl } from './safeLinkUrl';

const profileOf = (spec: Record<string, unknown> | undefined): Record<string, unknown> => {
  const profile = spec?.profile;
  return typeof profile === 'object' && profile !== null ? (profile as Record<string, unknown>) : {};
};

/** A user page's "Profile" card: display name, email and the groups the user belongs to. */
export function UserProfileCard() {
  const { entity } = useEntity();
  const profile = profileOf(entity.spec);
  const displayName = typeof profile.displayName === 'string' ? profile.displayName : undefined;
  const email = typeof profile.email === 'string' ? profile.email : undefined;
  const mailto = email ? safeLinkUrl(`mailto:${email}`) : undefined;
  const groups =
    groupRelations(entity.relations ?? []).find((group) => group.type === 'memberOf')?.targetRefs ?? [];
  return (
    <dl className="catalog-facts">
      <div className="catalog-facts__row">
        <dt>Name</dt>
        <dd>{displayName ?? entity.metadata.title ?? entity.metadata.name}</dd>
      </div>
      <div className="catalog-facts__row">
        <dt>Email</dt>
        <dd>
          {email ? (
            mailto ? (
              <a href={mailto}>{email}</a>
            ) : (
              email
            )
          ) : (
            <span className="catalog-muted">None</span>
          )}
        </dd>
      </div>
      <div className="catalog-facts__row">
        <dt>Groups ({groups.length})</dt>
        <dd>
          {groups.length ? (
            <span className="catalog-inline-list">
              {groups.map((ref) => (
                <EntityRefLink key={ref} entityRef={ref} defaultKind="group" />
              ))}
            </span>
          ) : (
            <span className="catalog-muted">Not in any group</span>
          )}
        </dd>
      </div>
    </dl>
  );
}
