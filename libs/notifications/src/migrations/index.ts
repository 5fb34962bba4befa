import type { MigrationInterface } from 'typeorm';
import { CreateNotificationOutbox1763700003000 } from './1763700003000-create-notification-outbox.js';

/** Migrations of the notification outbox, run with the other migrations (read-models data-source.ts). */
export const notificationMigrations: (new () => MigrationInterface)[] = [CreateNotificationOutbox1763700003000];
