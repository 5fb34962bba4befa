import { DeviationRow } from './deviations/deviation.entity.js';
import { deviationsProjection } from './deviations/deviations.projection.js';
import { EfficacyResultRow } from './efficacy/efficacy-result.entity.js';
import { efficacyProjection } from './efficacy/efficacy.projection.js';
import { ParticipantRow } from './participants/participant.entity.js';
import { participantsProjection } from './participants/participants.projection.js';
import type { Projection } from './projector/projection.js';
import { SafetyEntryRow } from './safety/safety-entry.entity.js';
import { safetyProjection } from './safety/safety.projection.js';
import { WorklistItemRow } from './worklist/worklist-item.entity.js';
import { worklistProjection } from './worklist/worklist.projection.js';

export const readModelEntities = [ParticipantRow, WorklistItemRow, SafetyEntryRow, DeviationRow, EfficacyResultRow];

/** Every projection the worker keeps caught up, by name (the name is its checkpoint and its rebuild argument). */
export const allProjections: readonly Projection[] = [participantsProjection, worklistProjection, safetyProjection, deviationsProjection, efficacyProjection];

export function projectionNamed(name: string): Projection {
  const projection = allProjections.find((p) => p.name === name);
  if (!projection) throw new Error(`No projection '${name}'. Known: ${allProjections.map((p) => p.name).join(', ')}.`);
  return projection;
}
