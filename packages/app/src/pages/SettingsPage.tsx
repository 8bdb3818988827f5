import { Button, ButtonLink, Card, ErrorPanel, Page, Tag, useIdentity } from '@atrium/plugin-api/frontend';
import type { ThemePreference } from '../services/ThemePreference';
import { useSignOut } from '../services/useSignOut';
import { useThemePreference } from '../services/useThemePreference';
import { useDocumentTitle } from '../useDocumentTitle';

const themes: Array<{ value: ThemePreference; label: string }> = [
  { value: 'system', label: 'Match the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Settings: the colour theme, who the portal thinks you are, and a way to your API tokens. */
export function SettingsPage() {
  const identity = useIdentity();
  const { signOut, error } = useSignOut();
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
            <Button icon="logout" onClick={signOut}>
              Sign out
            </Button>
          }
        >
          {error ? <ErrorPanel title="Could not sign out" error={error} /> : null}
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
                <span className="shell-muted">
                  None of its own; the permission policy decides what you may do
                </span>
              ) : (
                identity.roles.map((role) => <Tag key={role}>{role}</Tag>)
              )}
            </dd>
          </dl>
        </Card>
        <Card
          title="API tokens"
          actions={
            <ButtonLink to="/settings/api-tokens" icon="key">
              Manage API tokens
            </ButtonLink>
          }
        >
          <p className="shell-muted">
            Personal tokens let the <code>atrium</code> CLI or a CI job call the Atrium API as you, limited to
            the permissions you choose.
          </p>
        </Card>
      </div>
    </Page>
  );
}
