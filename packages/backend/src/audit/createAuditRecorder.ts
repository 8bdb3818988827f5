import type { LoggerService } from '@atrium/plugin-api';
import { currentRequestId } from '../logging';
import type { AuditRecorder } from './AuditRecorder';
import type { AuditStore } from './AuditStore';

/**
 * Makes the recorder that writes one row to `store` and one `info` log line
 * marked `audit: true` per event. Call it inside the request's async context
 * (bind `close` listeners with `AsyncResource.bind`) so the record carries its request id.
 *
 * @example
 * const recorder = createAuditRecorder({ store, logger });
 * recorder.record({ actor: 'user:default/jane', via: 'session', action: 'core:sign-in', target: '/api/core/auth/oidc', outcome: 'success', status: 302, pluginId: 'core' });
 */
export function createAuditRecorder(options: { store: AuditStore; logger: LoggerService }): AuditRecorder {
  const { store, logger } = options;
  return {
    record(event) {
      const { actor, via, action, target, outcome, status, pluginId } = event;
      const requestId = currentRequestId();
      logger.info(`audit: ${actor} ${action} ${target} ${outcome} ${status}`, {
        audit: true,
        actor,
        via,
        action,
        target,
        outcome,
        status,
        pluginId,
      });
      store
        .insert({ ...event, at: new Date(), ...(requestId === undefined ? {} : { requestId }) })
        .catch((error: unknown) =>
          logger.error(`Could not record the audit event for ${action} ${target}`, {
            error,
            action,
            target,
          }),
        );
    },
  };
}
