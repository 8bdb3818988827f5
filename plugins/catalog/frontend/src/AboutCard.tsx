import { EntityRefLink, Tag, useEntity } from '@atrium/plugin-api/frontend';
import type { ReactNode } from 'react';
import { EntityActions } from './EntityActions';
import { entitySourceLinks } from './entitySourceLinks';
import { LifecycleTag } from './LifecycleTag';
import { safeLinkUrl } from './safeLinkUrl';
import { specString } from './specString';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="catalog-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/**
 * The body of the entity overview's "About" card: description, owner, system,
 * domain, type, lifecycle, tags and links, and where to view and edit its
 * source. Only http, https and mailto links become anchors; anything else is
 * shown as text. Below them, the Refresh and Unregister actions the user may take.
 */
export function AboutCard() {
  const { entity } = useEntity();
  const { metadata } = entity;
  const owner = specString(entity, 'owner');
  const system = specString(entity, 'system');
  const domain = specString(entity, 'domain');
  const type = specString(entity, 'type');
  const lifecycle = specString(entity, 'lifecycle');
  const source = entitySourceLinks(entity);
  // Users and groups are owners themselves; "No owner" would read as a gap to fill.
  const ownerless = ['user', 'group'].includes(entity.kind.toLowerCase());
  return (
    <div className="catalog-about">
      {source.viewUrl || source.editUrl ? (
        <p className="catalog-about__source">
          {source.viewUrl ? (
            <a href={source.viewUrl} target="_blank" rel="noopener noreferrer">
              View source
            </a>
          ) : null}
          {source.editUrl ? (
            <a href={source.editUrl} target="_blank" rel="noopener noreferrer">
              Edit
            </a>
          ) : null}
        </p>
      ) : null}
      <p className={metadata.description ? 'catalog-about__description' : 'catalog-muted'}>
        {metadata.description ?? 'No description.'}
      </p>
      <dl className="catalog-facts">
        {ownerless ? null : (
          <Fact term="Owner">
            {owner ? (
              <EntityRefLink entityRef={owner} defaultKind="group" />
            ) : (
              <span className="catalog-muted">No owner</span>
            )}
          </Fact>
        )}
        {system ? (
          <Fact term="System">
            <EntityRefLink entityRef={system} defaultKind="system" />
          </Fact>
        ) : null}
        {domain ? (
          <Fact term="Domain">
            <EntityRefLink entityRef={domain} defaultKind="domain" />
          </Fact>
        ) : null}
        {type ? <Fact term="Type">{type}</Fact> : null}
        {lifecycle ? (
          <Fact term="Lifecycle">
            <LifecycleTag lifecycle={lifecycle} />
          </Fact>
        ) : null}
        {metadata.tags?.length ? (
          <Fact term="Tags">
            <span className="catalog-inline-list">
              {metadata.tags.map((tag) => (
                <Tag key={tag}>{tag}</Tag>
              ))}
            </span>
          </Fact>
        ) : null}
        {metadata.links?.length ? (
          <Fact term="Links">
            <ul className="catalog-links">
              {metadata.links.map((link) => {
                const href = safeLinkUrl(link.url);
                const text = link.title ?? link.url;
                return (
                  <li key={`${link.url} ${text}`}>
                    {href === undefined ? (
                      <span title="Not an http, https or mailto link, so not linked">{text}</span>
                    ) : href.startsWith('mailto:') ? (
                      <a href={href}>{text}</a>
                    ) : (
                      <a href={href} target="_blank" rel="noopener noreferrer">
                        {text}
                      </a>
                    )}
                  </li>
                );
              })}
            </ul>
          </Fact>
        ) : null}
      </dl>
      <EntityActions />
    </div>
  );
}
