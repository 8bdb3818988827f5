import { InputError } from '@atrium/plugin-api';

/** Serialises an event payload, which must be JSON so that it can reach other replicas. */
export function serializeEventPayload(topic: string, payload: unknown): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch (error) {
    throw new InputError(`The payload of event '${topic}' is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (json === undefined) {
    throw new InputError(`The payload of event '${topic}' is not JSON`);
  }
  return json;
}
