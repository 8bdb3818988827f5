import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { type Entity, InputError, type UrlReaderService } from '@atrium/plugin-api';
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

/** Everything a location tree produced. */
export interface LocationTreeResult {
  /** True when every URL answered "not modified" to its etag; nothing else is set then. */
  notModified: boolean;
  entities: ReadEntity[];
  errors: LocationReadError[];
  /** Hash over every file and placeholder read, in tree order. */
  hash: string;
  /** Etag of every URL read, to pass back next time. */
  etags: Record<string, string>;
}

interface Visit {
  entities: ReadEntity[];
  errors: LocationReadError[];
  parts: string[];
}

const PLACEHOLDER_TEXT = /\$(text|json|yaml)/;

function within(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function isHttpUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

/**
 * Reads a location and, recursively, the locations its `Location` entities
 * point at (`target`/`targets`, relative to their own file or URL), resolving
 * placeholders on the way. URLs go through the urlReader, so
 * `backend.reading.allow` applies to every one of them; file paths never
 * leave the root file's folder, and a URL location may not lead to a file.
 */
export async function readLocationTree(
  root: LocationSpec,
  options: {
    urlReader: UrlReaderService;
    limits: YamlLimits;
    /** Etags from the previous read; when every one is still current the tree is not read again. */
    etags?: Record<string, string>;
    signal?: AbortSignal;
  },
): Promise<LocationTreeResult> {
  const { urlReader, limits, signal } = options;
  const previous = Object.entries(options.etags ?? {});
  if (previous.length > 0) {
    const checks = await Promise.all(
      previous.map(([url, etag]) =>
        urlReader.readUrl(url, { etag, signal }).then(
          (response) => response.notModified === true,
          () => false,
        ),
      ),
    );
    if (checks.every(Boolean)) {
      return { notModified: true, entities: [], errors: [], hash: '', etags: options.etags ?? {} };
    }
  }

  const etags: Record<string, string> = {};
  const limit = createConcurrencyLimiter(8);
  const fileRoot = root.type === 'file' ? dirname(resolve(root.target)) : '';
  const seen = new Set<string>();

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
  const readPath = async (path: string): Promise<string> => {
    if (!within(fileRoot, path)) {
      throw new InputError(`${path} is outside the location's folder ${fileRoot}`);
    }
    const info = await stat(path);
    if (info.size > limits.maxDocumentBytes) {
      throw new InputError(`${path} is ${info.size} bytes; the limit is ${limits.maxDocumentBytes}`);
    }
    return readFile(path, 'utf8');
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

  const visit = async (location: LocationSpec): Promise<Visit> => {
    const result: Visit = { entities: [], errors: [], parts: [] };
    const key = `${location.type}:${location.target}`;
    if (seen.has(key)) {
      return result;
    }
    seen.add(key);
    let documents: ReturnType<typeof parseYamlDocuments>;
    let mayHavePlaceholders: boolean;
    try {
      const text = await read(location);
      result.parts.push(key, text);
      documents = parseYamlDocuments(text, limits);
      // Walking every value of every entity is the slow part of a large file; most files have no placeholder.
      mayHavePlaceholders = PLACEHOLDER_TEXT.test(text);
    } catch (error) {
      result.errors.push({ location, error: error as Error });
      return result;
    }
    const placeholder = async (target: string) => {
      const resolved = resolveTarget(location, isHttpUrl(target) ? 'url' : location.type, target);
      const text = await read(resolved);
      result.parts.push(`${resolved.type}:${resolved.target}`, text);
      return text;
    };
    const children: Array<Promise<Visit>> = [];
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
        result.entities.push({ entity, location, documentIndex });
        if (entity.kind.toLowerCase() === 'location') {
          const spec = entity.spec ?? {};
          const type = typeof spec.type === 'string' ? spec.type : location.type;
          const targets = [spec.target, ...(Array.isArray(spec.targets) ? spec.targets : [])].filter(
            (t): t is string => typeof t === 'string',
          );
          for (const target of targets) {
            children.push(visit(resolveTarget(location, type, target)));
          }
        }
      } catch (error) {
        result.errors.push({ location, documentIndex, error: error as Error });
      }
    }
    for (const child of await Promise.all(children)) {
      result.entities.push(...child.entities);
      result.errors.push(...child.errors);
      result.parts.push(...child.parts);
    }
    return result;
  };

  const start: LocationSpec = root.type === 'file' ? { type: 'file', target: resolve(root.target) } : root;
  const tree = await visit(start);
  const hash = createHash('sha256');
  for (const part of tree.parts) {
    hash.update(part).update('\u0000');
  }
  return {
    notModified: false,
    entities: tree.entities,
    errors: tree.errors,
    hash: hash.digest('hex'),
    // The etag shortcut is only sound when every source of the tree is a URL that gave one.
    etags: root.type === 'url' && Object.keys(etags).length === urlsRead ? etags : {},
  };
}
