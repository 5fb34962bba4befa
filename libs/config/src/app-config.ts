import { z } from 'zod';
import { DEFAULT_JOURNEY_TASK_QUEUE } from '@trialflow/contracts';
import { authEnvSchema, authIssues, toAuthConfig, type AuthConfig } from './auth-config.js';
import { emailList, nonEmptyText, problemsByVariable, wholeNumber } from './env-fields.js';

/**
 * The only place that reads the environment. Validated once at start-up so a bad setting stops the process
 * with the variable's name, instead of failing on first use.
 */
const envSchema = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'DATABASE_URL must be a postgres:// URL' }),
  TEMPORAL_ADDRESS: nonEmptyText().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: nonEmptyText().default('default'),
  TEMPORAL_TASK_QUEUE: nonEmptyText().default(DEFAULT_JOURNEY_TASK_QUEUE),
  API_HOST: nonEmptyText().default('127.0.0.1'),
  API_PORT: wholeNumber(0, 65535).default(3000),
  /** How long the API waits for the workflow to answer a command before it answers 503. */
  COMMAND_TIMEOUT_MS: wholeNumber(100, 120_000).default(10_000),
  /** How long a read with `minVersion` waits for the projection to catch up. */
  READ_YOUR_WRITES_TIMEOUT_MS: wholeNumber(0, 60_000).default(5_000),
  /**
   * Readiness (/health/ready) fails while any projection is further behind the event feed than either limit:
   * the screens (roster, worklist, safety board) would show a stale picture without saying so.
   */
  PROJECTION_LAG_MAX_EVENTS: wholeNumber(1, 10_000_000).default(1_000),
  PROJECTION_LAG_MAX_SECONDS: wholeNumber(1, 86_400).default(60),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' }).default('info'),
  /**
   * Journeys kept in the worker's memory between workflow tasks. Each costs ~2 MB (the workflow bundle's
   * modules are evaluated per workflow for isolation); open journeys waiting on timers need no cache slot,
   * they are replayed from their short (continued-as-new) history when a timer fires.
   */
  WORKER_MAX_CACHED_WORKFLOWS: wholeNumber(0, 100_000).default(250),
  /** Reminder delivery by webhook: HTTP POST signed with HMAC-SHA256 of the body under the secret. */
  NOTIFY_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'NOTIFY_WEBHOOK_URL must be an http(s) URL' }).optional(),
  NOTIFY_WEBHOOK_SECRET: z.string().min(16, 'NOTIFY_WEBHOOK_SECRET must be at least 16 characters').optional(),
  /** Reminder delivery by e-mail: smtp://host:port (or smtps://), sender and comma-separated recipients. */
  NOTIFY_SMTP_URL: z.string().regex(/^smtps?:\/\/[^/]+$/, 'NOTIFY_SMTP_URL must look like smtp://host:port').optional(),
  NOTIFY_EMAIL_FROM: z.email('must be an e-mail address').default('trialflow@localhost.localdomain'),
  NOTIFY_EMAIL_TO: emailList(),
  /**
   * `if-empty`: a system with no participant imports synthetic demo participants of both seed trials at start
   * (`npm start` sets it); `off`: never. Demo data is never added to a system that has a participant.
   */
  DEMO_DATA: z.enum(['off', 'if-empty'], { error: 'must be off or if-empty' }).default('off'),
  ...authEnvSchema.shape,
});

/**
 * The rules between variables (one needs another; a mode excludes a setting). They only ask whether a variable
 * is set (and the mode), so they are checked against the environment as given, next to the values' own checks:
 * one start lists every problem, even when some value is bad (a schema refinement would be skipped then).
 */
