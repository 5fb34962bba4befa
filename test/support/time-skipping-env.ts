import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporalTestServerPath } from '../../infra/dev/paths.mjs';
import { requireExecutable } from './require-executable.js';

const INDEXED_VALUE_TYPE_KEYWORD = 2; // temporal.api.enums.v1.IndexedValueType

/**
 * The Java time-skipping server, from the project's own launcher (never the SDK's download), with the
 * journey's search attributes registered: that server only knows its predefined ones.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = requireExecutable('TEMPORAL_TEST_SERVER_PATH', temporalTestServerPath(), 'bash infra/temporal-test-server/install.sh');
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(['TrialId', 'SiteId', 'CohortId', 'JourneyPhase'].map((name) => [name, INDEXED_VALUE_TYPE_KEYWORD])),
  });
  return env;
}
