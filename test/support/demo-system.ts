import { temporalCliPath } from '../../infra/dev/paths.mjs';
import { freePort } from '../../infra/dev/net.mjs';
import { startTemporalDevServer } from '../../infra/dev/temporal-dev-server.mjs';
import { startSystem, type RunningSystem } from './running-system.js';

/** Demo participants `npm start` imports into an empty database (libs/demo-data). */
const DEMO_PARTICIPANTS = 23;

/**
 * The system as `npm start` leaves it on an empty database: with the demo participants imported. On a Temporal
 * dev server of its own — the demo journeys' workflow ids are their participant codes (DEMO-U01, …), global to a
 * namespace, so two systems seeding on one server would find each other's journeys and record nothing of their
 * own. Waits until `ready` holds (by default: every demo participant is in the roster).
 */
export async function startDemoSystem(ready = async (system: RunningSystem) => (await participantsProjected(system)) >= DEMO_PARTICIPANTS): Promise<RunningSystem> {
  const temporal = await startTemporalDevServer({ cliPath: temporalCliPath(), port: await freePort() });
  let system: RunningSystem;
  try {
    system = await startSystem({ DEMO_DATA: 'if-empty', TEMPORAL_ADDRESS: temporal.address });
  } catch (error) {
    await temporal.stop();
    throw error;
  }
  // The import runs behind the start.
  for (let i = 0; i < 240 && !(await ready(system).catch(() => false)); i += 1) await new Promise((r) => setTimeout(r, 500));
  return {
    ...system,
    async stop() {
      await system.stop();
      await temporal.stop();
    },
  };
}

async function participantsProjected(system: RunningSystem): Promise<number> {
  const { rows } = await system.sql.query(`SELECT count(*)::int AS n FROM rm_participants`);
  return rows[0].n as number;
}
