import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import type { Logger } from 'pino';

/**
 * Routes the Temporal SDK's logs (worker state, webpack bundling, core warnings) into the process's pino
 * logger as one JSON line each, at WARN and above unless the process logs at debug.
 */
export function installSdkLogger(logger: Logger): void {
  const level: LogLevel = logger.isLevelEnabled('debug') ? 'DEBUG' : 'WARN';
  Runtime.install({
    logger: new DefaultLogger(level, (entry) => {
      const method = entry.level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      logger[method]({ ...entry.meta, source: 'temporal-sdk' }, entry.message);
    }),
  });
}
