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

  it('gives one line per bad variable, however many rules it breaks, in terms an operator can act on', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/trialflow', ...env });
        return 'valid';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(message({ NOTIFY_EMAIL_TO: 'ops, trials@example.org, qa', COMMAND_TIMEOUT_MS: 'soon', LOG_LEVEL: 'loud' }).split('\n')).toEqual([
      'Invalid configuration:',
      '  COMMAND_TIMEOUT_MS: must be a whole number from 100 to 120000',
      '  LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent',
      '  NOTIFY_EMAIL_TO: must be comma-separated e-mail addresses; not an address: "ops", "qa"',
    ]);
    // The rules between variables are reported in the same start as a bad value elsewhere.
    expect(message({ API_PORT: '3000.5', AUTH_MODE: 'oidc' }).split('\n')).toEqual([
      'Invalid configuration:',
      '  API_PORT: must be a whole number from 0 to 65535',
      '  AUTH_OIDC_ISSUER: required when AUTH_MODE=oidc',
      '  AUTH_OIDC_AUDIENCE: required when AUTH_MODE=oidc',
      '  AUTH_OIDC_JWKS_URL: required when AUTH_MODE=oidc',
    ]);
  });

  it('bounds how far the read models may lag before the API reports not ready (1000 events, 60 s by default)', () => {
    const url = 'postgres://u:p@127.0.0.1:5432/trialflow';
    expect(loadConfig({ DATABASE_URL: url }).readiness).toEqual({ maxProjectionLagEvents: 1000, maxProjectionLagSeconds: 60 });
    expect(loadConfig({ DATABASE_URL: url, PROJECTION_LAG_MAX_EVENTS: '50', PROJECTION_LAG_MAX_SECONDS: '5' }).readiness).toEqual({ maxProjectionLagEvents: 50, maxProjectionLagSeconds: 5 });
    expect(() => loadConfig({ DATABASE_URL: url, PROJECTION_LAG_MAX_EVENTS: '0' })).toThrow(/PROJECTION_LAG_MAX_EVENTS: must be a whole number from 1 to 10000000/);
  });
});
