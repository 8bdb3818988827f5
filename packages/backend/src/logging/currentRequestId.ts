import { requestIdStorage } from './requestIdStorage';

/** The id of the request being handled, or undefined outside {@link runWithRequestId}. */
export function currentRequestId(): string | undefined {
  return requestIdStorage.getStore();
}
