import { parseArgs } from 'node:util';

/** A parsed `atrium` command line. */
export type CliCommand = { command: 'start'; configFiles: string[] } | { command: 'help' };

/** The usage text `atrium help` prints. */
export const USAGE = `Usage: atrium <command> [options]

Commands:
  start [--config FILE]...   Start the portal with app-config.yaml, then each FILE layered on top
  help                       Show this text`;

/**
 * Parses `atrium` arguments; unknown commands and options throw with the usage.
 *
 * @example
 * parseCliArgs(['start', '--config', 'app-config.production.yaml'])
 */
export function parseCliArgs(argv: string[]): CliCommand {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { config: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  });
  const [command = 'help'] = positionals;
  if (values.help || command === 'help') {
    return { command: 'help' };
  }
  if (command === 'start') {
    return { command: 'start', configFiles: ['app-config.yaml', ...(values.config ?? [])] };
  }
  throw new Error(`Unknown command '${command}'\n\n${USAGE}`);
}
