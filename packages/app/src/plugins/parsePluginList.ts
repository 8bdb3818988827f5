import { InputError } from '@atrium/plugin-api/frontend';
import type { PluginListItem } from './PluginListItem';

const isString = (value: unknown): value is string => typeof value === 'string';
const isList = (value: unknown): value is unknown[] => Array.isArray(value);

function checkItem(value: unknown, index: number): PluginListItem {
  const item = value as Partial<PluginListItem> | null;
  const where = `GET /api/core/plugins: items[${index}]`;
  if (!isString(item?.id) || !isString(item.title) || !isString(item.status)) {
    throw new InputError(`${where} has no id, title or status`);
  }
  const frontend = item.frontend;
  if (frontend !== undefined) {
    if (!isString(frontend.remote) || !isString(frontend.entry) || !isString(frontend.export)) {
      throw new InputError(`${where} (plugin '${item.id}'): frontend needs remote, entry and export`);
    }
    if (!frontend.export.includes('#')) {
      throw new InputError(
        `${where} (plugin '${item.id}'): frontend.export '${frontend.export}' is not './module#exportName'`,
      );
    }
    for (const list of ['pages', 'entityTabs', 'entityCards', 'homeCards'] as const) {
      if (!isList(frontend[list])) {
        throw new InputError(`${where} (plugin '${item.id}'): frontend.${list} is not a list`);
      }
    }
  }
  return {
    description: '',
    owner: '',
    origin: 'bundled',
    config: {},
    ...item,
  } as PluginListItem;
}

/** Checks the answer of `GET /api/core/plugins` at the edge, so the rest of the shell can trust its shape. */
export function parsePluginList(body: unknown): PluginListItem[] {
  const items = (body as { items?: unknown } | null)?.items;
  if (!isList(items)) {
    throw new InputError('GET /api/core/plugins did not answer { items: [...] }');
  }
  return items.map(checkItem);
}
