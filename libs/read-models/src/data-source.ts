import { DataSource } from 'typeorm';
import { eventStoreMigrations } from '@trialflow/event-store';
import { notificationMigrations } from '@trialflow/notifications';
import { readModelMigrations } from './migrations/index.js';
import { readModelEntities } from './read-models.js';

/**
 * The one PostgreSQL data source of the API and the worker: read-model entities for TypeORM, and every
 * migration (event store, read models, notification outbox) so either process can bring a fresh database up to date.
 */
export function createTrialflowDataSource(databaseUrl: string, options: { poolSize?: number; applicationName?: string } = {}): DataSource {
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: readModelEntities,
    migrations: [...eventStoreMigrations, ...readModelMigrations, ...notificationMigrations],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'trialflow',
  });
}
