import { isPlainObject } from '../config/isPlainObject';

const shownFirst = new Set(['timestamp', 'level', 'message', 'plugin']);

/**
 * One readable log line for development: `<time> <level> [<plugin>] <message> key=value …`,
 * followed by the stack of any error in the fields.
 */
export function formatPrettyLine(info: Record<string, unknown>): string {
  const plugin = typeof info.plugin === 'string' ? ` [${info.plugin}]` : '';
  const stacks: string[] = [];
  const fields = Object.entries(info)
    .filter(([key, value]) => !shownFirst.has(key) && value !== undefined)
    .map(([key, value]) => {
      if (isSerializedError(value)) {
        stacks.push(...describeError(value));
        return `${key}=${quote(`${value.name}: ${value.message}`)}`;
      }
      return `${key}=${typeof value === 'string' ? quote(value) : JSON.stringify(value)}`;
    });
  const line = [
    `${String(info.timestamp)} ${String(info.level)}${plugin} ${String(info.message)}`,
    ...fields,
  ];
  return [line.join(' '), ...stacks].join('\n');
}

interface SerializedError {
  name: unknown;
  message: unknown;
  stack: string;
  cause?: unknown;
}

function isSerializedError(value: unknown): value is SerializedError {
  return isPlainObject(value) && typeof value.stack === 'string' && typeof value.message === 'string';
}

function describeError(error: SerializedError): string[] {
  // The stack's first line repeats name and message, which the field already shows.
  const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
  if (!isSerializedError(error.cause)) {
    return frames;
  }
  return [
    ...frames,
    `  caused by ${String(error.cause.name)}: ${String(error.cause.message)}`,
    ...describeError(error.cause),
  ];
}

function quote(text: string): string {
  return /^[^\s"=]*$/.test(text) && text !== '' ? text : JSON.stringify(text);
}
