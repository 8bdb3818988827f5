/** A duration in milliseconds or as text: `'30s'`, `'5m'`, `'1h'`, `'1d'`. */
export type Duration = number | string;

/** A recurring task. */
export interface ScheduledTask {
  /** Unique within the plugin. */
  id: string;
  /** How often the task runs, across all replicas together. */
  every: Duration;
  /** How long one run may take before its lease lapses and another replica may take over; defaults to `every`. */
  timeout?: Duration;
  /** Delay before the first run; defaults to none. */
  initialDelay?: Duration;
  /** The work; `signal` aborts at shutdown or when the timeout passes. */
  run(signal: AbortSignal): Promise<void>;
}

/** Runs tasks once per interval across every replica, using leases in the database. */
export interface SchedulerService {
  schedule(task: ScheduledTask): Promise<void>;
  /** Runs a task as soon as possible (on whichever replica takes its lease). */
  triggerNow(id: string): Promise<void>;
}
