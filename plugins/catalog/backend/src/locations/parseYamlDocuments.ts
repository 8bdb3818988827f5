import { InputError } from '@atrium/plugin-api';
import jsYaml from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import type { YamlLimits } from './YamlLimits';

/** One YAML document: its value, or why it could not be read. */
export type ParsedDocument = { value: unknown; error?: undefined } | { value?: undefined; error: Error };

// An anchor is the only way to write an alias; text without one takes the fast parser.
const ANCHOR = /(^|[\s[{,:-])&[^\s]/;

function depthOf(root: unknown, maxDepth: number): number {
  const stack: Array<[unknown, number]> = [[root, 0]];
  let deepest = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') {
      continue;
    }
    deepest = Math.max(deepest, depth + 1);
    if (deepest > maxDepth) {
      return deepest;
    }
    for (const child of Object.values(value)) {
      stack.push([child, depth + 1]);
    }
  }
  return deepest;
}

function limitError(error: unknown, limits: YamlLimits): InputError {
  if (error instanceof RangeError) {
    return new InputError(`nesting is deeper than the limit of ${limits.maxDepth} levels`, { cause: error });
  }
  const message = (error as Error).message;
  return /alias/i.test(message)
    ? new InputError(`${message} (the limit is ${limits.maxAliases} aliases per document)`, { cause: error })
    : new InputError(`YAML error: ${message}`, { cause: error });
}

function checkDepth(value: unknown, limits: YamlLimits): void {
  if (depthOf(value, limits.maxDepth) > limits.maxDepth) {
    throw new InputError(`nesting is deeper than the limit of ${limits.maxDepth} levels`);
  }
}

/**
 * Parses every document of a YAML file under the limits: the size is checked
 * before parsing, aliases are counted (text with anchors goes through the
 * `yaml` package's `maxAliasCount`), and nesting depth is checked per
 * document. Text without anchors takes js-yaml, several times faster. A
 * violated limit or a syntax error of the whole file throws `InputError`;
 * an error confined to one document is returned for that document.
 */
export function parseYamlDocuments(text: string, limits: YamlLimits): ParsedDocument[] {
  const bytes = Buffer.byteLength(text);
  if (bytes > limits.maxDocumentBytes) {
    throw new InputError(`the file is ${bytes} bytes; the limit is ${limits.maxDocumentBytes}`);
  }
  if (!ANCHOR.test(text)) {
    let values: unknown[];
    try {
      values = jsYaml.loadAll(text, null, { schema: jsYaml.CORE_SCHEMA });
    } catch (error) {
      throw limitError(error, limits);
    }
    return values.map((value) => {
      checkDepth(value, limits);
      return { value };
    });
  }
  return parseAllDocuments(text).map((doc): ParsedDocument => {
    if (doc.errors.length > 0) {
      return { error: new InputError(`YAML error: ${doc.errors.map((e) => e.message).join('; ')}`) };
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliases });
    } catch (error) {
      throw limitError(error, limits);
    }
    checkDepth(value, limits);
    return { value };
  });
}
