import type { Duration, ScheduledTask, SchedulerService } from '../backend/services/SchedulerService';
import { ConflictError } from '../common/errors/ConflictError';
import { InputError } from '../common/errors/InputError';
import { NotFoundError } from '../common/errors/NotFoundError';

/** A scheduler that never runs anything on its own: tests run tasks explicitly. */
export interface FakeScheduler extends SchedulerService {
  /** Every task scheduled, in order. */
  readonly tasks: ScheduledTask[];
  /** Runs the task once and resolves when it has finished; a failing run rejects. */
  runTask(id: string): Promise<void>;
}

/**
 * Creates a scheduler for tests; it checks task ids and durations as the core
 * does. `triggerNow(id)` behaves like `runTask(id)`.
 *
 * @example
 * const scheduler = createFakeScheduler();
 * await plugin.init({ scheduler });
 * await scheduler.runTask('refresh-scores');
 */
export function createFakeScheduler(): FakeScheduler {
  const tasks: ScheduledTask[] = [];
  const runTask = async (id: string) => {
    const task = tasks.find((candidate) => candidate.id === id);
    if (!task) {
      const known = tasks.map((candidate) => candidate.id).join(', ') || 'none';
      throw new NotFoundError(`Task '${id}' is not scheduled (scheduled tasks: ${known})`);
    }
    await task.run(new AbortController().signal);
  };
  return {
    tasks,
    runTask,
    triggerNow: runTask,
    async schedule(task) {
      if (typeof task.id !== 'string' || !/^[A-Za-z0-9][\w.-]*$/.test(task.id)) {
        throw new InputError(
          `Task id ${JSON.stringify(task.id)} is invalid; use letters, digits, '.', '_' and '-'`,
        );
      }
      for (const setting of ['every', 'timeout', 'initialDelay'] as const) {
        const value = task[setting];
        if (value === undefined && setting !== 'every') {
          continue;
        }
        const ms = toMilliseconds(value);
        if (ms === undefined) {
          throw new InputError(
            `Invalid duration ${JSON.stringify(value)} for ${setting} of task '${task.id}'; use milliseconds or text such as '30s', '5m', '1h' or '1d'`,
          );
        }
        if (ms === 0 && setting !== 'initialDelay') {
          throw new InputError(`Task '${task.id}' needs an every and a timeout longer than zero`);
        }
      }
      if (tasks.some((candidate) => candidate.id === task.id)) {
        throw new ConflictError(`Task '${task.id}' is already scheduled; give each task its own id`);
      }
      tasks.push(task);
    },
  };
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** A duration in milliseconds, or `undefined` when it is not one. */
function toMilliseconds(value: Duration | undefined): number | undefined {
  if (typeof value === 'number') {
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  }
  const match = typeof value === 'string' ? /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(value.trim()) : null;
  const [, amount, unit] = match ?? [];
  if (amount === undefined || unit === undefined) {
    return undefined;
  }
  return Number(amount) * (UNIT_MS[unit] ?? 0);
}
