import type { SchedulerService } from '@atrium/plugin-api';

/** The core's scheduler: runs each task once per interval across every replica, using leases in the database. */
export interface Scheduler {
  /** The SchedulerService of one plugin; its task ids are namespaced as `<pluginId>.<taskId>`. */
  forPlugin(pluginId: string): SchedulerService;
  /** Starts taking leases on due tasks. */
  start(): Promise<void>;
  /** Stops taking leases, aborts running tasks' signals and waits for them to settle. */
  stop(): Promise<void>;
}
