import type { LoggerService } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import type { Client, Notification } from 'pg';
import { advisoryLockKey, migrateWithLock } from '../database';
import type { EventSubscription } from './EventSubscription';
import type { EventSubscriptions } from './EventSubscriptions';
import type { EventTransport } from './EventTransport';
import { eventsMigrationSource } from './eventsMigrationSource';

/** The channel that announces the id of the newest event; never the payloads, which may be large. */
const channel = 'atrium_events';
/** Rows per insert, claim and fetch: well under PostgreSQL's 65,535 bind parameters. */
const batchSize = 1000;
const retentionMs = 60 * 60 * 1000;
const pruneIntervalMs = 60 * 1000;
const maxReconnectDelayMs = 5000;

interface EventRow {
  id: string;
  topic: string;
  payload: string;
}

/** How to build a {@link PostgresEventTransport}. */
export interface PostgresEventTransportOptions {
  /** A knex on the core namespace. */
  knex: Knex;
  subscriptions: EventSubscriptions;
  logger: LoggerService;
  instanceId: string;
  /** How often to look for events when no notification came, e.g. while the listener reconnects. */
  pollIntervalMs: number;
}

/**
 * Delivers events across replicas: each event is a row in the core schema, a NOTIFY tells the
 * replicas to read new rows, and a unique claim per (event, subscriber) lets exactly one replica
 * handle a `one-replica` event.
 */
export class PostgresEventTransport implements EventTransport {
  readonly #options: PostgresEventTransportOptions;
  /** The highest event id this instance has read. */
  #cursor: number;
  #started = false;
  #stopped = false;
  #listener: Client | undefined;
  #listening: Promise<void> | undefined;
  #reconnectAttempts = 0;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #pollTimer: NodeJS.Timeout | undefined;
  #pruneTimer: NodeJS.Timeout | undefined;
  #reading: Promise<void> | undefined;
  #readAgain = false;
  #pruning: Promise<void> | undefined;

  private constructor(options: PostgresEventTransportOptions, cursor: number) {
    this.#options = options;
    this.#cursor = cursor;
  }

  /** Applies the event tables' migrations and starts reading after the newest existing event. */
  static async create(options: PostgresEventTransportOptions): Promise<PostgresEventTransport> {
    const { knex } = options;
    await migrateWithLock(knex, {
      lockName: 'core.events',
      config: { migrationSource: eventsMigrationSource, tableName: 'events_migrations' },
    });
    const [row] = await knex('events').max({ max: 'id' });
    return new PostgresEventTransport(options, Number(row?.max ?? 0));
  }

  async publish(topic: string, payloads: string[]): Promise<void> {
    if (payloads.length === 0) {
      return;
    }
    const { knex, instanceId } = this.#options;
    await knex.transaction(async (trx) => {
      // Publishers take turns, so ids commit in increasing order and a reader that has seen
      // id N has seen everything below it.
      await trx.raw('select pg_advisory_xact_lock(?::bigint)', [advisoryLockKey('events.publish')]);
      let lastId = 0;
      for (let start = 0; start < payloads.length; start += batchSize) {
        const rows = payloads.slice(start, start + batchSize).map((payload) => ({
          topic,
          payload,
          published_by: instanceId,
        }));
        const inserted: Array<{ id: string }> = await trx('events').insert(rows).returning('id');
        lastId = Math.max(lastId, ...inserted.map((r) => Number(r.id)));
      }
      // Delivered on commit, only if the transaction commits.
      await trx.raw('select pg_notify(?, ?)', [channel, String(lastId)]);
    });
  }

