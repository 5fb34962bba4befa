import { EFFICACY_INSTRUMENTS } from '@trialflow/domain';
import { z } from 'zod';
import { commandEndpoint } from './command-endpoint.js';
import { booleanField, codeField, commandBody, dateField, expected, reasonField } from './command-fields.js';

const assessmentsField = z
  .array(codeField('Assessment or instrument code, e.g. SLEDAI-2K.', 64), { error: expected('a list of assessment codes') })
  .max(100, 'must list at most 100 assessments')
  .describe('Assessments done at the visit.');

export const completeVisit = commandEndpoint({
  type: 'CompleteVisit',
  path: 'visits',
  summary: 'Record a scheduled visit as done',
  description: "A visit of the protocol's schedule with its actual date and the assessments done; a date outside the visit's window raises a deviation candidate.",
  body: commandBody('CompleteVisitRequest', 'A scheduled visit done.', {
    visitId: codeField('Visit of the schedule, e.g. D28 or M3.', 32),
    actualDate: dateField('Date the visit took place.'),
    assessments: assessmentsField,
  }),
  toData: (b) => ({ visitId: b.visitId, actualDate: b.actualDate, assessments: b.assessments }),
});

const SCORED_INSTRUMENTS = EFFICACY_INSTRUMENTS.map((i) => i.instrument) as [string, ...string[]];
const SCORE_UNITS = [...new Set(EFFICACY_INSTRUMENTS.map((i) => i.unit))] as [string, ...string[]];

export const recordEfficacyAssessment = commandEndpoint({
  type: 'RecordEfficacyAssessment',
  path: 'efficacy-assessments',
  summary: 'Record an efficacy score at a visit',
  description:
    "An instrument's score at a visit already recorded as done, for an instrument the protocol schedules there for the participant's cohort. The score is checked against the instrument's range (422 naming `value` otherwise); the journey derives the change from the screening baseline and the response under the instrument's published definition (SRI-4 SLEDAI-2K component, MG-ADL fall of ≥2 points, IgG4-RD RI fall of >50%), with the calculator's version. One score per instrument and visit: a rescore is a void and a new record.",
  body: commandBody('RecordEfficacyAssessmentRequest', 'A score of an efficacy instrument at a scheduled visit.', {
    visitId: codeField('Visit of the schedule, already recorded as done, e.g. D28 or M3.', 32),
    instrument: z.enum(SCORED_INSTRUMENTS, { error: expected(`one of ${SCORED_INSTRUMENTS.join(', ')}`) }).describe('The instrument scored (the name the protocol schedules).'),
    assessedOn: dateField('Date the instrument was assessed.'),
    value: z.number({ error: expected('a number') }).describe("The instrument's total score, within its range (e.g. SLEDAI-2K 0-105, MG-ADL 0-24, QMG 0-39, ECOG 0-5, PGA 0-3)."),
    unit: z.enum(SCORE_UNITS, { error: expected(`one of ${SCORE_UNITS.join(', ')}`) }).optional().describe('The unit of the value (optional).'),
  }),
  toData: (b) => ({ visitId: b.visitId, instrument: b.instrument, assessedOn: b.assessedOn, value: b.value, ...(b.unit === undefined ? {} : { unit: b.unit }) }),
});

export const recordUnscheduledVisit = commandEndpoint({
  type: 'RecordUnscheduledVisit',
  path: 'unscheduled-visits',
  summary: 'Record an unscheduled visit',
  description: 'A visit outside the schedule, with its reason and the assessments done.',
  body: commandBody('RecordUnscheduledVisitRequest', 'An unscheduled visit.', {
    visitDate: dateField('Date of the visit.'),
    reason: reasonField('Why the participant was seen.'),
    assessments: assessmentsField,
  }),
  toData: (b) => ({ visitDate: b.visitDate, reason: b.reason, assessments: b.assessments }),
});

export const confirmDeviation = commandEndpoint({
  type: 'ConfirmDeviation',
  path: 'deviations/confirmations',
  summary: 'Confirm a protocol deviation',
  description: 'Confirms a deviation candidate raised by the rules, with its importance (ICH E3 "important" deviation) and the reason.',
  body: commandBody('ConfirmDeviationRequest', 'Confirmation of a deviation candidate.', {
    deviationId: codeField('The deviation candidate, e.g. visit-out-of-window:M3.', 200),
    important: booleanField('Whether it is an important protocol deviation.'),
    reason: reasonField('Why it is confirmed (and its assessment), for the deviations log.'),
  }),
  toData: (b) => ({ deviationId: b.deviationId, important: b.important, reason: b.reason }),
});

export const dismissDeviation = commandEndpoint({
  type: 'DismissDeviation',
  path: 'deviations/dismissals',
  summary: 'Dismiss a deviation candidate',
  description: 'Dismisses a deviation candidate that is not a deviation, with the reason.',
  body: commandBody('DismissDeviationRequest', 'Dismissal of a deviation candidate.', {
    deviationId: codeField('The deviation candidate, e.g. visit-out-of-window:M3.', 200),
    reason: reasonField('Why it is not a deviation, for the deviations log.'),
  }),
  toData: (b) => ({ deviationId: b.deviationId, reason: b.reason }),
});

export const correctEntry = commandEndpoint({
  type: 'CorrectEntry',
  path: 'corrections',
  summary: 'Correct a recorded entry',
  description: 'A new event records the previous and corrected value of each field with the reason; the original entry stays in the record (21 CFR 11.10(e)). Later deadlines follow from the corrected values.',
  body: commandBody('CorrectEntryRequest', 'A correction of one entry.', {
    entryId: codeField('The entry corrected (the commandId that recorded it).', 200),
    changes: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, 'field names are letters and digits'),
        z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(100)], { error: expected('text, a number, true/false or a list of texts') }),
        { error: expected('an object of field → corrected value') },
      )
      .refine((changes) => Object.keys(changes).length > 0, 'must name at least one field')
      .refine((changes) => Object.keys(changes).length <= 20, 'must name at most 20 fields')
      .describe('Field → corrected value, e.g. {"grade": 2}. Which fields can be corrected depends on the entry.'),
    reason: reasonField('Why the entry is corrected.'),
  }),
  toData: (b) => ({ entryId: b.entryId, changes: b.changes, reason: b.reason }),
});

export const voidEntry = commandEndpoint({
  type: 'VoidEntry',
  path: 'voids',
  summary: 'Void a recorded entry',
  description: 'Marks an entry recorded in error as void, with the reason; it stays in the record, struck through.',
  body: commandBody('VoidEntryRequest', 'A void of one entry.', {
    entryId: codeField('The entry voided (the commandId that recorded it).', 200),
    reason: reasonField('Why the entry is void.'),
  }),
  toData: (b) => ({ entryId: b.entryId, reason: b.reason }),
});
