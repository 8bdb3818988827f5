import { Card, type Entity, EntityRefLink, getEntityRef } from '@atrium/plugin-api/frontend';

const relationLabels: Record<string, string> = {
  partOf: 'Part of',
  dependsOn: 'Depends on',
  providesApi: 'Provides APIs',
  consumesApi: 'Consumes APIs',
  hasMember: 'Members',
  memberOf: 'Member of',
  childOf: 'Parent',
};

/** The shell's own overview card: description, ref, links and the main relations. */
export function AboutCard({ entity }: { entity: Entity }) {
  const relations = Object.entries(relationLabels)
    .map(([type, label]) => ({ label, refs: (entity.relations ?? []).filter((r) => r.type === type) }))
    .filter(({ refs }) => refs.length > 0);
  return (
    <Card title="About" className="shell-about">
      <p>{entity.metadata.description ?? <span className="shell-muted">No description.</span>}</p>
      <dl className="shell-facts">
        <dt>Reference</dt>
        <dd>
          <code>{getEntityRef(entity)}</code>
        </dd>
        {relations.map(({ label, refs }) => (
          <div key={label} className="shell-facts__row">
            <dt>{label}</dt>
            <dd className="shell-inline-list">
              {refs.map((r) => (
                <EntityRefLink key={r.targetRef} entityRef={r.targetRef} />
              ))}
            </dd>
          </div>
        ))}
        {entity.metadata.links?.length ? (
          <div className="shell-facts__row">
            <dt>Links</dt>
            <dd className="shell-inline-list">
              {entity.metadata.links.map((link) => (
                <a key={link.url} href={link.url} rel="noreferrer noopener" target="_blank">
                  {link.title ?? link.url}
                </a>
              ))}
            </dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}
