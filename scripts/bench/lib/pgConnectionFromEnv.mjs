/** The PostgreSQL server to benchmark on, from ATRIUM_TEST_PG_* (default postgres@127.0.0.1:5432). */
export function pgConnectionFromEnv() {
  return {
    host: process.env.ATRIUM_TEST_PG_HOST ?? '127.0.0.1',
    port: Number(process.env.ATRIUM_TEST_PG_PORT ?? 5432),
    user: process.env.ATRIUM_TEST_PG_USER ?? 'postgres',
    password: process.env.ATRIUM_TEST_PG_PASSWORD,
  };
}
