import type { ErrorObject } from 'ajv';
import { formatFieldPath } from './formatFieldPath';

/** A problem before it is tied to a location: the field and the rule broken. */
export interface FieldProblem {
  path: string;
  message: string;
}

const ENVELOPE_FIELDS = new Set(['apiVersion', 'kind', 'metadata', 'spec', 'metadata.name']);
// Messages for these keywords are clearer from ajv than from a node's general errorMessage.
const OWN_MESSAGE_KEYWORDS = new Set(['type', 'required', 'additionalProperties']);

function found(value: unknown): string {
  if (value === null || typeof value === 'object') {
    return Array.isArray(value)
      ? ' (found an array)'
      : value === null
        ? ' (found null)'
        : ' (found an object)';
  }
  const text = JSON.stringify(value) ?? String(value);
  return ` (found ${text.length > 80 ? `${text.slice(0, 77)}...` : text})`;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describeOne(error: ErrorObject, document: unknown, kind: string | undefined): FieldProblem {
  const path = formatFieldPath(error.instancePath, document);
  const custom = (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage;
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) {
    const rule = typeof custom === 'string' ? custom : error.message;
    return { path, message: `key ${JSON.stringify(error.propertyName)} ${rule}` };
  }
  if (typeof custom === 'string' && !OWN_MESSAGE_KEYWORDS.has(error.keyword)) {
    return { path, message: `${custom}${found(error.data)}` };
  }
  switch (error.keyword) {
    case 'required': {
      const field = join(path, String(params.missingProperty));
      const owner = ENVELOPE_FIELDS.has(field) ? 'every entity' : kind && path === 'spec' ? kind : undefined;
      const because = owner ? ` (${owner} requires ${field})` : '';
      return { path: field, message: `must have required property '${params.missingProperty}'${because}` };
    }
    case 'additionalProperties': {
      const field = join(path, String(params.additionalProperty));
      const where = path
        ? 'is not allowed here'
        : 'is not allowed at the root of an entity, which holds only apiVersion, kind, metadata and spec';
      return { path: field, message: where };
    }
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}${found(error.data)}`,
      };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}${found(error.data)}` };
    case 'type':
      return { path, message: `must be ${String(params.type).replace(',', ' or ')}${found(error.data)}` };
    default:
      return { path, message: `${error.message}${found(error.data)}` };
  }
}

/**
 * Turns ajv's errors (compiled with `allErrors` and `verbose`) into one readable problem
 * per field and rule; `kind` names the kind whose spec rules were applied.
 */
export function describeSchemaErrors(
  errors: ErrorObject[],
  document: unknown,
  kind: string | undefined,
): FieldProblem[] {
  // A combinator with its own errorMessage speaks for its branches; one without stays silent
  // and lets the branches' errors speak.
  const summarised = errors
    .filter((e) => (e.keyword === 'anyOf' || e.keyword === 'oneOf') && hasErrorMessage(e))
    .map((e) => `${e.schemaPath}/`);
  const problems = new Map<string, FieldProblem>();
  for (const error of errors) {
    if (summarised.some((prefix) => error.schemaPath.startsWith(prefix))) {
      continue;
    }
    if (['if', 'propertyNames'].includes(error.keyword)) {
      continue;
    }
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && !hasErrorMessage(error)) {
      continue;
    }
    const problem = describeOne(error, document, kind);
    problems.set(`${problem.path}\n${problem.message}`, problem);
  }
  return [...problems.values()];
}

function hasErrorMessage(error: ErrorObject): boolean {
  return typeof (error.parentSchema as { errorMessage?: unknown } | undefined)?.errorMessage === 'string';
}
