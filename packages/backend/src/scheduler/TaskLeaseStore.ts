import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { isPostgres, migrateWithLock } from '../database';
import { schedulerMigrationSource } from './schedulerMigrationSource';

const table = 'scheduler_tasks';

/**
 * The tasks table: when each task is next due and which replica holds its lease. Every
 * change is one conditional UPDATE, so two replicas can never both take a lease.
 */
export class TaskLeaseStore {
  readonly #knex: Knex;
  /** The database clock in epoch milliseconds; an expression, so it is read at the moment of the write. */
  readonly #now: string;
  readonly #least: string;

  private constructor(knex: Knex) {
    this.#knex = knex;
    const postgres = isPostgres(knex);
    this.#now = postgres
      ? '(extract(epoch from clock_timestamp()) * 1000)::bigint'
      : "cast(unixepoch('subsec') * 1000 as integer)";
    this.#least = postgres ? 'least' : 'min';
  }

  /** Applies the table's migrations; safe with several replicas booting at once. */
  static async create(knex: Knex): Promise<TaskLeaseStore> {
    await migrateWithLock(knex, {
      lockName: 'core.scheduler',
      config: { migrationSource: schedulerMigrationSource, tableName: 'scheduler_migrations' },
    });
    return new TaskLeaseStore(knex);
  }

  /**
   * Records a task; a new one is due after `initialDelayMs`. A replica booting keeps the
   * shared cadence of a known task, but a shortened interval takes effect within one interval.
   */
  async register(id: string, options: { initialDelayMs: number; everyMs: number }): Promise<void> {
    const knex = this.#knex;
    await knex(table)
      .insert({ id, next_run_at: knex.raw(`${this.#now} + ?`, [options.initialDelayMs]) })
      .onConflict('id')
      .merge({
        next_run_at: knex.raw(`${this.#least}(??, excluded.next_run_at + ?)`, [
          `${table}.next_run_at`,
          options.everyMs,
        ]),
      });
  }

  /** Of the given tasks, those that are due and not leased by a live holder. */
  async due(ids: string[]): Promise<string[]> {
    return this.#whereClaimable(this.#knex(table).whereIn('id', ids)).pluck('id');
  }

  /** Takes the lease of a due task and schedules its next run; returns the lease token, or nothing if another replica was first. */
  async claim(
    id: string,
    options: { holder: string; everyMs: number; timeoutMs: number },
  ): Promise<string | undefined> {
    const knex = this.#knex;
    const token = randomUUID();
    const updated = await this.#whereClaimable(knex(table).where('id', id)).update({
      lease_holder: options.holder,
      lease_token: token,
      lease_expires_at: knex.raw(`${this.#now} + ?`, [options.timeoutMs]),
      next_run_at: knex.raw(`${this.#now} + ?`, [options.everyMs]),
      last_run_started_at: knex.raw(this.#now),
    });
    return updated === 1 ? token : undefined;
  }

  /** Gives a lease back, unless it lapsed and another replica took it since. */
  async release(id: string, token: string): Promise<void> {
    await this.#knex(table)
      .where({ id, lease_token: token })
      .update({
        lease_holder: null,
        lease_token: null,
        lease_expires_at: null,
        last_run_ended_at: this.#knex.raw(this.#now),
      });
  }

  /** Makes a task due now; false if no such task was ever scheduled. */
  async trigger(id: string): Promise<boolean> {
    const updated = await this.#knex(table)
      .where('id', id)
      .update({ next_run_at: this.#knex.raw(this.#now) });
    return updated === 1;
  }

  #whereClaimable<T extends Knex.QueryBuilder>(query: T): T {
    const now = this.#knex.raw(this.#now);
    return query
      .where('next_run_at', '<=', now)
      .andWhere((lease) => lease.whereNull('lease_token').orWhere('lease_expires_at', '<=', now)) as T;
  }
}
