/** Names a PostgreSQL server and database for error messages, never its password. */
export function describePostgresConnection(connection: string | Record<string, unknown>): string {
  if (typeof connection === 'string') {
    try {
      const url = new URL(connection);
      return `PostgreSQL database '${decodeURIComponent(url.pathname.slice(1))}' on ${url.hostname}:${url.port || 5432}`;
    } catch {
      return 'PostgreSQL database of backend.database.connection';
    }
  }
  const host = connection.host ?? 'localhost';
  const port = connection.port ?? 5432;
  const database = connection.database ?? connection.user ?? '';
  return `PostgreSQL database '${String(database)}' on ${String(host)}:${String(port)}`;
}
