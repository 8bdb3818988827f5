import { resolve } from 'node:path';
import type { EntityStoreService, EntityUpsert, LoggerService } from '@atrium/plugin-api';
import { buildRelations } from './buildRelations';
import { readFileLocation } from './readFileLocation';

/** Reads the `file` locations from config into the entity store. */
export interface FileLocationIngester {
  /** Reads every location once. */
  ingestAll(): Promise<void>;
}

/**
 * Creates the ingester. A location that reads cleanly replaces what it
 * provided before (entities it no longer emits are deleted); a location with
 * errors only adds and updates, so a broken file never loses the last good data.
 */
export function createFileLocationIngester(options: {
  targets: string[];
  cwd: string;
  store: EntityStoreService;
  logger: LoggerService;
}): FileLocationIngester {
  const ingestOne = async (target: string) => {
    const path = resolve(options.cwd, target);
    const source = `file:${path}`;
    const { entities, errors } = await readFileLocation(path);
    const upserts: EntityUpsert[] = [];
    for (const { entity, file } of entities) {
      try {
        upserts.push({
          entity: {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: {
                ...entity.metadata.annotations,
                'backstage.io/managed-by-location': `file:${file}`,
                'backstage.io/managed-by-origin-location': source,
              },
            },
          },
          relations: buildRelations(entity),
          source,
        });
      } catch (error) {
        errors.push(`${file}: ${entity.kind} '${entity.metadata.name}': ${(error as Error).message}`);
      }
    }
    for (const error of errors) {
      options.logger.warn(`Catalog location ${source}: ${error}`);
    }
    const deletes: string[] = [];
    if (errors.length === 0) {
      const emitted = new Set(
        upserts.map((u) =>
          `${u.entity.kind}:${u.entity.metadata.namespace ?? 'default'}/${u.entity.metadata.name}`.toLowerCase(),
        ),
      );
      let cursor: string | undefined;
      do {
        const page = await options.store.listProvided({ source, cursor, limit: 1000 });
        deletes.push(...page.items.map((i) => i.entityRef).filter((ref) => !emitted.has(ref)));
        cursor = page.nextCursor;
      } while (cursor);
    }
    const result = await options.store.applyMutation({ upserts, deletes });
    options.logger.info(
      `Catalog location ${source}: ${upserts.length} entities read, ${result.changed.length} changed, ` +
        `${result.deleted.length} deleted, ${errors.length} errors`,
    );
  };
  return {
    async ingestAll() {
      for (const target of options.targets) {
        await ingestOne(target);
      }
    },
  };
}
