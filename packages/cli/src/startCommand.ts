import { createBackend } from '@atrium/backend';

/** Runs the portal until SIGTERM or SIGINT, then stops it gracefully. */
export async function startCommand(configFiles: string[]): Promise<void> {
  const backend = await createBackend({ configFiles, env: process.env });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    backend.logger.info(`Received ${signal}; finishing in-flight requests and shutting down`);
    await backend.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
