import { findPluginForPath } from './findPluginForPath';
import { testPluginItem } from './testPluginItem';

const base = testPluginItem('scores');
const scores = testPluginItem('scores', {
  frontend: {
    ...(base.frontend as NonNullable<typeof base.frontend>),
    pages: [{ id: 'index', path: '/scores', title: 'Scores' }],
    entityTabs: [{ id: 'tab', path: 'scorecard', title: 'Scorecard' }],
  },
});

describe('findPluginForPath', () => {
  it('finds the owner of a page and of the paths below it', () => {
    expect(findPluginForPath([scores], '/scores')).toBe('scores');
    expect(findPluginForPath([scores], '/scores/checks/1')).toBe('scores');
  });

  it('finds the owner of the entity tab the path names', () => {
    expect(findPluginForPath([scores], '/catalog/default/component/x/scorecard')).toBe('scores');
  });

  it('finds nothing for the entity overview or a shell page', () => {
    expect(findPluginForPath([scores], '/catalog/default/component/x')).toBeUndefined();
    expect(findPluginForPath([scores], '/settings')).toBeUndefined();
  });
});
