// Projection rebuild rate over a generated history of realistic journeys. Prints JSON. See test/bench/README.md.
import { cpus } from 'node:os';
import { PostgresEventStore, migrateWithLock } from '@trialflow/event-store';
import { FEED_START, VIEW_METADATA_OF, allProjections, createTrialflowDataSource, readFeed, rebuildProjections } from '@trialflow/read-models';
import type { DataSource } from 'typeorm';
import { benchDatabase } from './support/bench-database.js';
import { generateHistory } from './support/generated-history.js';
import { progress, round3 } from './support/measure.js';

const args = new Map(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]));
const total = Number(args.get('events') ?? 1_000_000);
const TARGET = 50_000;

/** The ceiling: reading the whole feed as the projections read it (rebuild-sized pages), and nothing else. */
async function feedReadRate(dataSource: DataSource): Promise<number> {
  const started = performance.now();
  let events = 0;
  await dataSource.transaction(async (tx) => {
    for (let position = FEED_START; ; ) {
      const page = await readFeed(tx, position, 50_000, { metadataOf: VIEW_METADATA_OF });
      const last = page.at(-1);
      if (!last) break;
      events += page.length;
      position = { transactionId: last.transactionId, globalPosition: last.globalPosition };
    }
  });
  return Math.round(events / ((performance.now() - started) / 1000));
}

const rowCount = async (dataSource: DataSource, table: string): Promise<number> => Number((await dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

async function main(): Promise<void> {
  const db = await benchDatabase();
  const dataSource = createTrialflowDataSource(db.url, { poolSize: 6, applicationName: 'trialflow-bench' });
  try {
    await dataSource.initialize();
    await migrateWithLock(dataSource);
    progress(`generating ${total} events`);
    const generationStarted = performance.now();
    const history = await generateHistory(new PostgresEventStore(dataSource), total);
    const generationSeconds = (performance.now() - generationStarted) / 1000;
    await dataSource.query('VACUUM ANALYZE events');
    progress('reading the feed');
    const feedRead = await feedReadRate(dataSource);
    const single = [];
    for (const projection of allProjections) {
      progress(`rebuilding ${projection.name}`);
      const report = await rebuildProjections(dataSource, [projection]);
      const rows = await Promise.all(projection.tables.map((t) => rowCount(dataSource, t)));
      single.push({ projection: projection.name, events: report.events, seconds: round3(report.durationMs / 1000), eventsPerSecond: report.eventsPerSecond, rows: rows.reduce((a, b) => a + b, 0) });
    }
    progress('rebuilding every projection in one pass');
    const all = await rebuildProjections(dataSource, allProjections);
    const slowest = Math.min(...single.map((s) => s.eventsPerSecond));
    console.info(
      JSON.stringify(
        {
          bench: 'rebuild',
          machine: { cpus: cpus().length, node: process.version, nodeFlags: process.execArgv, postgres: db.serverVersion, ...db.settings },
          history: { events: history.events, participants: history.participants, generatedInSeconds: round3(generationSeconds), appendedEventsPerSecond: Math.round(history.events / generationSeconds) },
          feedReadOnly: { eventsPerSecond: feedRead },
          rebuildEachProjection: single,
          rebuildAllInOnePass: { projections: all.projections, events: all.events, seconds: round3(all.durationMs / 1000), eventsPerSecond: all.eventsPerSecond },
          target: { eventsPerSecondAtLeast: TARGET, slowestSingleProjection: slowest, met: slowest >= TARGET && all.eventsPerSecond >= TARGET },
        },
        null,
        2,
      ),
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await db.stop();
  }
}

await main();
