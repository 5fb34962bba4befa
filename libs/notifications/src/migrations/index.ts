import type { MigrationInterface } from 'typeorm';

/** Migrations of the notification outbox, run with the other migrations (read-models data-source.ts). */
export const notificationMigrations: (new () => MigrationInterface)[] = [];
