import { Icon, Menu, parseEntityRef, useIdentity } from '@atrium/plugin-api/frontend';
import { useShellServices } from '../services/useShellServices';

/** The signed-in user's menu in the top bar: settings and sign-out. */
export function UserMenu() {
  const { userEntityRef } = useIdentity();
  const { sessions } = useShellServices();
  const name = parseEntityRef(userEntityRef).name;
  return (
    <Menu
      label={`Account: ${name}`}
      trigger={
        <span className="shell-user">
          <span className="shell-user__avatar" aria-hidden="true">
            {name.slice(0, 1).toUpperCase()}
          </span>
          <span className="shell-user__name">{name}</span>
          <Icon name="chevron-down" size={14} />
        </span>
      }
      items={[
        { id: 'settings', label: 'Settings', icon: 'settings', href: '/settings' },
        { id: 'sign-out', label: 'Sign out', icon: 'logout', onSelect: () => sessions.clear() },
      ]}
    />
  );
}
