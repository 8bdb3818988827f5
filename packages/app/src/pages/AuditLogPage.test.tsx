/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { fireEvent, screen, within } from '@testing-library/react';
import type { AuditRecord } from '../services/AuditRecord';
import type { SeenRequest } from '../testing/createFakeServer';
import { giveElementsASize } from '../testing/giveElementsASize';
import { jsonResponse } from '../testing/jsonResponse';
import { renderInShell } from '../testing/renderInShell';
import { AuditLogPage } from './AuditLogPage';

const record = (id: string, overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  id,
  at: '2026-11-29T01:00:00Z',
  actor: 'user:default/ada',
  via: 'session',
  action: 'core:POST /auth/tokens',
  target: '/api/core/auth/tokens',
  outcome: 'success',
  status: 201,
  pluginId: 'core',
  ...overrides,
});

describe('AuditLogPage', () => {
  let restoreSizes: () => void;
  beforeAll(() => {
    restoreSizes = giveElementsASize();
  });
  afterAll(() => restoreSizes());

  it('lists the records the server sends, and sends the filters to the server', async () => {
    const shell = renderInShell(<AuditLogPage />, {
      routes: {
        'GET /api/core/audit': (request: SeenRequest) =>
          request.url.includes('outcome=failure')
            ? jsonResponse({ items: [record('7', { outcome: 'failure', status: 403, actor: 'anonymous' })] })
            : request.url.includes('cursor=c8')
              ? jsonResponse({ items: [record('6', { action: 'catalog:POST /refresh' })] })
              : jsonResponse({ items: [record('9'), record('8')], nextCursor: 'c8' }),
      },
    });
    const table = await screen.findByRole('table', { name: 'Audit records' });
    await within(table).findAllByText('core:POST /auth/tokens');
    expect(shell.requests[0]?.url).toBe('/api/core/audit?limit=50');
    // The rows fit the (fake) screen, so the table asks for the next page by cursor.
    await within(table).findByText('catalog:POST /refresh');
    expect(shell.requests[1]?.url).toBe('/api/core/audit?limit=50&cursor=c8');

    fireEvent.change(screen.getByLabelText('Outcome'), { target: { value: 'failure' } });
    fireEvent.change(screen.getByLabelText('Actor'), { target: { value: 'anonymous' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('failure 403');
    expect(shell.requests.at(-1)?.url).toBe('/api/core/audit?actor=anonymous&outcome=failure&limit=50');
  });

  it('says when nothing is recorded, and when nothing matches', async () => {
    renderInShell(<AuditLogPage />, {
      routes: { 'GET /api/core/audit': () => jsonResponse({ items: [] }) },
      router: { initialEntries: ['/admin/audit'] },
    });
    await screen.findByText('Nothing recorded yet');
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'catalog:POST /locations' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('No audit records match these filters');
  });

  it('tells a user who may not read the log so', async () => {
    renderInShell(<AuditLogPage />, {
      routes: {
        'GET /api/core/audit': () =>
          jsonResponse({ error: { name: 'NotAllowedError', message: "needs 'core.audit.read'" } }, 403),
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You may not read the audit log');
  });
});
