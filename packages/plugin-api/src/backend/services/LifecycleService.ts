/** Hooks into the backend's life; shutdown hooks run in reverse boot order. */
export interface LifecycleService {
  addShutdownHook(hook: () => Promise<void> | void): void;
}
