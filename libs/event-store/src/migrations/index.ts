import { CreateEventStore1763700000000 } from './1763700000000-create-event-store.js';
import { HashChainedAppend1763700002000 } from './1763700002000-hash-chained-append.js';
import { ApplicationRole1763700002100 } from './1763700002100-application-role.js';

export { APPLICATION_ROLE } from './1763700002100-application-role.js';

/** Listed explicitly (no glob): ESM builds cannot be loaded by TypeORM's file-glob loader reliably. */
export const eventStoreMigrations = [CreateEventStore1763700000000, HashChainedAppend1763700002000, ApplicationRole1763700002100];
