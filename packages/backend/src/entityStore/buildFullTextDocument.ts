import type { Entity } from '@atrium/plugin-api';
import { toFullTextWords } from './toFullTextWords';

/** The text full-text search ranks, by field, as space-separated words. */
export interface FullTextDocument {
  name: string;
  title: string;
  description: string;
  tags: string;
  owner: string;
}

function words(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return toFullTextWords(String(value)).join(' ');
  }
  if (Array.isArray(value)) {
    return value.map(words).filter(Boolean).join(' ');
  }
  return '';
}

/** Picks the fields full-text search covers: name, title, description, tags and `spec.owner`. */
export function buildFullTextDocument(entity: Entity): FullTextDocument {
  return {
    name: words(entity.metadata.name),
    title: words(entity.metadata.title),
    description: words(entity.metadata.description),
    tags: words(entity.metadata.tags),
    owner: words(entity.spec?.owner),
  };
}
