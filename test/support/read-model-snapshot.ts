import type { DataSource } from 'typeorm';

export const READ_MODEL_TABLES = ['rm_participants', 'rm_worklist_items', 'rm_safety_entries', 'rm_deviations', 'rm_efficacy_results'] as const;

/** Every row of every read-model table, as JSON text in a fixed order: two builds are identical iff these are equal. */
export async function snapshotReadModels(dataSource: DataSource): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of READ_MODEL_TABLES) {
    const rows = (await dataSource.query(`SELECT to_jsonb(t)::text AS row FROM ${table} t ORDER BY 1`)) as { row: string }[];
    snapshot[table] = rows.map((r) => r.row);
  }
  return snapshot;
}

export const tableOid = async (dataSource: DataSource, table: string): Promise<number> =>
  Number(((await dataSource.query(`SELECT $1::regclass::oid AS oid`, [table])) as [{ oid: string }])[0].oid);

export const indexNames = async (dataSource: DataSource, table: string): Promise<string[]> =>
  ((await dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = $1 ORDER BY 1`, [table])) as { indexname: string }[]).map((r) => r.indexname);
