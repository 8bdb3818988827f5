import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { type Entity, InputError } from '@atrium/plugin-api';
import { parseAllDocuments } from 'yaml';

/** Files above this size are refused before parsing. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** YAML alias expansions allowed per document; defends against alias bombs. */
const MAX_ALIASES = 100;

/** An entity read from a file, with the file it came from. */
export interface ReadEntity {
  entity: Entity;
  file: string;
}

/** What reading a file location produced. */
export interface FileLocationResult {
  entities: ReadEntity[];
  /** Problems, each naming the file and document; the entities read before them are kept. */
  errors: string[];
}

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

async function readLimited(path: string): Promise<string> {
  const info = await stat(path);
  if (info.size > MAX_FILE_BYTES) {
    throw new InputError(`${path} is ${info.size} bytes; the limit is ${MAX_FILE_BYTES}`);
  }
  return readFile(path, 'utf8');
}

/** Replaces `{ $text | $json | $yaml: ./file }` values with the file's content, resolved beside `file`. */
async function substitutePlaceholders(value: unknown, file: string, root: string): Promise<unknown> {
  if (Array.isArray(value)) {
    return Promise.all(value.map((v) => substitutePlaceholders(v, file, root)));
  }
  if (value === null || typeof value !== 'object') {
    return value;
  }
  const keys = Object.keys(value);
  const placeholder = keys.length === 1 && keys[0]?.startsWith('$') ? keys[0] : undefined;
  if (placeholder && ['$text', '$json', '$yaml'].includes(placeholder)) {
    const target = (value as Record<string, unknown>)[placeholder];
    if (typeof target !== 'string') {
      throw new InputError(`${placeholder} must be a relative path`);
    }
    const path = resolve(dirname(file), target);
    if (!within(root, path)) {
      throw new InputError(`${placeholder} '${target}' points outside the location's folder ${root}`);
    }
    const text = await readLimited(path);
    if (placeholder === '$text') {
      return text;
    }
    return placeholder === '$json'
      ? JSON.parse(text)
      : parseAllDocuments(text)[0]?.toJS({ maxAliasCount: MAX_ALIASES });
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = await substitutePlaceholders(v, file, root);
  }
  return out;
}

/**
 * Reads a `file` location: every YAML document of the file, following
 * `Location` entities' `target`/`targets` relative to their own file. Paths
 * never leave the root file's folder.
 */
export async function readFileLocation(rootFile: string): Promise<FileLocationResult> {
  const root = dirname(rootFile);
  const result: FileLocationResult = { entities: [], errors: [] };
  const seen = new Set<string>();
  const visit = async (file: string) => {
    if (seen.has(file)) {
      return;
    }
    seen.add(file);
    let documents: ReturnType<typeof parseAllDocuments>;
    try {
      documents = parseAllDocuments(await readLimited(file));
    } catch (error) {
      result.errors.push(`${file}: ${(error as Error).message}`);
      return;
    }
    const docs = Array.isArray(documents) ? documents : [documents];
    for (const [index, doc] of docs.entries()) {
      try {
        if (doc.errors.length > 0) {
          throw new InputError(doc.errors.map((e) => e.message).join('; '));
        }
        const raw = doc.toJS({ maxAliasCount: MAX_ALIASES }) as unknown;
        if (raw === null || raw === undefined) {
          continue;
        }
        const entity = (await substitutePlaceholders(raw, file, root)) as Entity;
        if (
          typeof entity !== 'object' ||
          typeof entity.kind !== 'string' ||
          typeof entity.metadata?.name !== 'string'
        ) {
          throw new InputError('not an entity: kind and metadata.name are required');
        }
        result.entities.push({ entity, file });
        if (entity.kind.toLowerCase() === 'location') {
          const spec = entity.spec ?? {};
          const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
            (t): t is string => typeof t === 'string',
          );
          for (const target of targets) {
            const path = resolve(dirname(file), target);
            if (!within(root, path)) {
              throw new InputError(`target '${target}' points outside the location's folder ${root}`);
            }
            await visit(path);
          }
        }
      } catch (error) {
        result.errors.push(`${file} document ${index + 1}: ${(error as Error).message}`);
      }
    }
  };
  await visit(resolve(rootFile));
  return result;
}
