import type { Handler } from 'express';

/** Lets a route opt out of the default "credentials required". */
export interface HttpAuthPolicy {
  /** Path relative to the plugin mount; a prefix matches everything below it. */
  path: string;
  allow: 'unauthenticated';
}

/** The plugin's express router, mounted at `/api/<pluginId>`. Every route requires credentials unless a policy opts it out. */
export interface HttpRouterService {
  /** Mounts a handler or router; its routes must match `backend.routes` in `plugin.yaml`. */
  use(handler: Handler): void;
  /** Opts a path out of authentication, e.g. a webhook receiver. */
  addAuthPolicy(policy: HttpAuthPolicy): void;
}
