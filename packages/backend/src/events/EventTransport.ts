/** Carries published events to the subscriptions of this instance, and on PostgreSQL of every replica. */
export interface EventTransport {
  /** Publishes serialised payloads of one event, in order, as one batch. */
  publish(topic: string, payloads: string[]): Promise<void>;
  start(): Promise<void>;
  /** Stops handing events to subscriptions; they drain their queues on their own. */
  stop(): Promise<void>;
}
