import { parentPort } from 'node:worker_threads';
import { prepareSqliteUpserts } from './prepareSqliteUpserts';
import type { SqliteUpsertRequest, SqliteUpsertResponse } from './SqliteUpsertPreparer';

/*
 * The worker thread that prepares upserts for SQLite (see SqliteUpsertPreparer):
 * each request is one chunk of a mutation, answered in the order it came.
 */
const port = parentPort;
if (!port) {
  throw new Error('sqliteUpsertWorker runs as a worker thread');
}
port.on('message', ({ id, json, offset }: SqliteUpsertRequest) => {
  let response: SqliteUpsertResponse;
  try {
    response = { id, upserts: prepareSqliteUpserts(json, offset) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    response = { id, error: { name, message } };
  }
  port.postMessage(response);
});
