import {
  Button,
  DataTable,
  EmptyState,
  EntityRefLink,
  ErrorPanel,
  NotAllowedError,
  Page,
  Tag,
  TextField,
  useSWRInfinite,
} from '@atrium/plugin-api/frontend';
import { type FormEvent, type ReactNode, useId } from 'react';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../formatDateTime';
import type { AuditFilters } from '../services/AuditFilters';
import type { AuditRecord } from '../services/AuditRecord';
import { createAuditQuery } from '../services/createAuditQuery';
import { useDocumentTitle } from '../useDocumentTitle';

const pageSize = 50;
const filterKeys = ['actor', 'action', 'outcome', 'fromDate', 'toDate'] as const;

interface AuditPage {
  items: AuditRecord[];
  nextCursor?: string;
}

function readFilters(params: URLSearchParams): AuditFilters {
  const outcome = params.get('outcome');
  return {
    ...(params.get('actor') ? { actor: params.get('actor') as string } : {}),
    ...(params.get('action') ? { action: params.get('action') as string } : {}),
    ...(outcome === 'success' || outcome === 'failure' ? { outcome } : {}),
    ...(params.get('fromDate') ? { fromDate: params.get('fromDate') as string } : {}),
    ...(params.get('toDate') ? { toDate: params.get('toDate') as string } : {}),
  };
}

/** The filter form; applying it writes the filters to the URL, so a filtered view can be shared. */
function AuditFilterForm({ filters, onApply }: { filters: AuditFilters; onApply: (next: FormData) => void }) {
  const outcomeId = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(new FormData(event.currentTarget));
  };
  // A key per applied filter set: the uncontrolled inputs start again from the URL after "Clear".
  return (
    <form
      key={JSON.stringify(filters)}
      className="shell-filters"
      aria-label="Audit filters"
      onSubmit={submit}
    >
      <TextField
        label="Actor"
        name="actor"
        placeholder="user:default/ada"
        defaultValue={filters.actor ?? ''}
      />
      <TextField
        label="Action"
        name="action"
        placeholder="catalog:POST /locations"
        defaultValue={filters.action ?? ''}
      />
      <div className="atrium-field">
        <label htmlFor={outcomeId} className="atrium-field__label">
          Outcome
        </label>
        <select id={outcomeId} name="outcome" className="atrium-input" defaultValue={filters.outcome ?? ''}>
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
        </select>
      </div>
      <TextField label="From" name="fromDate" type="date" defaultValue={filters.fromDate ?? ''} />
      <TextField label="To" name="toDate" type="date" defaultValue={filters.toDate ?? ''} />
      <Button type="submit" variant="primary" icon="search">
        Apply filters
      </Button>
    </form>
  );
}

/**
 * Admin → Audit log: every change made through the API, newest first, a page
 * at a time from the server, filtered by actor, action, outcome and date range.
 */
export function AuditLogPage() {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const filtered = Object.keys(filters).length > 0;
  useDocumentTitle('Audit log');
  const { data, error, size, setSize, isLoading, isValidating, mutate } = useSWRInfinite<AuditPage>(
    (index: number, previous: AuditPage | null) => {
      if (index > 0 && !previous?.nextCursor) {
        return null;
      }
      const cursor = previous?.nextCursor;
      return `/api/core/audit?${createAuditQuery(filters, { limit: pageSize, ...(cursor ? { cursor } : {}) })}`;
    },
    { revalidateFirstPage: false },
  );
  const pages = data ?? [];
  const records = pages.flatMap((page) => page.items);
  const hasMore = Boolean(pages.at(-1)?.nextCursor);
  const loadingMore = isValidating && size > pages.length;

  const apply = (form: FormData) => {
    const next = new URLSearchParams();
    for (const key of filterKeys) {
      const value = String(form.get(key) ?? '').trim();
      if (value) {
        next.set(key, value);
      }
    }
    setParams(next);
  };

  let body: ReactNode;
  if (error) {
    body =
      error instanceof NotAllowedError ? (
        <ErrorPanel title="You may not read the audit log" error={error} />
      ) : (
        <ErrorPanel title="Could not load the audit log" error={error} onRetry={() => void mutate()} />
      );
  } else if (!isLoading && records.length === 0) {
    body = filtered ? (
      <EmptyState
        icon="search"
        title="No audit records match these filters"
        action={<Button onClick={() => setParams(new URLSearchParams())}>Clear filters</Button>}
      />
    ) : (
      <EmptyState
        icon="file"
        title="Nothing recorded yet"
        description="Every change made through the API (a POST, PUT, PATCH or DELETE) is recorded here: who, what, when and whether it worked."
      />
    );
  } else {
    body = (
      <>
        <DataTable
          label="Audit records"
          rows={records}
          getRowId={(record) => record.id}
          height="40rem"
          loading={isLoading || loadingMore}
          onEndReached={() => {
            if (hasMore && !loadingMore) {
              void setSize(size + 1);
            }
          }}
          columns={[
            { id: 'at', header: 'When', sortable: false, width: '170px', cell: (r) => formatDateTime(r.at) },
            {
              id: 'actor',
              header: 'Actor',
              sortable: false,
              width: 'minmax(0, 1.4fr)',
              cell: (r) =>
                r.actor === 'anonymous' ? (
                  <span className="shell-muted">anonymous</span>
                ) : (
                  <span className="shell-status">
                    <EntityRefLink entityRef={r.actor} />
                    {r.via ? <Tag>{r.via}</Tag> : null}
                  </span>
                ),
            },
            {
              id: 'action',
              header: 'Action',
              sortable: false,
              width: 'minmax(0, 1.3fr)',
              cell: (r) => <code>{r.action}</code>,
            },
            {
              id: 'target',
              header: 'Target',
              sortable: false,
              width: 'minmax(0, 1.3fr)',
              cell: (r) => <code>{r.target}</code>,
            },
            {
              id: 'outcome',
              header: 'Outcome',
              sortable: false,
              width: '130px',
              cell: (r) => (
                <Tag tone={r.outcome === 'success' ? 'success' : 'danger'}>{`${r.outcome} ${r.status}`}</Tag>
              ),
            },
          ]}
        />
        <p className="shell-muted">
          {`Showing ${records.length} record${records.length === 1 ? '' : 's'}, newest first${hasMore ? '; scroll for more' : ''}.`}
        </p>
      </>
    );
  }
  return (
    <Page title="Audit log" subtitle="Every change made through the API: who, what, when and how it went.">
      <div className="shell-stack">
        <AuditFilterForm filters={filters} onApply={apply} />
        {body}
      </div>
    </Page>
  );
}