const betweenVariables = z
  .object({
    AUTH_MODE: authEnvSchema.shape.AUTH_MODE,
    AUTH_LOCAL_SIGNING_KEY: z.string().optional(),
    AUTH_OIDC_ISSUER: z.string().optional(),
    AUTH_OIDC_AUDIENCE: z.string().optional(),
    AUTH_OIDC_JWKS_URL: z.string().optional(),
    NOTIFY_WEBHOOK_URL: z.string().optional(),
    NOTIFY_WEBHOOK_SECRET: z.string().optional(),
    NOTIFY_SMTP_URL: z.string().optional(),
    NOTIFY_EMAIL_TO: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    authIssues(env, ctx);
    if (env.NOTIFY_WEBHOOK_URL && !env.NOTIFY_WEBHOOK_SECRET) ctx.addIssue({ code: 'custom', path: ['NOTIFY_WEBHOOK_SECRET'], message: 'required when NOTIFY_WEBHOOK_URL is set (receivers verify the signature)' });
    if (env.NOTIFY_SMTP_URL && (env.NOTIFY_EMAIL_TO ?? '').split(',').every((a) => a.trim() === '')) ctx.addIssue({ code: 'custom', path: ['NOTIFY_EMAIL_TO'], message: 'required when NOTIFY_SMTP_URL is set' });
  });

export interface AppConfig {
  readonly databaseUrl: string;
  readonly temporal: { readonly address: string; readonly namespace: string; readonly taskQueue: string; readonly maxCachedWorkflows: number };
  readonly api: { readonly host: string; readonly port: number; readonly commandTimeoutMs: number; readonly readYourWritesTimeoutMs: number };
  /** Readiness limits on how far a projection may be behind the event feed (events, seconds of the oldest not applied). */
  readonly readiness: { readonly maxProjectionLagEvents: number; readonly maxProjectionLagSeconds: number };
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Reminder channels; none configured = reminders are recorded in the outbox only (and reported undelivered). */
  readonly notifications: {
    readonly webhook?: { readonly url: string; readonly secret: string };
    readonly email?: { readonly smtpUrl: string; readonly from: string; readonly to: readonly string[] };
  };
  /** Who may call the API: the embedded local issuer with demo users, or an external OIDC provider. */
  readonly auth: AuthConfig;
  /** Whether an empty system imports the synthetic demo participants at start. */
  readonly demoData: 'off' | 'if-empty';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  const rules = betweenVariables.safeParse(env);
  if (!parsed.success || !rules.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(rules.error?.issues ?? [])];
    const lines = problemsByVariable(issues).map((line) => `  ${line}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    databaseUrl: e.DATABASE_URL,
    temporal: { address: e.TEMPORAL_ADDRESS, namespace: e.TEMPORAL_NAMESPACE, taskQueue: e.TEMPORAL_TASK_QUEUE, maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS },
    api: { host: e.API_HOST, port: e.API_PORT, commandTimeoutMs: e.COMMAND_TIMEOUT_MS, readYourWritesTimeoutMs: e.READ_YOUR_WRITES_TIMEOUT_MS },
    readiness: { maxProjectionLagEvents: e.PROJECTION_LAG_MAX_EVENTS, maxProjectionLagSeconds: e.PROJECTION_LAG_MAX_SECONDS },
    logLevel: e.LOG_LEVEL,
    notifications: {
      ...(e.NOTIFY_WEBHOOK_URL && e.NOTIFY_WEBHOOK_SECRET ? { webhook: { url: e.NOTIFY_WEBHOOK_URL, secret: e.NOTIFY_WEBHOOK_SECRET } } : {}),
      ...(e.NOTIFY_SMTP_URL ? { email: { smtpUrl: e.NOTIFY_SMTP_URL, from: e.NOTIFY_EMAIL_FROM, to: e.NOTIFY_EMAIL_TO } } : {}),
    },
    auth: toAuthConfig(e),
    demoData: e.DEMO_DATA,
  };
}

/**
 * For a process's entry point: the configuration, or else the problems on stderr, one line per bad variable
 * and no stack trace (a bad setting is the operator's to fix, not a bug), and exit code 1.
 */
export function loadConfigOrExit(env: Record<string, string | undefined> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
