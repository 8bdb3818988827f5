import { type Entity, getEntityRef } from '@atrium/plugin-api/frontend';
import { useCallback, useEffect, useState } from 'react';
import { type GraphEntity, graphEntityFields } from './GraphEntity';
import { useCatalogClient } from './useCatalogClient';

/** The graph's data: what is loaded, what is expanded, and how to expand more. */
export interface GraphEntities {
  rootRef: string;
  entities: ReadonlyMap<string, GraphEntity>;
  expanded: ReadonlySet<string>;
  /** Draws the neighbours of these nodes (lower-cased refs). */
  expand(ids: readonly string[]): void;
  /** A request is on its way. */
  loading: boolean;
  error?: unknown;
  /** Asks again for what failed. */
  retry(): void;
}

/**
 * Loads, with `POST /entities/by-refs` and a small `fields` projection, every
 * entity a relation of an expanded node points to, so each drawn node has its
 * title, type and relations (ready to expand). The root is expanded from the
 * start; refs the catalog does not know stay as plain nodes.
 */
export function useGraphEntities(root: Entity): GraphEntities {
  const catalog = useCatalogClient();
  const rootRef = getEntityRef(root);
  const rootId = rootRef.toLowerCase();
  const [entities, setEntities] = useState<ReadonlyMap<string, GraphEntity>>(() => new Map([[rootId, root]]));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set([rootId]));
  const [requested, setRequested] = useState<ReadonlySet<string>>(() => new Set([rootId]));
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<unknown>();
  const [failed, setFailed] = useState<readonly string[]>([]);

  useEffect(() => {
    const missing = new Set<string>();
    for (const id of expanded) {
      for (const { targetRef } of entities.get(id)?.relations ?? []) {
        const targetId = targetRef.toLowerCase();
        if (!requested.has(targetId)) {
          missing.add(targetId);
        }
      }
    }
    if (missing.size === 0) {
      return;
    }
    const refs = [...missing];
    setRequested((before) => new Set([...before, ...refs]));
    setPending((n) => n + 1);
    catalog
      .json<{ items: Array<GraphEntity | null> }>('/entities/by-refs', {
        method: 'POST',
        body: { entityRefs: refs, fields: graphEntityFields },
      })
      .then(
        ({ items }) =>
          setEntities((before) => {
            const next = new Map(before);
            items.forEach((item, index) => {
              const id = refs[index];
              if (item && id) {
                next.set(id, item);
              }
            });
            return next;
          }),
        (cause: unknown) => {
          setError(cause);
          setFailed((before) => [...before, ...refs]);
        },
      )
      .finally(() => setPending((n) => n - 1));
  }, [catalog, entities, expanded, requested]);

  const expand = useCallback((ids: readonly string[]) => {
    setExpanded((before) => (ids.every((id) => before.has(id)) ? before : new Set([...before, ...ids])));
  }, []);
  const retry = useCallback(() => {
    const again = new Set(failed);
    setError(undefined);
    setFailed([]);
    setRequested((before) => new Set([...before].filter((id) => !again.has(id))));
  }, [failed]);

  return { rootRef, entities, expanded, expand, loading: pending > 0, error, retry };
}
