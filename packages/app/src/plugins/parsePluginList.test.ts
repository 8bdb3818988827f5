import { InputError } from '@atrium/plugin-api/frontend';
import { parsePluginList } from './parsePluginList';
import { testPluginItem } from './testPluginItem';

describe('parsePluginList', () => {
  it('accepts the answer of GET /api/core/plugins', () => {
    const items = [testPluginItem('hello'), testPluginItem('catalog', { frontend: undefined })];
    expect(parsePluginList({ items })).toEqual(items);
  });

  it('rejects a body without items', () => {
    expect(() => parsePluginList({ plugins: [] })).toThrow(InputError);
  });

  it('names the plugin whose frontend is malformed', () => {
    const item = testPluginItem('hello');
    const broken = { ...item, frontend: { ...item.frontend, export: './plugin' } };
    expect(() => parsePluginList({ items: [broken] })).toThrow(
      /plugin 'hello'.*'\.\/plugin' is not '\.\/module#exportName'/,
    );
  });

  it('names the list that is missing', () => {
    const item = testPluginItem('hello');
    const broken = { ...item, frontend: { ...item.frontend, pages: undefined } };
    expect(() => parsePluginList({ items: [broken] })).toThrow('frontend.pages is not a list');
  });
});
