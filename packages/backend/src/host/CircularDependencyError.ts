/** Plugins consume each other's services in a cycle; the message shows the cycle's path. */
export class CircularDependencyError extends Error {
  override readonly name = 'CircularDependencyError';

  constructor(readonly cycle: string[]) {
    super(
      `Plugins depend on each other in a cycle: ${cycle.join(' → ')}; ` +
        `break it by moving the shared service into a plugin that consumes neither`,
    );
  }
}
