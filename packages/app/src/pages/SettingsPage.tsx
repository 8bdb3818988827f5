import { Button, Card, Page, Tag, useIdentity } from '@atrium/plugin-api/frontend';
import type { ThemePreference } from '../services/ThemePreference';
import { useShellServices } from '../services/useShellServices';
import { useThemePreference } from '../services/useThemePreference';
import { useDocumentTitle } from '../useDocumentTitle';

const themes: Array<{ value: ThemePreference; label: string }> = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings: the colour theme, and who the portal thinks you are. */
export function SettingsPage() {
  const identity = useIdentity();
  const { sessions } = useShellServices();
  const [theme, setTheme] = useThemePreference();
  useDocumentTitle('Settings');
  return (
    <Page title="Settings">
      <div className="shell-grid">
        <Card title="Appearance">
          <fieldset className="shell-radios">
            <legend>Theme</legend>
            {themes.map(({ value, label }) => (
              <label key={value} className="shell-radios__option">
                <input
                  type="radio"
                  name="theme"
                  value={value}
                  checked={theme === value}
                  onChange={() => setTheme(value)}
                />
                {label}
              </label>
            ))}
          </fieldset>
        </Card>
        <Card
          title="Who am I"
          actions={
            <Button icon="logout" onClick={() => sessions.clear()}>
              Sign out
            </Button>
          }
        >
          <dl className="shell-facts">
            <dt>User</dt>
            <dd>
              <code>{identity.userEntityRef}</code>
            </dd>
            <dt>Ownership</dt>
            <dd className="shell-inline-list">
              {identity.ownershipEntityRefs.map((ref) => (
                <code key={ref}>{ref}</code>
              ))}
            </dd>
            <dt>Roles</dt>
            <dd className="shell-inline-list">
              {identity.roles.length === 0 ? (
                <span className="shell-muted">None</span>
              ) : (
                identity.roles.map((role) => <Tag key={role}>{role}</Tag>)
              )}
            </dd>
          </dl>
        </Card>
      </div>
    </Page>
  );
}
