export * from './participants/participant.entity.js';
export * from './participants/participants.projection.js';
export * from './projector/projection.js';
export * from './projector/event-feed.js';
export * from './projector/projector.js';
export * from './projector/projector-runner.js';
export * from './migrations/index.js';

import { participantsProjection } from './participants/participants.projection.js';
import { ParticipantRow } from './participants/participant.entity.js';

export const readModelEntities = [ParticipantRow];
export const allProjections = [participantsProjection];
export * from './data-source.js';
