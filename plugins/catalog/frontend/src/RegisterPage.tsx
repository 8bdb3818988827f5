import {
  Button,
  ButtonLink,
  Card,
  EmptyState,
  type Entity,
  EntityRefLink,
  ErrorPanel,
  getEntityRef,
  InputError,
  Page,
  Progress,
  TextField,
  useApi,
  usePermission,
  useSWR,
} from '@atrium/plugin-api/frontend';
import { type ReactNode, useState } from 'react';
import { catalogLocationCreatePermission } from './catalogPermissions';
import { specString } from './specString';

/** `POST /api/catalog/locations` (with or without `dryRun`). */
interface RegisterResponse {
  location: { id: string; type: string; target: string };
  entities: Entity[];
  exists?: boolean;
}

/** `GET /api/catalog/locations/:id/status`. */
interface LocationStatus {
  entitiesRead: number;
  errors: Array<{ name: string; message: string }>;
  lastRefreshAt?: string;
  inProgress: boolean;
}

/** How often the ingestion progress is asked for. */
const POLL_MS = 500;

type Step =
  | { name: 'edit' }
  | { name: 'analyzing' }
  | { name: 'preview'; target: string; entities: Entity[]; exists: boolean }
  | { name: 'registering'; target: string; entities: Entity[] }
  | { name: 'registered'; id: string; entities: Entity[] };

/** The catalog API joins a dry run's problems with "; "; one per line reads better. */
function problemsOf(error: unknown): string[] {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('; ').filter(Boolean);
}

