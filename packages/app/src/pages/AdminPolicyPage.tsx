import {
  Card,
  EmptyState,
  EntityRefLink,
  ErrorPanel,
  NotAllowedError,
  Page,
  Progress,
  Tag,
  useSWR,
} from '@atrium/plugin-api/frontend';
import type { ReactNode } from 'react';
import type { EffectivePolicy } from '../services/EffectivePolicy';
import { useDocumentTitle } from '../useDocumentTitle';

/** The banner shown while no roles are configured. */
function DevelopmentDefaultBanner() {
  return (
    <div className="shell-banner" role="status">
      <p className="shell-banner__title">
        The development default is in effect: every signed-in user may do everything.
      </p>
      <p>
        No roles are configured. Add <code>permissions.roles</code> to <code>app-config.yaml</code> before
        people rely on this portal, for example an <code>admin</code> role for your platform group and a{' '}
        <code>member</code> role with <code>catalog.entity.read</code> for everyone (<code>'*'</code>).
      </p>
    </div>
  );
}

/** One role: who is in it and what it grants. */
function RoleCard({ role }: { role: EffectivePolicy['roles'][number] }) {
  return (
    <Card title={role.name}>
      <dl className="shell-facts">
        <dt>Members</dt>
        <dd className="shell-inline-list">
          {role.members.map((member) =>
            member === '*' ? (
              <Tag key={member} tone="info">
                every signed-in user
              </Tag>
            ) : (
              <EntityRefLink key={member} entityRef={member} />
            ),
          )}
        </dd>
        <dt>Allows</dt>
        <dd>
          <ul className="shell-plain-list">
            {role.allow.map((grant) => (
              <li key={`${grant.permission}/${grant.owned}`}>
                <code>{grant.permission}</code>{' '}
                {grant.owned ? <Tag tone="warning">only on what they own</Tag> : null}
              </li>
            ))}
          </ul>
        </dd>
      </dl>
    </Card>
  );
}

/** Every permission each plugin declares, with its action and resource type. */
function DeclaredPermissions({ plugins }: { plugins: EffectivePolicy['plugins'] }) {
  return (
    <Card title="Declared permissions">
      <table className="shell-simple-table" aria-label="Declared permissions">
        <thead>
          <tr>
            <th scope="col">Plugin</th>
            <th scope="col">Permission</th>
            <th scope="col">Action</th>
            <th scope="col">Resource</th>
            <th scope="col">Description</th>
          </tr>
        </thead>
        <tbody>
          {plugins.flatMap((plugin) =>
            plugin.permissions.map((permission) => (
              <tr key={permission.id}>
                <td>{plugin.pluginId}</td>
                <td>
                  <code>{permission.id}</code>
                </td>
                <td>{permission.action}</td>
                <td>{permission.resourceType ?? '—'}</td>
                <td className="shell-muted">{permission.description ?? ''}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </Card>
  );
}

/**
 * Admin → Policy: the effective permission policy (roles, their members and
 * grants), every permission the core and the plugins declare, and a banner while
 * the development default lets everyone do everything.
 */
export function AdminPolicyPage() {
  const { data, error, isLoading, mutate } = useSWR<EffectivePolicy>('/api/core/permissions/policy');
  useDocumentTitle('Policy');
  let body: ReactNode;
  if (error) {
    body =
      error instanceof NotAllowedError ? (
        <ErrorPanel title="You may not read the permission policy" error={error} />
      ) : (
        <ErrorPanel
          title="Could not load the permission policy"
          error={error}
          onRetry={() => void mutate()}
        />
      );
  } else if (isLoading || !data) {
    body = <Progress label="Loading the permission policy" />;
  } else {
    body = (
      <div className="shell-stack">
        {data.developmentDefault ? <DevelopmentDefaultBanner /> : null}
        {data.roles.length === 0 && !data.developmentDefault ? (
          <EmptyState icon="shield" title="No roles" description="Nobody is granted anything." />
        ) : (
          <div className="shell-grid">
            {data.roles.map((role) => (
              <RoleCard key={role.name} role={role} />
            ))}
          </div>
        )}
        <DeclaredPermissions plugins={data.plugins} />
      </div>
    );
  }
  return (
    <Page
      title="Policy"
      subtitle="Who may do what. Configured under permissions.roles in app-config.yaml; anything not granted is denied."
    >
      {body}
    </Page>
  );
}
