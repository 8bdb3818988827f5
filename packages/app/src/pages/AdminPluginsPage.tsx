import { Button, Card, type EntityFilter, Page, Tag } from '@atrium/plugin-api/frontend';
import { useContext } from 'react';
import type { PluginListItem } from '../plugins/PluginListItem';
import { PluginsContext } from '../plugins/PluginsContext';
import { usePluginLoadState } from '../plugins/usePluginLoadState';
import { useShellServices } from '../services/useShellServices';
import { useDocumentTitle } from '../useDocumentTitle';

const backendTone = { started: 'success', failed: 'danger', pending: 'warning' } as const;

function describeWhen(when: EntityFilter | undefined): string {
  const parts = [
    when?.kind?.length ? `kind ${when.kind.join(' or ')}` : '',
    when?.type?.length ? `type ${when.type.join(' or ')}` : '',
  ].filter(Boolean);
  return parts.length ? ` (when ${parts.join(' and ')})` : '';
}

/** The frontend half's load status, with a button to load it now. */
function FrontendStatus({ plugin }: { plugin: PluginListItem }) {
  const { pluginLoader } = useShellServices();
  const state = usePluginLoadState(plugin.id);
  if (!plugin.frontend) {
    return <Tag>no frontend</Tag>;
  }
  const load = () => void pluginLoader.retry(plugin.id).catch(() => undefined);
  switch (state.status) {
    case 'loaded':
      return <Tag tone="success">loaded</Tag>;
    case 'loading':
      return <Tag tone="info">loading</Tag>;
    case 'failed':
      return (
        <span className="shell-status">
          <Tag tone="danger">failed</Tag>
          <span className="shell-status__error">{state.error.message}</span>
          <Button onClick={load}>Try again</Button>
        </span>
      );
    default:
      return (
        <span className="shell-status">
          <Tag>not loaded yet</Tag>
          <Button onClick={load}>Load now</Button>
        </span>
      );
  }
}

function PluginCard({ plugin }: { plugin: PluginListItem }) {
  const frontend = plugin.frontend;
  const contributions = frontend
    ? [
        ...frontend.pages.map((p) => `Page “${p.title}” at ${p.path}`),
        ...frontend.entityTabs.map((t) => `Entity tab “${t.title}”${describeWhen(t.when)}`),
        ...frontend.entityCards.map((c) => `Entity card “${c.title}”${describeWhen(c.when)}`),
        ...frontend.homeCards.map((c) => `Home card “${c.title}”`),
      ]
    : [];
  return (
    <Card title={`${plugin.title}`} actions={<code>{plugin.id}</code>}>
      <p className="shell-muted">{plugin.description}</p>
      <dl className="shell-facts">
        <dt>Version</dt>
        <dd>{plugin.version ?? 'unknown'}</dd>
        <dt>Origin</dt>
        <dd>{plugin.origin}</dd>
        <dt>Owner</dt>
        <dd>{plugin.owner}</dd>
        <dt>Backend</dt>
        <dd className="shell-status">
          <Tag tone={backendTone[plugin.status]}>{plugin.status}</Tag>
          {plugin.error ? <span className="shell-status__error">{plugin.error}</span> : null}
        </dd>
        <dt>Frontend</dt>
        <dd>
          <FrontendStatus plugin={plugin} />
        </dd>
        <dt>Contributes</dt>
        <dd>
          {contributions.length === 0 ? (
            <span className="shell-muted">Nothing to the UI</span>
          ) : (
            <ul className="shell-plain-list">
              {contributions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </Card>
  );
}

/** Admin → Plugins: every enabled plugin, its version, status and contributions. */
export function AdminPluginsPage() {
  const plugins = useContext(PluginsContext);
  useDocumentTitle('Plugins');
  return (
    <Page
      title="Plugins"
      subtitle={`${plugins.length} enabled. A plugin's code loads the first time one of its parts is shown.`}
    >
      <div className="shell-stack">
        {plugins.map((plugin) => (
          <PluginCard key={plugin.id} plugin={plugin} />
        ))}
      </div>
    </Page>
  );
}
