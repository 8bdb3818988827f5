import {
  Button,
  createApiClient,
  DataTable,
  Dialog,
  EmptyState,
  ErrorPanel,
  Page,
  Progress,
  Tag,
  useSWR,
} from '@atrium/plugin-api/frontend';
import { type ReactNode, useMemo, useState } from 'react';
import { formatDateTime } from '../formatDateTime';
import type { ApiToken } from '../services/ApiToken';
import { useShellServices } from '../services/useShellServices';
import { useDocumentTitle } from '../useDocumentTitle';
import { CreateApiTokenDialog, type CreateApiTokenRequest } from './CreateApiTokenDialog';
import { NewApiTokenCard } from './NewApiTokenCard';

const tokensPath = '/api/core/auth/tokens';

/** Whether a token still works, and if not, why. */
function TokenStatus({ token, now }: { token: ApiToken; now: number }) {
  if (token.revokedAt) {
    return <Tag tone="danger">revoked</Tag>;
  }
  if (Date.parse(token.expiresAt) <= now) {
    return <Tag tone="warning">expired</Tag>;
  }
  return <Tag tone="success">active</Tag>;
}

/**
 * Settings → API tokens: the user's personal tokens (name, scopes, dates,
 * status), a dialog to create one (shown once, with a copy button), and
 * revoking with a confirmation.
 */
export function ApiTokensPage() {
  const { fetch } = useShellServices();
  const auth = useMemo(() => createApiClient({ baseUrl: '/api/core/auth', fetch }), [fetch]);
  const { data, error, isLoading, mutate } = useSWR<{ items: ApiToken[] }>(tokensPath);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; token: string }>();
  const [revoking, setRevoking] = useState<ApiToken>();
  const [revokeError, setRevokeError] = useState<unknown>();
  const now = Date.now();
  useDocumentTitle('API tokens');

  const create = async (request: CreateApiTokenRequest) => {
    const answer = await auth.json<ApiToken & { token: string }>('/tokens', {
      method: 'POST',
      body: request,
    });
    setCreated({ name: answer.name, token: answer.token });
    setCreating(false);
    await mutate();
  };
  const revoke = async (token: ApiToken) => {
    setRevokeError(undefined);
    try {
      await auth.fetch(`/tokens/${encodeURIComponent(token.id)}`, { method: 'DELETE' });
      setRevoking(undefined);
      await mutate();
    } catch (caught) {
      setRevokeError(caught);
    }
  };

  let body: ReactNode;
  if (error) {
    body = <ErrorPanel title="Could not load your API tokens" error={error} onRetry={() => void mutate()} />;
  } else if (isLoading || !data) {
    body = <Progress label="Loading your API tokens" />;
  } else if (data.items.length === 0) {
    body = (
      <EmptyState
        icon="key"
        title="No API tokens yet"
        description="A token lets the atrium CLI, a script or a CI job call the Atrium API as you, limited to the scopes you give it. Create one for each place that needs it, so you can revoke them one by one."
        action={
          <Button variant="primary" icon="key" onClick={() => setCreating(true)}>
            Create token
          </Button>
        }
      />
    );
  } else {
    body = (
      <DataTable
        label="API tokens"
        rows={data.items}
        getRowId={(token) => token.id}
        height="40rem"
        columns={[
          { id: 'name', header: 'Name', value: (token) => token.name, width: 'minmax(0, 1.2fr)' },
          {
            id: 'scopes',
            header: 'Scopes',
            sortable: false,
            width: 'minmax(0, 1.4fr)',
            cell: (token) => (
              <span className="shell-inline-list">
                {token.scopes.map((scope) => (
                  <code key={scope}>{scope}</code>
                ))}
              </span>
            ),
          },
          {
            id: 'created',
            header: 'Created',
            value: (token) => token.createdAt,
            cell: (token) => formatDateTime(token.createdAt),
          },
          {
            id: 'expires',
            header: 'Expires',
            value: (token) => token.expiresAt,
            cell: (token) => formatDateTime(token.expiresAt),
          },
          {
            id: 'lastUsed',
            header: 'Last used',
            value: (token) => token.lastUsedAt,
            cell: (token) => (token.lastUsedAt ? formatDateTime(token.lastUsedAt) : 'Never'),
          },
          {
            id: 'status',
            header: 'Status',
            sortable: false,
            width: '180px',
            cell: (token) => (
              <span className="shell-status">
                <TokenStatus token={token} now={now} />
                {token.revokedAt ? null : (
                  <Button
                    variant="ghost"
                    aria-label={`Revoke ${token.name}`}
                    onClick={() => setRevoking(token)}
                  >
                    Revoke
                  </Button>
                )}
              </span>
            ),
          },
        ]}
      />
    );
  }

  return (
    <Page
      title="API tokens"
      subtitle="Personal tokens for the CLI, scripts and CI. Each acts as you, limited to its scopes."
      actions={
        <Button variant="primary" icon="key" onClick={() => setCreating(true)}>
          Create token
        </Button>
      }
    >
      <div className="shell-stack">
        {created ? (
          <NewApiTokenCard name={created.name} token={created.token} onDone={() => setCreated(undefined)} />
        ) : null}
        {body}
      </div>
      <CreateApiTokenDialog open={creating} onOpenChange={setCreating} onCreate={create} />
      <Dialog
        open={revoking !== undefined}
        onOpenChange={(open) => {
          if (!open) {
            setRevoking(undefined);
            setRevokeError(undefined);
          }
        }}
        title={`Revoke “${revoking?.name ?? ''}”?`}
        description="Anything still using this token will get 401 Unauthorized from its next request. This cannot be undone."
        footer={
          <>
            <Button onClick={() => setRevoking(undefined)}>Cancel</Button>
            <Button variant="danger" onClick={() => revoking && void revoke(revoking)}>
              Revoke token
            </Button>
          </>
        }
      >
        {revokeError ? <ErrorPanel title="Could not revoke the token" error={revokeError} /> : null}
      </Dialog>
    </Page>
  );
}
