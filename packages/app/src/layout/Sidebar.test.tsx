/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import type { PermissionApi } from '@atrium/plugin-api/frontend';
import { screen, waitFor, within } from '@testing-library/react';
import { renderInShell } from '../testing/renderInShell';
import { Sidebar } from './Sidebar';

/** Allows exactly the permission ids given, and records what was asked. */
function allowing(ids: string[]): PermissionApi & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    authorize: async ({ permission }) => {
      asked.push(permission.id);
      return { allowed: ids.includes(permission.id) };
    },
  };
}

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('link')
    .map((link) => link.textContent?.trim());

describe('Sidebar', () => {
  it('shows the policy and audit pages to a user allowed to read them', async () => {
    renderInShell(<Sidebar />, { permissions: allowing(['core.policy.read', 'core.audit.read']) });
    await screen.findByRole('link', { name: 'Audit log' });
    expect(navLinks()).toEqual(['Home', 'Policy', 'Audit log', 'Plugins', 'Settings']);
  });

  it('hides what the permission API denies', async () => {
    const permissions = allowing(['core.audit.read']);
    renderInShell(<Sidebar />, { permissions });
    await screen.findByRole('link', { name: 'Audit log' });
    await waitFor(() => expect(permissions.asked).toContain('core.policy.read'));
    expect(screen.queryByRole('link', { name: 'Policy' })).toBeNull();
  });
});
