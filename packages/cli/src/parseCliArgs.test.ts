import { parseCliArgs } from './parseCliArgs';

describe('parseCliArgs', () => {
  it('layers each --config file over app-config.yaml in order', () => {
    expect(parseCliArgs(['start', '--config', 'a.yaml', '--config', 'b.yaml'])).toEqual({
      command: 'start',
      configFiles: ['app-config.yaml', 'a.yaml', 'b.yaml'],
    });
  });

  it('shows help without a command', () => {
    expect(parseCliArgs([])).toEqual({ command: 'help' });
  });

  it('refuses an unknown command and shows the usage', () => {
    expect(() => parseCliArgs(['launch'])).toThrow(/Unknown command 'launch'[\s\S]*Usage: atrium/);
  });

  it('refuses an unknown option', () => {
    expect(() => parseCliArgs(['start', '--port', '1'])).toThrow(/Unknown option '--port'/);
  });
});
