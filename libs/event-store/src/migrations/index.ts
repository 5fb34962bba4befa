import { CreateEventStore1763700000000 } from './1763700000000-create-event-store.js';

/** Listed explicitly (no glob): ESM builds cannot be loaded by TypeORM's file-glob loader reliably. */
export const eventStoreMigrations = [CreateEventStore1763700000000];
