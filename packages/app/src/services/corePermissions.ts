import { definePermission } from '@atrium/plugin-api/frontend';

/** The core's permissions the shell asks about to show its admin pages; the server checks them again. */
export const corePermissions = {
  policyRead: definePermission({ id: 'core.policy.read', action: 'read' }),
  auditRead: definePermission({ id: 'core.audit.read', action: 'read' }),
};
