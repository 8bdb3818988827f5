import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request id of the work in progress. Module-level on purpose: the id must reach
 * every logger, however deep, without being threaded through calls.
 */
export const requestIdStorage = new AsyncLocalStorage<string>();
