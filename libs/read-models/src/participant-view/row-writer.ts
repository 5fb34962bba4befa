import type { EntityManager, ObjectLiteral } from 'typeorm';

type EntityClass = new () => ObjectLiteral;

const CHUNK_ROWS = 5_000;
const columnMaps = new WeakMap<EntityClass, readonly (readonly [string, string])[]>();

/** Entity property → column name, from the entity's TypeORM metadata (the entity is the schema's source of truth). */
function columnsOf(tx: EntityManager, entity: EntityClass): readonly (readonly [string, string])[] {
  let columns = columnMaps.get(entity);
  if (!columns) {
    columns = tx.connection.getMetadata(entity).columns.map((c) => [c.propertyName, c.databaseName] as const);
    columnMaps.set(entity, columns);
  }
  return columns;
}

/**
 * Replaces every row of the given participants in one read-model table: delete, then insert the rows
 * derived afresh from their views. Rows go in bulk as one JSON document per chunk (`json_populate_recordset`
 * over the table's own row type), one round trip per 5,000 rows: this is what lets a rebuild keep up with
 * tens of thousands of events a second. `table` is the physical name (live, or the fresh copy of a rebuild).
 */
export async function replaceParticipantRows(tx: EntityManager, table: string, entity: EntityClass, participantIds: readonly string[], rows: readonly ObjectLiteral[]): Promise<void> {
  if (participantIds.length === 0) return;
  await tx.query(`DELETE FROM ${table} WHERE participant_id = ANY($1::uuid[])`, [participantIds]);
  const columns = columnsOf(tx, entity);
  for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
    const chunk = rows.slice(start, start + CHUNK_ROWS).map((row) => {
      const record: Record<string, unknown> = {};
      for (const [property, column] of columns) record[column] = row[property] ?? null;
      return record;
    });
    await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(chunk)]);
  }
}
