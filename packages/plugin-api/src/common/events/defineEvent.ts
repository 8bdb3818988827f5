/**
 * A typed event: an id of the form `<pluginId>.<noun>.<pastVerb>` and, for
 * type inference only, the shape of its payload. Payloads must be JSON.
 */
export interface EventDefinition<TPayload> {
  readonly id: string;
  /** Phantom field carrying the payload type; never set at run time. */
  readonly payloadType?: TPayload;
}

/**
 * Declares an event. The id must also appear in the emitting plugin's
 * `plugin.yaml` under `backend.events.emits`.
 *
 * @example
 * export const scoreChangedEvent = defineEvent<{ entityRef: string; score: number }>('scorecards.score.changed');
 */
export function defineEvent<TPayload>(id: string): EventDefinition<TPayload> {
  return { id };
}
