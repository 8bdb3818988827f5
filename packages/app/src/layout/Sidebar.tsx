import { Icon, usePermission } from '@atrium/plugin-api/frontend';
import { useContext } from 'react';
import { NavLink } from 'react-router';
import { PluginsContext } from '../plugins/PluginsContext';
import { corePermissions } from '../services/corePermissions';

const linkClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'shell-nav__link is-active' : 'shell-nav__link';

/**
 * The left navigation: home, then every page the plugins declare (from their
 * manifests, before any remote loads), then admin and settings. The policy and
 * audit pages show only to users the permission API allows to read them.
 */
export function Sidebar() {
  const plugins = useContext(PluginsContext);
  const policy = usePermission(corePermissions.policyRead);
  const audit = usePermission(corePermissions.auditRead);
  const pages = plugins.flatMap((plugin) => (plugin.frontend?.pages ?? []).map((page) => ({ plugin, page })));
  return (
    <aside className="shell-sidebar">
      <NavLink to="/" className="shell-brand" aria-label="Atrium home">
        <span className="shell-brand__mark" aria-hidden="true">
          A
        </span>
        <span className="shell-brand__name">Atrium</span>
      </NavLink>
      <nav aria-label="Main" className="shell-nav">
        <ul>
          <li>
            <NavLink to="/" end className={linkClass}>
              <Icon name="home" />
              Home
            </NavLink>
          </li>
          {pages.map(({ plugin, page }) => (
            <li key={`${plugin.id}/${page.id}`}>
              <NavLink to={page.path} className={linkClass}>
                <Icon name={page.icon ?? 'plugin'} />
                {page.title}
              </NavLink>
            </li>
          ))}
        </ul>
        <ul className="shell-nav__footer">
          {policy.allowed ? (
            <li>
              <NavLink to="/admin/policy" className={linkClass}>
                <Icon name="shield" />
                Policy
              </NavLink>
            </li>
          ) : null}
          {audit.allowed ? (
            <li>
              <NavLink to="/admin/audit" className={linkClass}>
                <Icon name="file" />
                Audit log
              </NavLink>
            </li>
          ) : null}
          <li>
            <NavLink to="/admin/plugins" className={linkClass}>
              <Icon name="plugin" />
              Plugins
            </NavLink>
          </li>
          <li>
            <NavLink to="/settings" className={linkClass}>
              <Icon name="settings" />
              Settings
            </NavLink>
          </li>
        </ul>
      </nav>
    </aside>
  );
}
