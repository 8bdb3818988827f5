import { entityFieldFormats } from './entityFieldFormats';
import type { JsonSchema } from './JsonSchema';

const setByCatalog = (what: string): JsonSchema => ({
  not: {},
  description: `${what} Set by the catalog; never written in a document.`,
  errorMessage: 'is set by the catalog and must not be written in the document',
});

/** JSON Schema for `metadata` as a document may write it: Backstage's fields and formats, no `uid`/`etag`. */
export const entityMetadataSchema: JsonSchema = {
  type: 'object',
  description: 'Metadata common to every kind of entity.',
  required: ['name'],
  additionalProperties: true,
  properties: {
    name: entityFieldFormats.name,
    namespace: entityFieldFormats.namespace,
    title: { type: 'string', minLength: 1, description: 'A display name for the entity.' },
    description: { type: 'string', description: 'A short, one-line description of the entity.' },
    labels: {
      type: 'object',
      description: 'Identifying key/value pairs.',
      propertyNames: entityFieldFormats.key,
      additionalProperties: entityFieldFormats.labelValue,
    },
    annotations: {
      type: 'object',
      description: 'Non-identifying key/value pairs, e.g. backstage.io/techdocs-ref.',
      propertyNames: entityFieldFormats.key,
      additionalProperties: { type: 'string' },
    },
    tags: {
      type: 'array',
      description: 'Single-valued classifiers, e.g. java.',
      items: entityFieldFormats.tag,
    },
    links: {
      type: 'array',
      description: 'External links shown on the entity page.',
      items: {
        type: 'object',
        required: ['url'],
        properties: {
          url: entityFieldFormats.url,
          title: { type: 'string', minLength: 1 },
          icon: { type: 'string', minLength: 1 },
          type: { type: 'string', minLength: 1 },
        },
      },
    },
    uid: setByCatalog('A unique id.'),
    etag: setByCatalog('An opaque string that changes with the content.'),
  },
};
