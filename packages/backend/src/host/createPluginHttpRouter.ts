import type { HttpAuthPolicy, HttpRouterService } from '@atrium/plugin-api';
import { type Handler, Router } from 'express';

/** A plugin's router as the host keeps it: the service plus what the host needs to mount and check it. */
export interface PluginHttpRouter extends HttpRouterService {
  readonly router: Router;
  readonly policies: HttpAuthPolicy[];
}

/** Creates the `httpRouter` service of one plugin. */
export function createPluginHttpRouter(): PluginHttpRouter {
  const router = Router();
  const policies: HttpAuthPolicy[] = [];
  return {
    router,
    policies,
    use(handler: Handler) {
      router.use(handler);
    },
    addAuthPolicy(policy: HttpAuthPolicy) {
      policies.push(policy);
    },
  };
}