  async start(): Promise<void> {
    this.#started = true;
    const { pollIntervalMs } = this.#options;
    this.#pollTimer = setInterval(() => this.#read(), pollIntervalMs);
    this.#pruneTimer = setInterval(() => this.#prune(), pruneIntervalMs);
    this.#listening = this.#listen();
    await this.#listening;
    this.#prune();
    this.#read();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#pollTimer);
    clearInterval(this.#pruneTimer);
    clearTimeout(this.#reconnectTimer);
    const listener = this.#listener;
    this.#listener = undefined;
    if (listener) {
      await this.#options.knex.client.destroyRawConnection(listener).catch(() => undefined);
    }
    await Promise.all([this.#listening, this.#reading, this.#pruning]);
  }

  async #listen(): Promise<void> {
    const { knex, logger } = this.#options;
    let connection: Client | undefined;
    try {
      connection = (await knex.client.acquireRawConnection()) as Client;
      const own = connection;
      own.on('notification', (message: Notification) => {
        if (message.channel === channel && Number(message.payload) > this.#cursor) {
          this.#read();
        }
      });
      const lost = (error?: Error) => {
        if (this.#listener !== own) {
          return;
        }
        this.#listener = undefined;
        logger.warn('Lost the connection that listens for events; reconnecting', { error });
        this.#reconnect();
      };
      own.on('error', lost);
      own.on('end', () => lost());
      await own.query(`LISTEN ${channel}`);
      if (this.#stopped) {
        await knex.client.destroyRawConnection(own);
        return;
      }
      this.#listener = own;
      this.#reconnectAttempts = 0;
      // Catch up on whatever was published while nobody listened.
      this.#read();
    } catch (error) {
      logger.warn('Could not listen for events; polling until the listener reconnects', { error });
      if (connection) {
        await knex.client.destroyRawConnection(connection).catch(() => undefined);
      }
      this.#reconnect();
    }
  }

  #reconnect(): void {
    if (this.#stopped) {
      return;
    }
    const delay = Math.min(100 * 2 ** this.#reconnectAttempts, maxReconnectDelayMs);
    this.#reconnectAttempts += 1;
    this.#reconnectTimer = setTimeout(() => {
      this.#listening = this.#listen();
    }, delay);
  }

  /** Reads new events; concurrent calls share one reader that goes round again. */
  #read(): void {
    if (!this.#started || this.#stopped) {
      return;
    }
    if (this.#reading) {
      this.#readAgain = true;
      return;
    }
    this.#reading = (async () => {
      do {
        this.#readAgain = false;
        await this.#readNewEvents();
      } while (this.#readAgain && !this.#stopped);
    })()
      .catch((error) =>
        this.#options.logger.warn('Could not read new events; retrying at the next poll', { error }),
      )
      .finally(() => {
        this.#reading = undefined;
      });
  }

  async #readNewEvents(): Promise<void> {
    const { knex, subscriptions } = this.#options;
    // Everything up to the newest committed id is final, because publishers take turns.
    const [newest] = await knex('events').max({ max: 'id' });
    const until = Math.max(this.#cursor, Number(newest?.max ?? 0));
    for (;;) {
      const topics = subscriptions.topics();
      const rows: EventRow[] =
        topics.length === 0
          ? []
          : await knex('events')
              .select('id', 'topic', 'payload')
              .where('id', '>', this.#cursor)
              .andWhere('id', '<=', until)
              .whereIn('topic', topics)
              .orderBy('id')
              .limit(batchSize);
      await this.#deliver(rows);
      const last = rows.at(-1);
      if (rows.length < batchSize || !last || this.#stopped) {
        this.#cursor = until;
        return;
      }
      this.#cursor = Number(last.id);
    }
  }

  async #deliver(rows: EventRow[]): Promise<void> {
    const { subscriptions } = this.#options;
    const won = new Map<EventSubscription, Set<string>>();
    for (const subscription of subscriptions.all()) {
      if (subscription.delivery === 'one-replica') {
        const ids = rows.filter((row) => row.topic === subscription.topic).map((row) => row.id);
        if (ids.length > 0) {
          won.set(subscription, await this.#claim(subscription, ids));
        }
      }
    }
    for (const row of rows) {
      for (const subscription of subscriptions.of(row.topic)) {
        if (subscription.delivery === 'every-replica' || won.get(subscription)?.has(row.id)) {
          subscription.enqueue(row.payload);
        }
      }
    }
  }

  /** Claims events for a subscription; returns the ids this instance won. */
  async #claim(subscription: EventSubscription, ids: string[]): Promise<Set<string>> {
    const { knex, instanceId } = this.#options;
    const claimed: Array<{ event_id: string }> = await knex('event_claims')
      .insert(ids.map((id) => ({ event_id: id, subscriber: subscription.key, claimed_by: instanceId })))
      .onConflict(['event_id', 'subscriber'])
      .ignore()
      .returning('event_id');
    return new Set(claimed.map((row) => String(row.event_id)));
  }

  /** Deletes events older than the retention, with their claims; any replica may do it. */
  #prune(): void {
    if (this.#pruning || this.#stopped) {
      return;
    }
    const { knex, logger } = this.#options;
    this.#pruning = knex('events')
      .where('created_at', '<', knex.raw('now() - make_interval(secs => ?)', [retentionMs / 1000]))
      .delete()
      .then(
        () => undefined,
        (error) => logger.warn('Could not prune old events', { error }),
      )
      .finally(() => {
        this.#pruning = undefined;
      });
  }
}
