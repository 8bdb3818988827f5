import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { ConfigError } from './ConfigError';
import { isPlainObject } from './isPlainObject';

/** Reads and parses one app-config YAML file; an empty file is an empty layer. */
export async function loadConfigFile(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : 'cannot be read';
    throw new ConfigError(`${file}: config ${reason}: ${(error as Error).message}`, { cause: error });
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    // Only the first line: the rest quotes the file, which may hold a secret.
    const [reason] = (error as Error).message.split('\n');
    throw new ConfigError(`${file}: not valid YAML: ${reason}`, { cause: error });
  }
  if (data === null || data === undefined) {
    return {};
  }
  if (!isPlainObject(data)) {
    throw new ConfigError(`${file}: the top level must be a mapping of keys, not ${describe(data)}`);
  }
  return data;
}

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}
