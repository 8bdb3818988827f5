import type { Entity } from '@atrium/plugin-api/frontend';
import { safeLinkUrl } from './safeLinkUrl';

/** Where to read and where to change an entity's source; each absent when unknown or unsafe. */
export interface EntitySourceLinks {
  viewUrl?: string;
  editUrl?: string;
}

const webUrl = (value: string | undefined): string | undefined => {
  const href = value ? safeLinkUrl(value) : undefined;
  // mailto is a fine entity link but not a place to read source.
  return href?.startsWith('http') ? href : undefined;
};

/**
 * The "View source" and "Edit" links of an entity, from its
 * `backstage.io/view-url` and `backstage.io/edit-url` annotations, falling
 * back to a `url:` `backstage.io/source-location` for viewing. Annotations are
 * user input: only http and https URLs are returned.
 *
 * @example
 * entitySourceLinks(entityWith({ 'backstage.io/source-location': 'url:https://git.example/repo/' }))
 * // { viewUrl: 'https://git.example/repo/' }
 */
export function entitySourceLinks(entity: Entity): EntitySourceLinks {
  const annotations = entity.metadata.annotations ?? {};
  const sourceLocation = annotations['backstage.io/source-location'];
  const viewUrl =
    webUrl(annotations['backstage.io/view-url']) ??
    (sourceLocation?.startsWith('url:') ? webUrl(sourceLocation.slice('url:'.length)) : undefined);
  const editUrl = webUrl(annotations['backstage.io/edit-url']);
  return { ...(viewUrl ? { viewUrl } : {}), ...(editUrl ? { editUrl } : {}) };
}
