import { type Entity, EntityRefLink, Tag } from '@atrium/plugin-api/frontend';

/** The entity page's header: kind, title and name, owner, lifecycle and tags. */
export function EntityHeader({ entity }: { entity: Entity }) {
  const { metadata, spec = {} } = entity;
  const owner = typeof spec.owner === 'string' ? spec.owner : undefined;
  const lifecycle = typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined;
  const type = typeof spec.type === 'string' ? spec.type : undefined;
  return (
    <header className="shell-entity-header">
      <p className="shell-entity-header__kind">
        {entity.kind}
        {type ? ` · ${type}` : ''}
      </p>
      <h1 className="shell-entity-header__title">{metadata.title ?? metadata.name}</h1>
      {metadata.title ? <p className="shell-muted">{metadata.name}</p> : null}
      <dl className="shell-entity-header__facts">
        <div>
          <dt>Owner</dt>
          <dd>{owner ? <EntityRefLink entityRef={owner} defaultKind="group" /> : 'No owner'}</dd>
        </div>
        {lifecycle ? (
          <div>
            <dt>Lifecycle</dt>
            <dd>
              <Tag
                tone={
                  lifecycle === 'production' ? 'success' : lifecycle === 'deprecated' ? 'warning' : 'info'
                }
              >
                {lifecycle}
              </Tag>
            </dd>
          </div>
        ) : null}
        {metadata.tags?.length ? (
          <div>
            <dt>Tags</dt>
            <dd className="shell-tags">
              {metadata.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </header>
  );
}
