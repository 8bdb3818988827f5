import {
  AppContext,
  AtriumError,
  createApiClient,
  ErrorPanel,
  Progress,
  SWRConfig,
  useSWR,
} from '@atrium/plugin-api/frontend';
import { useEffect, useMemo, useState } from 'react';
import { Route, Routes, useLocation } from 'react-router';
import { EntityPage } from './entity/EntityPage';
import { AppLayout } from './layout/AppLayout';
import { AdminPluginsPage } from './pages/AdminPluginsPage';
import { AdminPolicyPage } from './pages/AdminPolicyPage';
import { ApiTokensPage } from './pages/ApiTokensPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { HomePage } from './pages/HomePage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PluginPage } from './pages/PluginPage';
import { SettingsPage } from './pages/SettingsPage';
import { entityRoutePath } from './plugins/findPluginForPath';
import type { PluginListItem } from './plugins/PluginListItem';
import { PluginsContext } from './plugins/PluginsContext';
import { parsePluginList } from './plugins/parsePluginList';
import { startPagePlugin } from './plugins/startPagePlugin';
import type { Session } from './services/Session';
import { useShellServices } from './services/useShellServices';

/** Client errors will not change on retry; only server and network failures are retried. */
const isRetryable = (error: unknown) => !(error instanceof AtriumError && error.statusCode < 500);

/** The routes: the shell's own pages, then every plugin page from the manifests. */
function AppRoutes({ plugins }: { plugins: PluginListItem[] }) {
  const pages = plugins.flatMap((plugin) => (plugin.frontend?.pages ?? []).map((page) => ({ plugin, page })));
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path={`${entityRoutePath}/*`} element={<EntityPage />} />
      <Route path="/settings" element={<SettingsPage />} />
      <Route path="/settings/api-tokens" element={<ApiTokensPage />} />
      <Route path="/admin/plugins" element={<AdminPluginsPage />} />
      <Route path="/admin/policy" element={<AdminPolicyPage />} />
      <Route path="/admin/audit" element={<AuditLogPage />} />
      {pages.map(({ plugin, page }) => (
        <Route
          key={`${plugin.id}/${page.id}`}
          path={`${page.path.replace(/\/$/, '')}/*`}
          // A key per page: React must not reuse one plugin's failed boundary for another (spike pitfall B5-3).
          element={<PluginPage key={`${plugin.id}/${page.id}`} plugin={plugin} page={page} />}
        />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Lists the enabled plugins, registers their remotes and preloads the one the current URL needs. */
function PluginsGate() {
  const { pluginLoader } = useShellServices();
  const { pathname } = useLocation();
  const { data, error, mutate } = useSWR<unknown>('/api/core/plugins');
  const [plugins, setPlugins] = useState<PluginListItem[]>();
  const [parseError, setParseError] = useState<unknown>();
  useEffect(() => {
    if (data === undefined) {
      return;
    }
    try {
      const list = parsePluginList(data);
      startPagePlugin(pluginLoader, list, window.location.pathname);
      setPlugins(list);
    } catch (caught) {
      setParseError(caught);
    }
  }, [data, pluginLoader]);

  const failure = error ?? parseError;
  if (failure) {
    return (
      <AppLayout>
        <ErrorPanel title="Could not list the plugins" error={failure} onRetry={() => void mutate()} />
      </AppLayout>
    );
  }
  if (!plugins) {
    return (
      <AppLayout>
        <Progress label={`Loading ${pathname === '/' ? 'the portal' : 'the page'}`} />
      </AppLayout>
    );
  }
  return (
    <PluginsContext value={plugins}>
      <AppLayout>
        <AppRoutes plugins={plugins} />
      </AppLayout>
    </PluginsContext>
  );
}

/** Everything behind sign-in: the contexts plugins read, data fetching, and the plugin list. */
export function SignedInApp({ session }: { session: Session }) {
  const { fetch, createPermissions } = useShellServices();
  const appContext = useMemo(
    () => ({ fetch, identity: session.identity, permissions: createPermissions() }),
    [fetch, session.identity, createPermissions],
  );
  const swrConfig = useMemo(() => {
    const api = createApiClient({ baseUrl: '', fetch });
    return {
      fetcher: (key: string) => api.json(key),
      revalidateOnFocus: false,
      shouldRetryOnError: isRetryable,
      // A cache per session: one user's answers never show to the next.
      provider: () => new Map(),
    };
  }, [fetch]);
  return (
    <AppContext value={appContext}>
      <SWRConfig value={swrConfig}>
        <PluginsGate />
      </SWRConfig>
    </AppContext>
  );
}
