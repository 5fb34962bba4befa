import { loadConfigOrExit } from '@trialflow/config';
import { pino } from 'pino';
import { installSdkLogger } from './sdk-logger.js';
import { startWorkerRuntime } from './worker-runtime.js';

const config = loadConfigOrExit();
const logger = pino({ name: 'trialflow-worker', level: config.logLevel });
installSdkLogger(logger);
const runtime = await startWorkerRuntime(config, logger);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'shutting down');
    void runtime.shutdown().then(() => process.exit(0));
  });
}
await runtime.done.catch((error: unknown) => {
  logger.fatal({ err: error }, 'worker failed');
  process.exit(1);
});
