import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils.js';


type History = ReturnType<typeof historyFromJSON>;

export const HISTORIES_DIR = new URL('../../workflows/histories/', import.meta.url).pathname;

/**
 * Saves the history of every run of a journey (following its continue-as-new chain) as JSON fixtures for the
 * replay tests. Synthetic participants only: histories hold payloads.
 */
export async function saveHistories(client: Client, workflowId: string, firstRunId: string, name: string): Promise<number> {
  const dir = join(HISTORIES_DIR, name);
  mkdirSync(dir, { recursive: true });
  let runId: string | undefined = firstRunId;
  let count = 0;
  while (runId) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    count += 1;
    writeFileSync(join(dir, `run-${String(count).padStart(2, '0')}.json`), `${historyToJSON(history)}\n`);
    const last = history.events?.at(-1);
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  return count;
}

export function loadHistories(): { workflowId: string; history: History }[] {
  return readdirSync(HISTORIES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(HISTORIES_DIR, d.name))
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ workflowId: `${d.name}/${f}`, history: historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, d.name, f), 'utf8'))) })),
    );
}
