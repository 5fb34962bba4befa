import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('applies the embedded defaults around a database URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/trialflow' })).toMatchObject({
      temporal: { address: '127.0.0.1:7233', namespace: 'default', taskQueue: 'participant-journey' },
      api: { port: 3000, commandTimeoutMs: 10_000 },
    });
  });

  it('stops with every bad variable named', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', API_PORT: '70000' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', API_PORT: '70000' })).toThrow(/DATABASE_URL[\s\S]*API_PORT/);
  });
});
