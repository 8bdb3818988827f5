import { type AuthService, InputError, NotAllowedError, type PermissionsService } from '@atrium/plugin-api';
import { type Request, Router } from 'express';
import { auditReadPermission } from '../permissions/corePermissions';
import type { AuditSearch } from './AuditSearch';
import type { AuditStore } from './AuditStore';

const defaultLimit = 50;
const maxLimit = 500;

function single(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value === '') {
    throw new InputError(`Query parameter '${name}' must be given once, with a value`);
  }
  return value;
}

function parseTime(req: Request, name: string): Date | undefined {
  const value = single(req, name);
  if (value === undefined) {
    return undefined;
  }
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) {
    throw new InputError(
      `Query parameter '${name}' must be an ISO 8601 date-time, e.g. 2026-11-29T00:00:00Z`,
    );
  }
  return time;
}

function parseSearch(req: Request): AuditSearch {
  const known = new Set(['actor', 'action', 'target', 'outcome', 'from', 'to', 'limit', 'cursor']);
  const unknown = Object.keys(req.query).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    throw new InputError(
      `Unknown query parameter(s) ${unknown.map((k) => `'${k}'`).join(', ')}; use ${[...known].join(', ')}`,
    );
  }
  const outcome = single(req, 'outcome');
  if (outcome !== undefined && outcome !== 'success' && outcome !== 'failure') {
    throw new InputError("Query parameter 'outcome' must be 'success' or 'failure'");
  }
  const limitText = single(req, 'limit');
  const limit = limitText === undefined ? defaultLimit : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new InputError(`Query parameter 'limit' must be an integer from 1 to ${maxLimit}`);
  }
  const search: AuditSearch = { limit };
  for (const name of ['actor', 'action', 'target', 'cursor'] as const) {
    const value = single(req, name);
    if (value !== undefined) {
      search[name] = value;
    }
  }
  const from = parseTime(req, 'from');
  const to = parseTime(req, 'to');
  return {
    ...search,
    ...(outcome === undefined ? {} : { outcome }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

/**
 * The audit API, mounted at `/api/core/audit`: `GET /` with `actor`, `action`,
 * `target`, `outcome`, `from`, `to` (ISO date-times, `to` exclusive), `limit`
 * (1–500, default 50) and `cursor` answers `{items, nextCursor?}`, newest first.
 * Needs permission `core.audit.read`.
 */
export function createAuditRouter(options: {
  auth: AuthService;
  store: AuditStore;
  /** The core's own permissions service, with the core permissions registered. */
  permissions: PermissionsService;
}): Router {
  const { auth, store, permissions } = options;
  const router = Router();
  router.get('/', async (req, res) => {
    const credentials = auth.userCredentials(req);
    if ((await permissions.authorize(credentials, auditReadPermission)).result !== 'allow') {
      throw new NotAllowedError(`Reading the audit log needs permission '${auditReadPermission.id}'`);
    }
    const page = await store.search(parseSearch(req));
    res.setHeader('cache-control', 'no-store');
    res.json(page);
  });
  return router;
}
