import { requestIdStorage } from './requestIdStorage';

/**
 * Runs `fn` so that every log line written during it, including after awaits and in
 * callbacks it schedules, carries `requestId`.
 *
 * @example
 * runWithRequestId(randomUUID(), () => next());
 */
export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return requestIdStorage.run(requestId, fn);
}
