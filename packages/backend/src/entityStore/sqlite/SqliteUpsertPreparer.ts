import { Worker } from 'node:worker_threads';
import { type EntityUpsert, InputError } from '@atrium/plugin-api';
import { prepareSqliteUpserts, type SqliteUpsert } from './prepareSqliteUpserts';

/** One chunk of a mutation for the worker; `offset` is the position of its first upsert. */
export interface SqliteUpsertRequest {
  id: number;
  json: string;
  offset: number;
}

/** The worker's answer to a request. */
export type SqliteUpsertResponse =
  | { id: number; upserts: SqliteUpsert[] }
  | { id: number; error: { name: string; message: string } };

/**
 * Upserts per chunk. Small enough that the first chunk is ready soon after a
 * mutation starts (the transaction waits for it), large enough that messages
 * cost little next to the work.
 */
const defaultChunkSize = 100;

/** Where and how to prepare upserts; both are set apart from the defaults only by tests. */
export interface SqliteUpsertPreparerOptions {
  /** The compiled `sqliteUpsertWorker.js`; without it, everything is prepared in-thread. */
  workerFile?: string;
  /** Upserts per chunk; a mutation of one chunk or less is prepared in-thread. */
  chunkSize?: number;
}

interface PendingChunk {
  resolve(upserts: SqliteUpsert[]): void;
  reject(error: Error): void;
}

function toJson(upserts: EntityUpsert[]): string {
  try {
    return JSON.stringify(upserts);
  } catch (error) {
    throw new InputError(`Upserts must be JSON data: ${(error as Error).message}`, { cause: error });
  }
}

function toError(error: { name: string; message: string }): Error {
  return error.name === 'InputError' ? new InputError(error.message) : new Error(error.message);
}

/**
 * Prepares SQLite upserts (validation, hash, search terms, full-text row) in
 * a worker thread, a chunk at a time, so that the thread holding the
 * transaction spends its time in SQLite while the next chunk is prepared on
 * the other core. A mutation of one chunk or less is prepared in-thread, as
 * is everything when there is no compiled worker (tests run the TypeScript
 * sources). A worker that dies fails the chunks it held; the next mutation
 * starts a new one.
 */
export class SqliteUpsertPreparer {
  readonly #workerFile: string | undefined;
  readonly #chunkSize: number;
  #worker: { thread: Worker; pending: Map<number, PendingChunk> } | undefined;
  #nextId = 0;

  constructor(options: SqliteUpsertPreparerOptions) {
    this.#workerFile = options.workerFile;
    this.#chunkSize = options.chunkSize ?? defaultChunkSize;
  }

  /**
   * The upserts prepared, in chunks in their order. Each chunk rejects with
   * its first invalid upsert's `InputError`; chunks nobody waits for once an
   * earlier one failed are dropped quietly.
   */
  prepare(upserts: EntityUpsert[]): Array<Promise<SqliteUpsert[]>> {
    const workerFile = this.#workerFile;
    if (workerFile === undefined || upserts.length <= this.#chunkSize) {
      return [new Promise((resolve) => resolve(prepareSqliteUpserts(toJson(upserts), 0)))];
    }
    const chunks: Array<Promise<SqliteUpsert[]>> = [];
    for (let offset = 0; offset < upserts.length; offset += this.#chunkSize) {
      const json = toJson(upserts.slice(offset, offset + this.#chunkSize));
      chunks.push(this.#request(workerFile, json, offset));
    }
    return chunks;
  }

  /** Stops the worker; chunks it still held fail. */
  async close(): Promise<void> {
    await this.#worker?.thread.terminate();
  }

  #request(workerFile: string, json: string, offset: number): Promise<SqliteUpsert[]> {
    const { thread, pending } = this.#start(workerFile);
    const id = this.#nextId++;
    const chunk = new Promise<SqliteUpsert[]>((resolve, reject) => {
      pending.set(id, { resolve, reject });
    });
    chunk.catch(() => {});
    // While chunks are out, the worker keeps the process alive; idle, it does not.
    thread.ref();
    thread.postMessage({ id, json, offset } satisfies SqliteUpsertRequest);
    return chunk;
  }

  #start(workerFile: string): { thread: Worker; pending: Map<number, PendingChunk> } {
    if (this.#worker) {
      return this.#worker;
    }
    const worker = { thread: new Worker(workerFile), pending: new Map<number, PendingChunk>() };
    const { thread, pending } = worker;
    thread.on('message', (response: SqliteUpsertResponse) => {
      const chunk = pending.get(response.id);
      pending.delete(response.id);
      if ('error' in response) {
        chunk?.reject(toError(response.error));
      } else {
        chunk?.resolve(response.upserts);
      }
      if (pending.size === 0) {
        thread.unref();
      }
    });
    const fail = (error: Error) => {
      if (this.#worker === worker) {
        this.#worker = undefined;
      }
      for (const chunk of pending.values()) {
        chunk.reject(error);
      }
      pending.clear();
    };
    thread.on('error', (error) =>
      fail(new Error(`The upsert worker failed: ${error.message}`, { cause: error })),
    );
    thread.on('exit', (code) => fail(new Error(`The upsert worker stopped (exit code ${code})`)));
    thread.unref();
    this.#worker = worker;
    return worker;
  }
}
