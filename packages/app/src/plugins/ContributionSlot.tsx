import { type ContributionKind, PluginContext, Progress } from '@atrium/plugin-api/frontend';
import { Suspense, useLayoutEffect, useMemo } from 'react';
import { useShellServices } from '../services/useShellServices';
import { ContributionBoundary } from './ContributionBoundary';
import { ContributionError } from './ContributionError';
import type { PluginListItem } from './PluginListItem';
import { usePluginLoadState } from './usePluginLoadState';

const kindNames: Record<ContributionKind, string> = {
  pages: 'page',
  entityTabs: 'entity tab',
  entityCards: 'entity card',
  homeCards: 'home card',
};

/**
 * One plugin contribution in its own slot: loads the plugin's remote if needed,
 * then renders the component inside the plugin's context, an error boundary and
 * Suspense. Failures stay in this slot; mounting the slot again retries.
 */
export function ContributionSlot({
  plugin,
  kind,
  contributionId,
}: {
  plugin: PluginListItem;
  kind: ContributionKind;
  contributionId: string;
}) {
  const { pluginLoader } = useShellServices();
  const state = usePluginLoadState(plugin.id);
  useLayoutEffect(() => {
    // A slot that mounts again after a failure is the user coming back: try once more.
    pluginLoader.retry(plugin.id).catch(() => undefined);
  }, [pluginLoader, plugin.id]);
  const context = useMemo(() => ({ pluginId: plugin.id, config: plugin.config }), [plugin.id, plugin.config]);

  if (state.status === 'failed') {
    return (
      <ContributionError
        plugin={plugin}
        what="failed to load"
        error={state.error}
        onRetry={() => void pluginLoader.retry(plugin.id).catch(() => undefined)}
      />
    );
  }
  if (state.status !== 'loaded') {
    return <Progress label={`Loading ${plugin.title}`} />;
  }
  const Contribution = state.plugin[kind][contributionId];
  if (!Contribution) {
    return (
      <ContributionError
        plugin={plugin}
        what="is missing a contribution"
        error={`plugin.yaml declares ${kindNames[kind]} '${contributionId}' but defineFrontendPlugin({ ${kind} }) has no component with that key`}
      />
    );
  }
  return (
    <PluginContext value={context}>
      <ContributionBoundary plugin={plugin}>
        <Suspense fallback={<Progress label={`Loading ${plugin.title}`} />}>
          <Contribution />
        </Suspense>
      </ContributionBoundary>
    </PluginContext>
  );
}
