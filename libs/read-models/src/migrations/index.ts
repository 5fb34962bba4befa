import { CreateParticipantsReadModel1763700001000 } from './1763700001000-create-participants-read-model.js';
import { JourneyReadModels1763700002200 } from './1763700002200-journey-read-models.js';
import { EfficacyResponses1763700003100 } from './1763700003100-efficacy-responses.js';
import { EligibilityToSign1763700003200 } from './1763700003200-eligibility-to-sign.js';

export const readModelMigrations = [CreateParticipantsReadModel1763700001000, JourneyReadModels1763700002200, EfficacyResponses1763700003100, EligibilityToSign1763700003200];
