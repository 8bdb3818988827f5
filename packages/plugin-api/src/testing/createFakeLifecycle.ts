import type { LifecycleService } from '../backend/services/LifecycleService';

/** A lifecycle whose shutdown a test triggers. */
export interface FakeLifecycle extends LifecycleService {
  /** Runs every hook once, newest first; rejects with the first failure after all have run. */
  shutdown(): Promise<void>;
}

/**
 * Creates a lifecycle service for tests.
 *
 * @example
 * const lifecycle = createFakeLifecycle();
 * await plugin.init({ lifecycle });
 * await lifecycle.shutdown(); // runs the plugin's hooks in reverse order
 */
export function createFakeLifecycle(): FakeLifecycle {
  const hooks: Array<() => Promise<void> | void> = [];
  return {
    addShutdownHook(hook) {
      hooks.push(hook);
    },
    async shutdown() {
      const failures: unknown[] = [];
      // Hooks registered later may depend on earlier ones, so they stop first.
      for (const hook of hooks.splice(0).reverse()) {
        try {
          await hook();
        } catch (error) {
          failures.push(error);
        }
      }
      if (failures.length > 0) {
        throw failures[0];
      }
    },
  };
}
