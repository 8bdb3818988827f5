import {
  ConflictError,
  InputError,
  type LoggerService,
  NotFoundError,
  type ScheduledTask,
  type SchedulerService,
} from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { parseDuration } from './parseDuration';
import type { Scheduler } from './Scheduler';
import { TaskLeaseStore } from './TaskLeaseStore';

/** setTimeout fires at once beyond this, so longer timeouts get no abort timer: no run lives that long. */
const maxTimerMs = 2 ** 31 - 1;
const taskIdPattern = /^[A-Za-z0-9][\w.-]*$/;

interface LocalTask {
  pluginId: string;
  run: ScheduledTask['run'];
  everyMs: number;
  timeoutMs: number;
}

interface Run {
  controller: AbortController;
  done: Promise<void>;
}

/**
 * Creates the scheduler. A task is due once per `every` across all replicas: the replica that
 * first takes its lease in the core namespace runs it, and the lease lapses after `timeout`
 * so that another replica takes over if the holder dies.
 *
 * @example
 * const scheduler = await createScheduler({ knex: coreKnex, logger, instanceId });
 * await scheduler.forPlugin('catalog').schedule({ id: 'refresh', every: '5m', run: refreshAll });
 * await scheduler.start();
 */
export async function createScheduler(options: {
  /** A knex on the core namespace. */
  knex: Knex;
  logger: LoggerService;
  instanceId: string;
  /** How often to look for due tasks; default 1 s. */
  pollIntervalMs?: number;
}): Promise<Scheduler> {
  const { knex, logger, instanceId, pollIntervalMs = 1000 } = options;
  const store = await TaskLeaseStore.create(knex);
  const tasks = new Map<string, LocalTask>();
  const running = new Map<string, Run>();
  let state: 'created' | 'started' | 'stopped' = 'created';
  let pollTimer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;

  const run = (id: string, task: LocalTask, token: string): void => {
    const controller = new AbortController();
    const timer =
      task.timeoutMs <= maxTimerMs ? setTimeout(() => controller.abort(), task.timeoutMs) : undefined;
    const done = (async () => {
      try {
        logger.debug(`Running task '${id}'`, { pluginId: task.pluginId, taskId: id });
        await task.run(controller.signal);
      } catch (error) {
        logger.error(`Task '${id}' of plugin '${task.pluginId}' failed`, {
          pluginId: task.pluginId,
          taskId: id,
          error,
        });
      } finally {
        clearTimeout(timer);
        await store.release(id, token).catch((error) =>
          logger.warn(`Could not release the lease of task '${id}'; it lapses on its own`, {
            taskId: id,
            error,
          }),
        );
        running.delete(id);
      }
    })();
    running.set(id, { controller, done });
  };

  const claimDueTasks = async (): Promise<void> => {
    const idle = [...tasks.keys()].filter((id) => !running.has(id));
    if (idle.length === 0) {
      return;
    }
    for (const id of await store.due(idle)) {
      const task = tasks.get(id);
      if (state !== 'started' || !task || running.has(id)) {
        continue;
      }
      const token = await store.claim(id, {
        holder: instanceId,
        everyMs: task.everyMs,
        timeoutMs: task.timeoutMs,
      });
      if (token && state === 'started') {
        run(id, task, token);
      } else if (token) {
        await store.release(id, token);
      }
    }
  };

  /** Looks for due tasks; concurrent calls share one look that goes round again. */
  const poll = (): void => {
    if (state !== 'started') {
      return;
    }
    if (polling) {
      pollAgain = true;
      return;
    }
    polling = (async () => {
      do {
        pollAgain = false;
        await claimDueTasks();
      } while (pollAgain && state === 'started');
    })()
      .catch((error) => logger.warn('Could not look for due tasks; retrying at the next poll', { error }))
      .finally(() => {
        polling = undefined;
      });
  };

  const forPlugin = (pluginId: string): SchedulerService => ({
    async schedule(task) {
      if (typeof task.id !== 'string' || !taskIdPattern.test(task.id)) {
        throw new InputError(
          `Plugin '${pluginId}' schedules a task with id ${JSON.stringify(task.id)}; use letters, digits, '.', '_' and '-'`,
        );
      }
      const id = `${pluginId}.${task.id}`;
      const everyMs = parseDuration(task.every, `every of task '${id}'`);
      const timeoutMs =
        task.timeout === undefined ? everyMs : parseDuration(task.timeout, `timeout of task '${id}'`);
      const initialDelayMs =
        task.initialDelay === undefined
          ? 0
          : parseDuration(task.initialDelay, `initialDelay of task '${id}'`);
      if (everyMs <= 0 || timeoutMs <= 0) {
        throw new InputError(`Task '${id}' needs an every and a timeout longer than zero`);
      }
      if (tasks.has(id)) {
        throw new ConflictError(
          `Task '${id}' is already scheduled; give each task of plugin '${pluginId}' its own id`,
        );
      }
      tasks.set(id, { pluginId, run: task.run.bind(task), everyMs, timeoutMs });
      try {
        await store.register(id, { initialDelayMs, everyMs });
      } catch (error) {
        tasks.delete(id);
        throw error;
      }
      poll();
    },
    async triggerNow(taskId) {
      const id = `${pluginId}.${taskId}`;
      if (!(await store.trigger(id))) {
        throw new NotFoundError(`Task '${id}' is not scheduled`);
      }
      poll();
    },
  });

  return {
    forPlugin,
    async start() {
      if (state !== 'created') {
        return;
      }
      state = 'started';
      pollTimer = setInterval(poll, pollIntervalMs);
      poll();
    },
    async stop() {
      state = 'stopped';
      clearInterval(pollTimer);
      await polling;
      const runs = [...running.values()];
      for (const { controller } of runs) {
        controller.abort();
      }
      await Promise.all(runs.map(({ done }) => done));
    },
  };
}
