import { createHash } from 'node:crypto';
import { readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { type Entity, InputError, NotFoundError, type UrlReaderService } from '@atrium/plugin-api';
import { createConcurrencyLimiter } from './createConcurrencyLimiter';
import type { LocationSpec } from './LocationSpec';
import { parseYamlDocuments } from './parseYamlDocuments';
import { resolvePlaceholders } from './resolvePlaceholders';
import type { YamlLimits } from './YamlLimits';

/** An entity as read, with the location (`url:…` or `file:…`) of the file it came from. */
export interface ReadEntity {
  entity: Entity;
  location: LocationSpec;
  /** 0-based index of the document in its file. */
  documentIndex: number;
}

/** A problem met while reading; `documentIndex` (0-based) is set when it concerns one document. */
export interface LocationReadError {
  location: LocationSpec;
  documentIndex?: number;
  error: Error;
}

/** One file of a location tree, read and parsed, with its placeholders resolved. */
export interface LocationFileRead {
  location: LocationSpec;
  /** `type:target` of the file. */
  key: string;
  entities: ReadEntity[];
  errors: LocationReadError[];
  /** Hash over the file's text and every placeholder it read; empty when the file could not be read. */
  hash: string;
}

/** A walk over a location tree: its files in depth-first order, read a few ahead of the consumer. */
export interface LocationTreeWalk {
  files: AsyncGenerator<LocationFileRead>;
  /** Etag of every URL read, once the walk is done; empty unless every source of the tree is a URL that gave one. */
  etags(): Record<string, string>;
}

const PLACEHOLDER_TEXT = /\$(text|json|yaml)/;

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function isHttpUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * Walks a location and, recursively, the locations its `Location` entities
 * point at (`target`/`targets`, relative to their own file or URL), resolving
 * placeholders on the way, and yields one file at a time in depth-first
 * order, so memory holds only the files being read ahead (`readAhead`), never
 * the whole tree. URLs go through the urlReader, so `backend.reading.allow`
 * applies to every one of them; file paths never leave the root file's
 * folder, and a URL location may not lead to a file. A missing target of a
 * location whose `presence` is `optional` is skipped without an error.
 */
export function walkLocationTree(
  root: LocationSpec,
  options: {
    urlReader: UrlReaderService;
    limits: YamlLimits;
    signal?: AbortSignal;
    /** Files read and parsed ahead of the consumer; default 8. */
    readAhead?: number;
  },
): LocationTreeWalk {
  const { urlReader, limits, signal } = options;
  const readAhead = options.readAhead ?? 8;
  const etags: Record<string, string> = {};
  const limit = createConcurrencyLimiter(readAhead);
  const fileRoot = root.type === 'file' ? dirname(resolve(root.target)) : '';
  let urlsRead = 0;

  const readUrl = async (url: string): Promise<string> => {
    urlsRead++;
    const response = await limit(() => urlReader.readUrl(url, { signal }));
    const buffer = await response.buffer();
    if (buffer.length > limits.maxDocumentBytes) {
      throw new InputError(`${url} is ${buffer.length} bytes; the limit is ${limits.maxDocumentBytes}`);
    }
    if (response.etag) {
      etags[url] = response.etag;
    }
    return buffer.toString('utf8');
  };
  let realFileRoot: Promise<string> | undefined;
  const readPath = async (path: string): Promise<string> => {
    if (!within(fileRoot, path)) {
      throw new InputError(`${path} is outside the location's folder ${fileRoot}`);
    }
    try {
      // The path check alone would let a symbolic link inside the folder lead anywhere on the disk.
      realFileRoot ??= realpath(fileRoot);
      const real = await realpath(path);
      if (!within(await realFileRoot, real)) {
        throw new InputError(
          `${path} leads outside the location's folder ${fileRoot} through a symbolic link`,
        );
      }
      const info = await stat(real);
      if (info.size > limits.maxDocumentBytes) {
        throw new InputError(`${path} is ${info.size} bytes; the limit is ${limits.maxDocumentBytes}`);
      }
      return await readFile(real, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new NotFoundError(`${path} does not exist`, { cause: error });
      }
      throw error;
    }
  };
  const read = (location: LocationSpec) =>
    location.type === 'url' ? readUrl(location.target) : readPath(location.target);

  /** Resolves a target written in the file at `base` to a location of `type`. */
  const resolveTarget = (base: LocationSpec, type: string, target: string): LocationSpec => {
    if (type === 'url') {
      const url = base.type === 'url' || isHttpUrl(target) ? new URL(target, base.target) : undefined;
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new InputError(`target '${target}' is not an http(s) URL`);
      }
      return { type, target: url.href };
    }
    if (type === 'file') {
      if (base.type !== 'file') {
        throw new InputError(`target '${target}' is a file location; only config may name files`);
      }
      const path = resolve(dirname(base.target), target);
      if (!within(fileRoot, path)) {
        throw new InputError(`target '${target}' points outside the location's folder ${fileRoot}`);
      }
      return { type, target: path };
    }
    throw new InputError(`location type '${type}' is not supported; use url or file`);
  };

  /** Reads one file; the locations its Location entities name come back as `children`, in document order. */
  const readOne = async (
    location: LocationSpec,
  ): Promise<LocationFileRead & { children: LocationSpec[] }> => {
    const key = `${location.type}:${location.target}`;
    const file = { location, key, entities: [] as ReadEntity[], errors: [] as LocationReadError[], hash: '' };
    const children: LocationSpec[] = [];
    let text: string;
    let documents: ReturnType<typeof parseYamlDocuments>;
    try {
      text = await read(location);
      documents = parseYamlDocuments(text, limits);
    } catch (error) {
      // Backstage: a missing target of an optional location is not an error.
      if (!(location.presence === 'optional' && (error as Error).name === 'NotFoundError')) {
        file.errors.push({ location, error: error as Error });
      }
      return { ...file, children };
    }
    // Walking every value of every entity is the slow part of a large file; most files have no placeholder.
    const mayHavePlaceholders = PLACEHOLDER_TEXT.test(text);
    const placeholderTexts = new Map<string, string>();
    const placeholder = async (target: string) => {
      const resolved = resolveTarget(location, isHttpUrl(target) ? 'url' : location.type, target);
      const content = await read(resolved);
      placeholderTexts.set(`${resolved.type}:${resolved.target}`, content);
      return content;
    };
    for (const [documentIndex, document] of documents.entries()) {
      try {
        if (document.error) {
          throw document.error;
        }
        if (document.value === null || document.value === undefined) {
          continue;
        }
        if (typeof document.value !== 'object' || Array.isArray(document.value)) {
          throw new InputError(
            `expected an object at the root, got ${Array.isArray(document.value) ? 'array' : typeof document.value}`,
          );
        }
        const entity = (
          mayHavePlaceholders
            ? await resolvePlaceholders(document.value, placeholder, limits)
            : document.value
        ) as Entity;
        if (typeof entity.kind !== 'string' || typeof entity.metadata?.name !== 'string') {
          throw new InputError('not an entity: kind and metadata.name must be strings');
        }
        file.entities.push({ entity, location, documentIndex });
        if (entity.kind.toLowerCase() === 'location') {
          const spec = entity.spec ?? {};
          const type = typeof spec.type === 'string' ? spec.type : location.type;
          const presence = spec.presence === 'optional' ? 'optional' : undefined;
          const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
            (t): t is string => typeof t === 'string',
          );
          for (const target of targets) {
            const child = resolveTarget(location, type, target);
            children.push(presence ? { ...child, presence } : child);
          }
        }
      } catch (error) {
        file.errors.push({ location, documentIndex, error: error as Error });
      }
    }
    const hash = createHash('sha256').update(key).update('\u0000').update(text);
    // Placeholders resolve concurrently; hashing them in key order keeps the hash stable.
    for (const placeholderKey of [...placeholderTexts.keys()].sort()) {
      hash
        .update('\u0000')
        .update(placeholderKey)
        .update('\u0000')
        .update(placeholderTexts.get(placeholderKey) as string);
    }
    return { ...file, hash: hash.digest('hex'), children };
  };

  async function* files(): AsyncGenerator<LocationFileRead> {
    type Pending = { location: LocationSpec; read?: ReturnType<typeof readOne> };
    const start: LocationSpec =
      root.type === 'file' ? { ...root, target: resolve(root.target) } : { ...root };
    const seen = new Set([`${start.type}:${start.target}`]);
    // Depth-first order: a file's children go to the front. Only the first `readAhead` files are read at once.
    const queue: Pending[] = [{ location: start }];
    const fill = () => {
      let reading = 0;
      for (const pending of queue) {
        if (reading >= readAhead) {
          return;
        }
        if (!pending.read) {
          pending.read = readOne(pending.location);
          // Awaited in turn below; until then a rejection must not count as unhandled.
          pending.read.catch(() => undefined);
        }
        reading++;
      }
    };
    fill();
    while (queue.length > 0) {
      const next = queue.shift() as Pending;
      const { children, ...file } = await (next.read as ReturnType<typeof readOne>);
      const fresh = children.filter((child) => {
        const key = `${child.type}:${child.target}`;
        if (seen.has(key)) {
          return false;
        }
        seen.add(key);
        return true;
      });
      queue.unshift(...fresh.map((location) => ({ location })));
      // The next files are read while the consumer works on this one.
      fill();
      yield file;
    }
  }

  return {
    files: files(),
    // The etag shortcut is only sound when every source of the tree is a URL that gave one.
    etags: () => (root.type === 'url' && Object.keys(etags).length === urlsRead ? { ...etags } : {}),
  };
}
