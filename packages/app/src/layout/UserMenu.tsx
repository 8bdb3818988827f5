import { getEntityPath, Icon, Menu, parseEntityRef, Tag, useIdentity } from '@atrium/plugin-api/frontend';
import { useSignOut } from '../services/useSignOut';
import { UserAvatar } from './UserAvatar';

/**
 * The signed-in user's menu in the top bar: who they are (name, ref, roles),
 * their catalog page, their API tokens, settings and sign-out.
 */
export function UserMenu() {
  const identity = useIdentity();
  const { signOut, error } = useSignOut();
  const name = identity.displayName ?? parseEntityRef(identity.userEntityRef).name;
  return (
    <div className="shell-user-menu">
      {error ? (
        <span className="shell-status__error" role="alert">
          Could not sign out: {error.message}
        </span>
      ) : null}
      <Menu
        label={`Account: ${name}`}
        trigger={
          <span className="shell-user">
            <UserAvatar identity={identity} name={name} />
            <span className="shell-user__name">{name}</span>
            <Icon name="chevron-down" size={14} />
          </span>
        }
        header={
          <div className="shell-user-card">
            <UserAvatar identity={identity} name={name} />
            <div className="shell-user-card__text">
              <span className="shell-user-card__name">{name}</span>
              <code className="shell-user-card__ref">{identity.userEntityRef}</code>
              {identity.email ? <span className="shell-muted">{identity.email}</span> : null}
              {identity.roles.length > 0 ? (
                <span className="shell-inline-list">
                  {identity.roles.map((role) => (
                    <Tag key={role}>{role}</Tag>
                  ))}
                </span>
              ) : null}
            </div>
          </div>
        }
        items={[
          {
            id: 'profile',
            label: 'My catalog page',
            icon: 'user',
            href: getEntityPath(identity.userEntityRef),
          },
          { id: 'api-tokens', label: 'API tokens', icon: 'key', href: '/settings/api-tokens' },
          { id: 'settings', label: 'Settings', icon: 'settings', href: '/settings' },
          {
            id: 'sign-out',
            label: 'Sign out',
            icon: 'logout',
            onSelect: signOut,
          },
        ]}
      />
    </div>
  );
}
