import { Progress } from '@atrium/plugin-api/frontend';
import { lazy, Suspense } from 'react';

const DependencyGraph = lazy(() => import('./DependencyGraph').then((m) => ({ default: m.DependencyGraph })));

/**
 * The entity page's "Graph" tab: the entity and its relations as an
 * interactive layered graph. The graph and its layout library load on first
 * use, so the catalog page never pays for them.
 */
export function DependencyGraphTab() {
  return (
    <Suspense fallback={<Progress label="Loading the graph" />}>
      <DependencyGraph />
    </Suspense>
  );
}
