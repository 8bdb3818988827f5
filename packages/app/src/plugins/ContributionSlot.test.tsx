/**
 * @jest-environment jsdom
 */
import '../jsdomTextEncoder';
import { defineFrontendPlugin, useConfig } from '@atrium/plugin-api/frontend';
import { act, render, screen } from '@testing-library/react';
import type { ShellServices } from '../services/ShellServices';
import { ShellServicesContext } from '../services/ShellServices';
import { ContributionSlot } from './ContributionSlot';
import { createPluginLoader } from './createPluginLoader';
import { testPluginItem } from './testPluginItem';

function Greeting() {
  const { banner } = useConfig<{ banner: string }>();
  return <p>{banner}</p>;
}

function Exploding(): never {
  throw new Error('boom while rendering');
}

const good = defineFrontendPlugin({ id: 'good', homeCards: { greeting: Greeting } });
const bad = defineFrontendPlugin({ id: 'bad', homeCards: { card: Exploding } });

async function renderSlots(modules: Record<string, unknown>) {
  const loader = createPluginLoader({
    registerRemotes: () => undefined,
    loadRemote: async <T,>(id: string) => {
      if (!(id in modules)) {
        throw new Error('Failed to load script resources. #RUNTIME-008');
      }
      return modules[id] as T;
    },
  });
  const plugins = [
    testPluginItem('good', { config: { banner: 'Hello from good' } }),
    testPluginItem('bad'),
    testPluginItem('gone'),
  ];
  loader.register(plugins);
  const services = { pluginLoader: loader } as unknown as ShellServices;
  await act(async () => {
    render(
      <ShellServicesContext value={services}>
        <ContributionSlot plugin={plugins[0] as never} kind="homeCards" contributionId="greeting" />
        <ContributionSlot plugin={plugins[1] as never} kind="homeCards" contributionId="card" />
        <ContributionSlot plugin={plugins[2] as never} kind="homeCards" contributionId="card" />
        <ContributionSlot plugin={plugins[0] as never} kind="homeCards" contributionId="undeclared" />
      </ShellServicesContext>,
    );
  });
}

describe('ContributionSlot', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('keeps each failure in its own slot and names the plugin and the reason', async () => {
    await renderSlots({ 'good/plugin': { goodPlugin: good }, 'bad/plugin': { badPlugin: bad } });
    expect(screen.getByText('Hello from good')).toBeTruthy();
    const alerts = screen.getAllByRole('alert').map((alert) => alert.textContent);
    expect(alerts).toEqual([
      expect.stringContaining('The Bad plugin (bad) failed while rendering'),
      expect.stringContaining('The Gone plugin (gone) failed to load'),
      expect.stringContaining("is missing a contributionplugin.yaml declares home card 'undeclared'"),
    ]);
    expect(alerts[0]).toContain('boom while rendering');
    expect(alerts[1]).toContain('#RUNTIME-008');
  });
});
