import type { JsonSchema } from './JsonSchema';

// Lookaheads carry Backstage's length limits inside the patterns so that editors, which
// only see the schema, enforce the same rules as the server (backstage-contracts.md §1.3).
const OBJECT_NAME = '(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const DNS_LABEL = '[a-z0-9]+(?:-+[a-z0-9]+)*';
const PREFIX_LABEL = `(?=[a-z0-9-]{1,63}[./])${DNS_LABEL}`;
const DNS_SUBDOMAIN_PREFIX = `(?=[^/]{1,253}/)(?:${PREFIX_LABEL}\\.)*${PREFIX_LABEL}/`;
const OBJECT_NAME_RULE = 'sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total';
const KEY_RULE = `an optional DNS-subdomain prefix and '/' (like backstage.io/), then ${OBJECT_NAME_RULE}`;

/**
 * JSON Schema fragments for Backstage's field formats: entity name, namespace, kind,
 * apiVersion, label and annotation keys, label values, tags and link URLs. Each carries an
 * `errorMessage` (read by VS Code and the YAML language server too) naming the rule.
 */
export const entityFieldFormats = {
  name: {
    type: 'string',
    minLength: 1,
    maxLength: 63,
    pattern: `^${OBJECT_NAME}$`,
    description: 'The name of the entity, unique per kind and namespace.',
    errorMessage: `must be ${OBJECT_NAME_RULE}`,
  },
  namespace: {
    type: 'string',
    minLength: 1,
    maxLength: 63,
    pattern: `^${DNS_LABEL}$`,
    default: 'default',
    description: 'The namespace of the entity; `default` when absent.',
    errorMessage: 'must be sequences of [a-z0-9] separated by [-], at most 63 characters in total',
  },
  kind: {
    type: 'string',
    minLength: 1,
    maxLength: 63,
    pattern: '^[a-zA-Z][a-z0-9A-Z]*$',
    errorMessage: 'must be a letter followed by letters and digits, at most 63 characters in total',
  },
  apiVersion: {
    type: 'string',
    pattern: `^(?:${DNS_SUBDOMAIN_PREFIX})?[a-zA-Z0-9]{1,63}$`,
    errorMessage: "must be an optional DNS-subdomain prefix and '/', then 1 to 63 of [a-zA-Z0-9]",
  },
  key: {
    type: 'string',
    pattern: `^(?:${DNS_SUBDOMAIN_PREFIX})?(?=[^/]{1,63}$)${OBJECT_NAME}$`,
    errorMessage: `must be ${KEY_RULE}`,
  },
  labelValue: {
    type: 'string',
    maxLength: 63,
    pattern: `^(?:${OBJECT_NAME})?$`,
    errorMessage: `must be empty or ${OBJECT_NAME_RULE}`,
  },
  tag: {
    type: 'string',
    minLength: 1,
    maxLength: 63,
    pattern: '^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$',
    errorMessage: 'must be sequences of [a-z0-9:+#] separated by [-], at most 63 characters in total',
  },
  url: {
    type: 'string',
    format: 'uri',
    errorMessage: 'must be an absolute URL, e.g. https://example.com/dashboard',
  },
} satisfies Record<string, JsonSchema>;
