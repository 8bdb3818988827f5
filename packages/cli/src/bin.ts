#!/usr/bin/env node
import { parseCliArgs, USAGE } from './parseCliArgs';
import { startCommand } from './startCommand';

async function main(): Promise<void> {
  const cli = parseCliArgs(process.argv.slice(2));
  if (cli.command === 'help') {
    console.log(USAGE);
    return;
  }
  await startCommand(cli.configFiles);
}

main().catch((error: Error) => {
  console.error(`atrium: ${error.message}`);
  process.exitCode = 1;
});
