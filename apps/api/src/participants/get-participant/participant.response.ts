import { siteDateOf, studyDayOn, type ParticipantRow } from '@trialflow/read-models';
import { z } from 'zod';
import { END_REASONS, JOURNEY_PHASES } from '../commands/command-result.schema.js';

const date = () => z.iso.date().nullable();
const instant = () => z.iso.datetime().nullable();

/** A participant as the roster read model has them; the schema documents the answer (it is not used to validate). */
export const participantViewSchema = z
  .object({
    participantId: z.uuid(),
    participantCode: z.string().describe('Pseudonymous participant code.'),
    trialId: z.string(),
    protocolVersion: z.string(),
    cohortId: z.string(),
    siteId: z.string(),
    phase: z.enum(JOURNEY_PHASES),
    endReason: z.enum(END_REASONS).nullable(),
    registeredAt: z.iso.datetime(),
    screeningWindowElapsed: z.boolean(),
    doseLevelId: z.string().nullable(),
    enrolledAt: instant(),
    infusionDate: date().describe('Calendar date of the infusion at the site.'),
    studyDay: z.number().int().nullable().describe("Today's study day at the site, under the protocol's day numbering (null before the infusion)."),
    nextVisit: z
      .object({ visitId: z.string(), label: z.string().nullable(), target: date(), opens: date(), closes: date() })
      .nullable()
      .describe('The next scheduled visit and its window.'),
    nextDeadline: z.object({ kind: z.string(), label: z.string().nullable(), dueAt: instant() }).nullable(),
    flags: z
      .object({
        safetyFollowUpOnly: z.boolean(),
        openDeviations: z.number().int(),
        pendingDltCandidates: z.number().int(),
        eligibilityToSignSince: instant().nullable().describe("Since when an eligible evaluation waits for the investigator's e-signature."),
        confirmedDlts: z.number().int(),
        saeReportsDue: z.number().int(),
        missedVisits: z.number().int(),
        dltWindowClosed: z.boolean(),
        aeCollectionEnded: z.boolean(),
      })
      .describe('What needs attention.'),
    streamVersion: z.number().int().describe('The stream version this row reflects (also the ETag).'),
  })
  .meta({ title: 'Participant' });

export type ParticipantView = z.infer<typeof participantViewSchema>;

export const toParticipantView = (row: ParticipantRow, now: Date = new Date()): ParticipantView => ({
  participantId: row.participantId,
  participantCode: row.participantCode,
  trialId: row.trialId,
  protocolVersion: row.protocolVersion,
  cohortId: row.cohortId,
  siteId: row.siteId,
  phase: row.phase as ParticipantView['phase'],
  endReason: row.endReason as ParticipantView['endReason'],
  registeredAt: row.registeredAt.toISOString(),
  screeningWindowElapsed: row.screeningWindowElapsed,
  doseLevelId: row.doseLevelId,
  enrolledAt: row.enrolledAt?.toISOString() ?? null,
  infusionDate: row.infusionDate,
  studyDay: studyDayOn(row, siteDateOf(row, now)),
  nextVisit: row.nextVisitId
    ? { visitId: row.nextVisitId, label: row.nextVisitLabel, target: row.nextVisitTarget, opens: row.nextVisitOpens, closes: row.nextVisitCloses }
    : null,
  nextDeadline: row.nextDeadlineKind ? { kind: row.nextDeadlineKind, label: row.nextDeadlineLabel, dueAt: row.nextDeadlineAt?.toISOString() ?? null } : null,
  flags: {
    safetyFollowUpOnly: row.safetyFollowUpOnly,
    openDeviations: row.openDeviations,
    pendingDltCandidates: row.pendingDltCandidates,
    eligibilityToSignSince: row.eligibilityToSignSince?.toISOString() ?? null,
    confirmedDlts: row.confirmedDlts,
    saeReportsDue: row.saeReportsDue,
    missedVisits: row.missedVisits,
    dltWindowClosed: row.dltWindowClosed,
    aeCollectionEnded: row.aeCollectionEnded,
  },
  streamVersion: row.lastStreamVersion,
});
