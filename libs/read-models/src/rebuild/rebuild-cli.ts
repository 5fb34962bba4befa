// Rebuilds read models from position zero and switches to them (libs/read-models/README.md, "Rebuild").
// Usage: node --max-semi-space-size=64 dist/libs/read-models/src/rebuild/rebuild-cli.js <projection…> | --all
// Reads DATABASE_URL like the API and the worker; use the schema owner's credentials.
import { loadConfig } from '@trialflow/config';
import { migrateWithLock } from '@trialflow/event-store';
import { createTrialflowDataSource } from '../data-source.js';
import { allProjections, projectionNamed } from '../read-models.js';
import { rebuildProjections } from './rebuild-projections.js';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  console.info(`usage: rebuild-cli <projection…> | --all\nprojections: ${allProjections.map((p) => p.name).join(', ')}`);
  process.exit(args.length === 0 ? 2 : 0);
}

const config = loadConfig();
const dataSource = createTrialflowDataSource(config.databaseUrl, { applicationName: 'trialflow-rebuild', poolSize: 2 });
try {
  const projections = args.includes('--all') ? allProjections : args.map(projectionNamed);
  await dataSource.initialize();
  await migrateWithLock(dataSource);
  const report = await rebuildProjections(dataSource, projections);
  console.info(JSON.stringify(report));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  if (dataSource.isInitialized) await dataSource.destroy();
}
