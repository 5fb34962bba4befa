import type { ParticipantWorklist } from '@trialflow/read-models';
import { z } from 'zod';
import { deviationView, deviationViewSchema } from '../../queries/deviations/deviations.controller.js';
import { worklistItemView, worklistItemViewSchema } from '../../queries/worklist/worklist.controller.js';

export const pendingSignatureViewSchema = z
  .object({
    kind: z.enum(['ELIGIBILITY', 'DLT_ADJUDICATION']),
    subjectId: z.string().describe('The screening episode (eligibility) or the DLT candidate id.'),
    what: z.string(),
    sinceInstant: z.iso.datetime().nullable().describe('When the evaluation was made (eligibility).'),
    sinceDate: z.iso.date().nullable().describe("The candidate's onset date at the site (DLT)."),
  })
  .meta({ title: 'PendingSignature' });

export const worklistAsOfSchema = z
  .object({
    today: z.iso.date().nullable().describe("The site's calendar date at the instant, which the items' flags are relative to (null before registration)."),
    items: z.array(worklistItemViewSchema).describe("Open items up to the worklist's horizon, most urgent first, classified at the instant: due today, overdue, window open, closing soon."),
    deviationCandidates: z.array(deviationViewSchema).describe('Deviation candidates awaiting a decision at the instant.'),
    pendingSignatures: z.array(pendingSignatureViewSchema).describe("Decisions awaiting the investigator's e-signature at the instant."),
  })
  .meta({ title: 'WorklistAsOf' });

export type WorklistAsOfView = z.infer<typeof worklistAsOfSchema>;

/** The participant's worklist at an instant, in the shapes the live lists answer with (`/v1/worklist`, `/v1/deviations`). */
export function worklistAsOfView(worklist: ParticipantWorklist): WorklistAsOfView {
  const { today } = worklist;
  return {
    today,
    items: today === null ? [] : worklist.items.map((entry) => worklistItemView(entry, today)),
    deviationCandidates: worklist.deviationCandidates.map(deviationView),
    pendingSignatures: worklist.pendingSignatures.map((s) => ({ ...s })),
  };
}