function Problems({ title, error }: { title: string; error: unknown }) {
  return (
    <ErrorPanel title={title}>
      <ul className="catalog-problems">
        {problemsOf(error).map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </ErrorPanel>
  );
}

function EntityPreview({ entities, linked }: { entities: Entity[]; linked: boolean }) {
  return (
    <table className="catalog-preview" aria-label="Entities in this location">
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">Name</th>
          <th scope="col">Owner</th>
        </tr>
      </thead>
      <tbody>
        {entities.map((entity) => {
          const owner = specString(entity, 'owner');
          return (
            <tr key={getEntityRef(entity)}>
              <td>{entity.kind}</td>
              <td>
                {linked ? (
                  <EntityRefLink entityRef={entity} />
                ) : (
                  (entity.metadata.title ?? entity.metadata.name)
                )}
              </td>
              <td>{owner ? <EntityRefLink entityRef={owner} defaultKind="group" /> : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Ingestion({ id, entities }: { id: string; entities: Entity[] }) {
  const api = useApi();
  const [done, setDone] = useState(false);
  const { data, error } = useSWR<LocationStatus>(
    `${api.baseUrl}/locations/${encodeURIComponent(id)}/status`,
    {
      refreshInterval: done ? 0 : POLL_MS,
    },
  );
  // The first poll can come before the background refresh starts; only a finished refresh counts.
  const finished = Boolean(data && !data.inProgress && data.lastRefreshAt);
  if (finished && !done) {
    setDone(true);
  }
  if (error) {
    return <ErrorPanel title="Could not follow the ingestion" error={error} />;
  }
  if (!finished) {
    return (
      <div className="catalog-ingestion">
        <Progress label="Ingesting" />
        <p aria-live="polite">
          Reading the location…{' '}
          {data ? `${data.entitiesRead} ${data.entitiesRead === 1 ? 'entity' : 'entities'} read so far` : ''}
        </p>
      </div>
    );
  }
  return (
    <>
      <p role="status">
        Registered. {data?.entitiesRead ?? 0} {data?.entitiesRead === 1 ? 'entity' : 'entities'} read.
      </p>
      {data?.errors.length ? (
        <Problems
          title="Some entities could not be read"
          error={data.errors.map((e) => e.message).join('; ')}
        />
      ) : null}
      <EntityPreview entities={entities} linked />
    </>
  );
}

function RegisterSteps() {
  const api = useApi();
  const [url, setUrl] = useState('');
  const [step, setStep] = useState<Step>({ name: 'edit' });
  const [error, setError] = useState<unknown>();

  const analyze = async () => {
    setError(undefined);
    setStep({ name: 'analyzing' });
    const target = url.trim();
    try {
      const result = await api.json<RegisterResponse>('/locations?dryRun=true', {
        method: 'POST',
        body: { type: 'url', target },
      });
      setStep({ name: 'preview', target, entities: result.entities, exists: Boolean(result.exists) });
    } catch (caught) {
      setError(caught);
      setStep({ name: 'edit' });
    }
  };

  const register = async (target: string, entities: Entity[]) => {
    setError(undefined);
    setStep({ name: 'registering', target, entities });
    try {
      const result = await api.json<RegisterResponse>('/locations', {
        method: 'POST',
        body: { type: 'url', target },
      });
      setStep({ name: 'registered', id: result.location.id, entities });
    } catch (caught) {
      setError(caught);
      setStep({ name: 'preview', target, entities, exists: false });
    }
  };

  const editable = step.name === 'edit' || step.name === 'preview';
  return (
    <div className="catalog-register">
      <Card title="1. Where is it?">
        <form
          className="catalog-register__form"
          onSubmit={(event) => {
            event.preventDefault();
            void analyze();
          }}
        >
          <TextField
            label="URL of the catalog-info.yaml"
            type="url"
            required
            placeholder="https://git.example.com/org/repo/blob/main/catalog-info.yaml"
            value={url}
            disabled={!editable}
            onChange={(event) => {
              setUrl(event.target.value);
              if (step.name === 'preview') {
                setStep({ name: 'edit' });
              }
            }}
          />
          <Button
            type="submit"
            variant={step.name === 'preview' ? 'secondary' : 'primary'}
            disabled={!editable}
          >
            Analyze
          </Button>
        </form>
        {error && step.name === 'edit' ? (
          <Problems
            title={error instanceof InputError ? 'This location cannot be registered' : 'Analysis failed'}
            error={error}
          />
        ) : null}
        {step.name === 'analyzing' ? <Progress label="Analyzing the location" /> : null}
      </Card>
      {step.name === 'preview' || step.name === 'registering' ? (
        <Card title="2. Review">
          {step.name === 'preview' && step.exists ? (
            <p className="catalog-muted">This location is already registered; registering it again fails.</p>
          ) : null}
          <p>
            {step.entities.length} {step.entities.length === 1 ? 'entity' : 'entities'} will be added from{' '}
            <code>{step.target}</code>.
          </p>
          <EntityPreview entities={step.entities} linked={false} />
          {error ? <Problems title="Registration failed" error={error} /> : null}
          <div className="catalog-register__actions">
            <Button
              variant="primary"
              icon="plugin"
              disabled={step.name === 'registering'}
              onClick={() => void register(step.target, step.entities)}
            >
              {step.name === 'registering' ? 'Registering…' : 'Register'}
            </Button>
          </div>
        </Card>
      ) : null}
      {step.name === 'registered' ? (
        <Card title="3. Done">
          <Ingestion id={step.id} entities={step.entities} />
          <div className="catalog-register__actions">
            <Button
              onClick={() => {
                setUrl('');
                setStep({ name: 'edit' });
              }}
            >
              Register another
            </Button>
          </div>
        </Card>
      ) : null}
    </div>
  );
}

/**
 * "Register existing software": the user pastes the URL of a
 * catalog-info.yaml, sees what a dry run would bring in (or why it cannot),
 * registers it, and follows the ingestion to links to the new entities.
 * Users without `catalog.location.create` are told who can, instead of a form
 * the backend would refuse.
 */
export function RegisterPage() {
  const permission = usePermission(catalogLocationCreatePermission);
  let content: ReactNode;
  if (permission.loading) {
    content = <Progress label="Checking your permissions" />;
  } else if (permission.error) {
    content = <ErrorPanel title="Could not check your permissions" error={permission.error} />;
  } else if (!permission.allowed) {
    content = (
      <EmptyState
        icon="shield"
        title="You cannot register software"
        description="Registering locations needs the catalog.location.create permission; ask a catalog administrator to register it or to grant it to you."
      />
    );
  } else {
    content = <RegisterSteps />;
  }
  return (
    <Page
      title="Register existing software"
      subtitle="Add the entities described by a catalog-info.yaml to the catalog"
      actions={<ButtonLink to="/catalog">Back to the catalog</ButtonLink>}
    >
      {content}
    </Page>
  );
}
