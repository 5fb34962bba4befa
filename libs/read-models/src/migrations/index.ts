import { CreateParticipantsReadModel1763700001000 } from './1763700001000-create-participants-read-model.js';

export const readModelMigrations = [CreateParticipantsReadModel1763700001000];
