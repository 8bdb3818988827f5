import {
  type AuthService,
  type EntityStoreService,
  InputError,
  NotAllowedError,
  type PermissionsService,
} from '@atrium/plugin-api';
import Ajv from 'ajv';
import { Router } from 'express';
import { policyReadPermission } from './corePermissions';
import type { LoadedPermissionPolicy } from './LoadedPermissionPolicy';
import { loadEntityOwners } from './loadEntityOwners';

/** Items one `POST /authorize` may ask about; a page of the UI needs far fewer. */
const maxItems = 100;

interface AuthorizeRequest {
  items: Array<{ permission: { id: string; action?: string; resourceType?: string }; resourceRef?: string }>;
}

const validateAuthorizeRequest = new Ajv({ allErrors: true }).compile<AuthorizeRequest>({
  type: 'object',
  additionalProperties: false,
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      maxItems,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['permission'],
        properties: {
          permission: {
            type: 'object',
            required: ['id'],
            properties: {
              id: { type: 'string', minLength: 1 },
              action: { type: 'string' },
              resourceType: { type: 'string' },
            },
          },
          resourceRef: { type: 'string', minLength: 1 },
        },
      },
    },
  },
});

/**
 * The core permissions API, mounted at `/api/core/permissions`:
 * `POST /authorize` answers `{items:[{permission, resourceRef?}]}` (at most 100) with
 * `{items:[{allowed}]}` for the caller, looking up the owners of `catalog-entity`
 * resources; `GET /policy` (permission `core.policy.read`) shows the effective policy
 * and every declared permission.
 */
export function createPermissionsRouter(options: {
  auth: AuthService;
  loaded: LoadedPermissionPolicy;
  /** The core's own permissions service, with the core permissions registered. */
  permissions: PermissionsService;
  /** Read without restriction, to find the owners of catalog entities. */
  entities: EntityStoreService;
}): Router {
  const { auth, loaded, permissions, entities } = options;
  const declaredById = new Map(
    loaded.declared.flatMap((plugin) => plugin.permissions.map((p) => [p.id, p] as const)),
  );
  const router = Router();

  router.post('/authorize', async (req, res) => {
    if (!validateAuthorizeRequest(req.body)) {
      const problems = (validateAuthorizeRequest.errors ?? [])
        .map((e) => `${e.instancePath || '/'} ${e.message}`)
        .join('; ');
      throw new InputError(`Malformed authorize request (at most ${maxItems} items): ${problems}`);
    }
    const items = req.body.items.map((item, index) => {
      const permission = declaredById.get(item.permission.id);
      if (permission === undefined) {
        throw new InputError(
          `items[${index}].permission.id: permission '${item.permission.id}' is not declared by the core or any enabled plugin`,
        );
      }
      return { permission, resourceRef: item.resourceRef };
    });
    // One lookup for the whole batch; only catalog entities have owners the policy can read.
    const entityRefs = [
      ...new Set(
        items
          .filter((item) => item.permission.resourceType === 'catalog-entity')
          .flatMap((item) => (item.resourceRef === undefined ? [] : [item.resourceRef])),
      ),
    ];
    const owners = await loadEntityOwners(entities, entityRefs);
    const ownersByRef = new Map(entityRefs.map((ref, i) => [ref, owners[i] ?? []]));
    const { principal } = auth.credentials(req);
    const decisions = await Promise.all(
      items.map(async ({ permission, resourceRef }) => {
        const decision = await loaded.policy.decide({
          principal,
          permission,
          ...(resourceRef === undefined
            ? {}
            : { resource: { resourceRef, ownerRefs: ownersByRef.get(resourceRef) ?? [] } }),
        });
        return { allowed: decision === 'allow' };
      }),
    );
    res.json({ items: decisions });
  });

  router.get('/policy', async (req, res) => {
    const credentials = auth.userCredentials(req);
    if ((await permissions.authorize(credentials, policyReadPermission)).result !== 'allow') {
      throw new NotAllowedError(
        `Reading the permission policy needs permission '${policyReadPermission.id}'`,
      );
    }
    res.setHeader('cache-control', 'no-store');
    res.json({
      developmentDefault: loaded.roles === undefined,
      roles: loaded.roles ?? [],
      plugins: loaded.declared,
    });
  });

  return router;
}
