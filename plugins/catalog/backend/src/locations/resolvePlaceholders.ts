import { InputError } from '@atrium/plugin-api';
import { parseYamlDocuments } from './parseYamlDocuments';
import type { YamlLimits } from './YamlLimits';

const PLACEHOLDERS = new Set(['$text', '$json', '$yaml']);

/**
 * Replaces every `{ $text | $json | $yaml: <target> }` value with the
 * content of the target, which `read` resolves relative to the entity's own
 * file or URL (and refuses when it escapes a file location's folder).
 */
export async function resolvePlaceholders(
  value: unknown,
  read: (target: string) => Promise<string>,
  limits: YamlLimits,
): Promise<unknown> {
  if (Array.isArray(value)) {
    return Promise.all(value.map((item) => resolvePlaceholders(item, read, limits)));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const entries = Object.entries(value);
  const [key, target] = entries[0] ?? [];
  if (entries.length === 1 && key !== undefined && PLACEHOLDERS.has(key)) {
    if (typeof target !== 'string') {
      throw new InputError(`placeholder ${key} must be a string, a relative path or a URL`);
    }
    const text = await read(target);
    if (key === '$text') {
      return text;
    }
    if (key === '$json') {
      try {
        return JSON.parse(text);
      } catch (error) {
        throw new InputError(`placeholder $json '${target}' is not valid JSON: ${(error as Error).message}`, {
          cause: error,
        });
      }
    }
    const [first] = parseYamlDocuments(text, limits);
    if (first?.error) {
      throw first.error;
    }
    return first?.value;
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) {
    out[k] = await resolvePlaceholders(v, read, limits);
  }
  return out;
}
