import { Progress } from '@atrium/plugin-api/frontend';
import { lazy, Suspense } from 'react';

const ApiDefinition = lazy(() => import('./ApiDefinition').then((m) => ({ default: m.ApiDefinition })));

/**
 * The "Definition" tab of API entities: `spec.definition` rendered for its
 * type (OpenAPI, AsyncAPI, GraphQL) or shown as text. Its code, and the YAML
 * parser, load on first use.
 */
export function ApiDefinitionTab() {
  return (
    <Suspense fallback={<Progress label="Loading the definition" />}>
      <ApiDefinition />
    </Suspense>
  );
}
