import type { Entity } from '@atrium/plugin-api';
import type { LocationSpec } from './LocationSpec';

/** What replaces a view/edit URL whose scheme could run script in the browser (Backstage's value). */
export const REJECTED_URL = 'https://backstage.io/annotation-rejected-for-security-reasons';

function safeUrl(value: string | undefined): string | undefined {
  if (value === undefined || /^https?:\/\//i.test(value)) {
    return value;
  }
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:' ? value : REJECTED_URL;
  } catch {
    return REJECTED_URL;
  }
}

/** The annotations every entity read from `location` gets, before its own; compute once per file. */
export function locationAnnotations(location: LocationSpec, originKey: string): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (location.type === 'url') {
    annotations['backstage.io/source-location'] = `url:${new URL('./', location.target).href}`;
    annotations['backstage.io/view-url'] = location.target;
    annotations['backstage.io/edit-url'] = location.target;
  }
  annotations['backstage.io/managed-by-location'] = `${location.type}:${location.target}`;
  annotations['backstage.io/managed-by-origin-location'] = originKey;
  return annotations;
}

/**
 * Adds the location annotations (from {@link locationAnnotations}):
 * `managed-by-location` (the file read) and `managed-by-origin-location`
 * (the registered root) always win over what the file says; for `url`
 * locations `view-url`, `edit-url` and `source-location` default to the
 * file and its folder. View and edit URLs that are not http(s) are
 * replaced, so no `javascript:` link reaches a page.
 */
export function annotateEntity(entity: Entity, base: Record<string, string>): Entity {
  const annotations: Record<string, string> = {
    ...base,
    ...entity.metadata.annotations,
    'backstage.io/managed-by-location': base['backstage.io/managed-by-location'] as string,
    'backstage.io/managed-by-origin-location': base['backstage.io/managed-by-origin-location'] as string,
  };
  for (const key of ['backstage.io/view-url', 'backstage.io/edit-url']) {
    const safe = safeUrl(annotations[key]);
    if (safe !== undefined) {
      annotations[key] = safe;
    }
  }
  delete annotations['backstage.io/orphan'];
  return { ...entity, metadata: { ...entity.metadata, annotations } };
}
