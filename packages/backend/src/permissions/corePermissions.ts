import { definePermission, type ManifestPermission } from '@atrium/plugin-api';

/** Reading the audit log: `GET /api/core/audit`. */
export const auditReadPermission = definePermission({ id: 'core.audit.read', action: 'read' });

/** Reading the effective permission policy: `GET /api/core/permissions/policy`. */
export const policyReadPermission = definePermission({ id: 'core.policy.read', action: 'read' });

/** Every permission the core itself checks, as a manifest would declare them. */
export const corePermissions: ManifestPermission[] = [
  { ...auditReadPermission, description: 'Read the audit log of changes made through the API' },
  {
    ...policyReadPermission,
    description: 'Read the effective permission policy and every declared permission',
  },
];
