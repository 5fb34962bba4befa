import { createHash } from 'node:crypto';
import type { ImportJourneyRequest } from '@trialflow/contracts';
import type { Actor, ImportEntry, ParticipantCommand } from '@trialflow/domain';
import { COMMAND_ENDPOINTS } from '../commands/command-endpoints.js';
import type { ImportedEntry, ImportParticipantBody } from './import-participant.request.js';

/** A UUID (RFC 9562 version 8: name-based, SHA-256) that the same name always gives. */
function nameBasedUuid(name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The participantId of an imported participant, derived from the code rather than drawn at random: the
 * journey checks that the imported registration names its own id (the workflow input of the first start),
 * so a resent import — after a time-out, or after a refusal that started the journey but registered nobody
 * — must name the same id again to be answered, not refused.
 */
export const importedParticipantId = (participantCode: string): string => nameBasedUuid(`trialflow-imported-participant:${participantCode}`);

/**
 * The command id of the import's registration entry, derived from the import id: a resent import after the
 * journey continued as new is recognised by its entries' command ids, the registration's included.
 */
export const importRegistrationCommandId = (importId: string): string => nameBasedUuid(`trialflow-import-registration:${importId}`);

export interface ImportParties {
  readonly trialId: string;
  readonly participantId: string;
  /** The signed-in admin who attests the import (id, name, role). */
  readonly importedBy: Actor;
  readonly correlationId: string;
}

/** One entry as the journey takes it: the endpoint's own mapping of the body, made by the entry's actor at the participant's site. */
function commandOf(entry: ImportedEntry, siteId: string): ParticipantCommand {
  const endpoint = COMMAND_ENDPOINTS.get(entry.type)!;
  // An e-signed body comes without the password (recordedBodyOf); the endpoint's toData ignores it and marks
  // the signature re-authenticated, as it does once the API has confirmed a live signature.
  const data = endpoint.toData(entry.body as Parameters<typeof endpoint.toData>[0]);
  return { type: entry.type, commandId: entry.body.commandId, actor: { ...entry.actor, siteId }, data } as ParticipantCommand;
}

/**
 * The import as the journey's Update takes it: the registration at `registeredAt` (made by the importing
 * admin, for the id the journey is started with), then every entry's command at its instant.
 */
export function importRequestOf(body: ImportParticipantBody, parties: ImportParties): ImportJourneyRequest {
  const registration: ImportEntry = {
    at: body.registeredAt,
    command: {
      type: 'RegisterParticipant',
      commandId: importRegistrationCommandId(body.importId),
      actor: { ...parties.importedBy, siteId: body.siteId },
      data: {
        participantId: parties.participantId,
        participantCode: body.participantCode,
        trialId: parties.trialId,
        cohortId: body.cohortId,
        siteId: body.siteId,
        ...(body.ageYears === undefined ? {} : { ageYears: body.ageYears }),
        ...(body.sex === undefined ? {} : { sex: body.sex }),
      },
    },
  };
  return {
    importId: body.importId,
    importedBy: parties.importedBy,
    reason: body.reason,
    correlationId: parties.correlationId,
    entries: [registration, ...body.entries.map((entry) => ({ at: entry.at, command: commandOf(entry, body.siteId) }))],
  };
}
