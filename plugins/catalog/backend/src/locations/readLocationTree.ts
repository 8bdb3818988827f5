import { createHash } from 'node:crypto';
import type { UrlReaderService } from '@atrium/plugin-api';
import { isLocationTreeNotModified } from './isLocationTreeNotModified';
import type { LocationSpec } from './LocationSpec';
import { type LocationReadError, type ReadEntity, walkLocationTree } from './walkLocationTree';
import type { YamlLimits } from './YamlLimits';

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

/**
 * Reads a whole location tree into memory (see {@link walkLocationTree}): for
 * previews and analysis of one location, where the caller answers with every
 * entity anyway. Ingestion walks the tree file by file instead.
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
  if (await isLocationTreeNotModified(options.etags ?? {}, options)) {
    return { notModified: true, entities: [], errors: [], hash: '', etags: options.etags ?? {} };
  }
  const walk = walkLocationTree(root, options);
  const entities: ReadEntity[] = [];
  const errors: LocationReadError[] = [];
  const hash = createHash('sha256');
  for await (const file of walk.files) {
    entities.push(...file.entities);
    errors.push(...file.errors);
    hash.update(file.hash).update('\u0000');
  }
  return { notModified: false, entities, errors, hash: hash.digest('hex'), etags: walk.etags() };
}
