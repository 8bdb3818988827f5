import {
  Button,
  Dialog,
  ErrorPanel,
  getEntityRef,
  NotFoundError,
  Progress,
  useApi,
  useEntity,
  usePermission,
  useSWR,
} from '@atrium/plugin-api/frontend';
import { type ReactNode, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  catalogLocationDeletePermission,
} from './catalogPermissions';

/** `GET /api/catalog/locations/by-entity/...`. */
interface RegisteredLocation {
  id: string;
  type: string;
  target: string;
}

type RefreshState =
  | { name: 'idle' }
  | { name: 'refreshing' }
  | { name: 'scheduled' }
  | { name: 'failed'; error: unknown };

function UnregisterDialog({
  open,
  onOpenChange,
  mayDeleteLocation,
  mayDeleteEntity,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  mayDeleteLocation: boolean;
  mayDeleteEntity: boolean;
}) {
  const api = useApi();
  const navigate = useNavigate();
  const { entity } = useEntity();
  const ref = getEntityRef(entity);
  const [kind, rest = ''] = ref.split(':');
  const [namespace, name] = rest.split('/');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  // Only entities of a location registered through the API have one to unregister; config locations answer 404.
  const location = useSWR<RegisteredLocation>(
    open && mayDeleteLocation
      ? `${api.baseUrl}/locations/by-entity/${encodeURIComponent(kind ?? '')}/${encodeURIComponent(namespace ?? '')}/${encodeURIComponent(name ?? '')}`
      : null,
  );
  const noLocation = !mayDeleteLocation || location.error instanceof NotFoundError;
  const run = async (path: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.fetch(path, { method: 'DELETE' });
      onOpenChange(false);
      navigate('/catalog');
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  let body: ReactNode;
  let action: ReactNode = null;
  if (mayDeleteLocation && location.isLoading) {
    body = <Progress label="Finding the entity's location" />;
  } else if (location.error && !noLocation) {
    body = <ErrorPanel title="Could not find the entity's location" error={location.error} />;
  } else if (!noLocation && location.data) {
    const { id, type, target } = location.data;
    body = (
      <p>
        This removes the location <code>{`${type}:${target}`}</code> and every entity it provides, this one
        included.
      </p>
    );
    action = (
      <Button
        variant="danger"
        disabled={busy}
        onClick={() => void run(`/locations/${encodeURIComponent(id)}`)}
      >
        {busy ? 'Unregistering…' : 'Unregister location'}
      </Button>
    );
  } else if (mayDeleteEntity && entity.metadata.uid) {
    const uid = entity.metadata.uid;
    body = (
      <p>
        This entity has no location registered through the catalog API. Deleting removes only{' '}
        <code>{ref}</code>; if a location in config still provides it, it comes back at the next refresh.
      </p>
    );
    action = (
      <Button
        variant="danger"
        disabled={busy}
        onClick={() => void run(`/entities/by-uid/${encodeURIComponent(uid)}`)}
      >
        {busy ? 'Deleting…' : 'Delete entity'}
      </Button>
    );
  } else {
    body = (
      <p>
        This entity comes from a location in config (<code>catalog.locations</code>); remove it there.
      </p>
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Unregister ${entity.metadata.title ?? entity.metadata.name}?`}
      footer={
        <>
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          {action}
        </>
      }
    >
      {body}
      {error ? <ErrorPanel title="Unregistering failed" error={error} /> : null}
    </Dialog>
  );
}

/**
 * The entity's "Refresh" and "Unregister" actions, each shown only when the
 * signed-in user may do it (the backend checks again). Unregistering asks for
 * confirmation and removes the entity's location, or the entity alone when it
 * has no location registered through the API.
 */
export function EntityActions() {
  const api = useApi();
  const { entity } = useEntity();
  const ref = getEntityRef(entity);
  const mayRefresh = usePermission(catalogEntityRefreshPermission, ref).allowed;
  const mayDeleteEntity = usePermission(catalogEntityDeletePermission, ref).allowed;
  const mayDeleteLocation = usePermission(catalogLocationDeletePermission).allowed;
  const [refresh, setRefresh] = useState<RefreshState>({ name: 'idle' });
  const [unregistering, setUnregistering] = useState(false);

  if (!mayRefresh && !mayDeleteEntity && !mayDeleteLocation) {
    return null;
  }
  const scheduleRefresh = async () => {
    setRefresh({ name: 'refreshing' });
    try {
      await api.fetch('/refresh', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ entityRef: ref }),
      });
      setRefresh({ name: 'scheduled' });
    } catch (error) {
      setRefresh({ name: 'failed', error });
    }
  };

  return (
    <div className="catalog-entity-actions">
      <div className="catalog-entity-actions__buttons">
        {mayRefresh ? (
          <Button
            icon="activity"
            disabled={refresh.name === 'refreshing'}
            onClick={() => void scheduleRefresh()}
          >
            {refresh.name === 'refreshing' ? 'Refreshing…' : 'Refresh'}
          </Button>
        ) : null}
        {mayDeleteEntity || mayDeleteLocation ? (
          <Button variant="danger" onClick={() => setUnregistering(true)}>
            Unregister
          </Button>
        ) : null}
      </div>
      {refresh.name === 'scheduled' ? (
        <p role="status" className="catalog-muted">
          Refresh scheduled: changes show once the location has been read again.
        </p>
      ) : null}
      {refresh.name === 'failed' ? <ErrorPanel title="Could not refresh" error={refresh.error} /> : null}
      <UnregisterDialog
        open={unregistering}
        onOpenChange={setUnregistering}
        mayDeleteLocation={mayDeleteLocation}
        mayDeleteEntity={mayDeleteEntity}
      />
    </div>
  );
}
