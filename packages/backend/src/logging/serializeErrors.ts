import { isPlainObject } from '../config/isPlainObject';

/**
 * A copy of a log value in which every `Error`, however deep, is a plain object with its
 * name, message, stack, own fields (such as `code`) and cause, so JSON output keeps them.
 */
export function serializeErrors(value: unknown, ancestors: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value !== 'object' || value === null) {
    return value;
  }
  if (ancestors.has(value)) {
    return '[Circular]';
  }
  if (!(value instanceof Error) && !Array.isArray(value) && !isPlainObject(value)) {
    return value;
  }
  ancestors.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item) => serializeErrors(item, ancestors));
    }
    const fields = Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, serializeErrors(item, ancestors)]),
    );
    if (!(value instanceof Error)) {
      return fields;
    }
    return {
      name: value.name,
      message: value.message,
      ...fields,
      ...(value.stack === undefined ? {} : { stack: value.stack }),
      ...(value.cause === undefined ? {} : { cause: serializeErrors(value.cause, ancestors) }),
    };
  } finally {
    ancestors.delete(value);
  }
}
