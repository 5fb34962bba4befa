import type { ParticipantEventType, Protocol } from '@trialflow/domain';
import type { RecordedEvent } from '../export-subject.js';

/**
 * Where each journey event sits in the ODM hierarchy (README.md, "ODM"): a study event (the phase or visit it
 * belongs to), a form of its own event type, keyed by the record it creates (entry, AE, DLT candidate,
 * deviation, reminder; else its stream position), and one item group. A correction or a void addresses the
 * location of the entry it restates, so a receiving system applies it to that very data.
 */
export interface StudyEventKind {
  readonly oid: string;
  readonly name: string;
  readonly type: 'Scheduled' | 'Unscheduled' | 'Common';
  readonly repeating: boolean;
  /** Position in the protocol's list of study events. */
  readonly rank: number;
}

export interface OdmLocation {
  readonly studyEvent: StudyEventKind;
  readonly studyEventRepeatKey?: string;
  /** The event type's code: FORM, ITEM GROUP and ITEM OIDs are built from it. */
  readonly code: string;
  readonly formName: string;
  readonly formRepeatKey: string;
}

type Section = 'SCREENING' | 'TREATMENT' | 'VISIT' | 'UNSCHEDULED' | 'SAFETY' | 'DEVIATIONS' | 'REMINDERS' | 'DISPOSITION' | 'RECORD';

const SECTIONS: Readonly<Record<Exclude<Section, 'VISIT'>, Omit<StudyEventKind, 'oid'>>> = {
  SCREENING: { name: 'Screening', type: 'Scheduled', repeating: false, rank: 10 },
  TREATMENT: { name: 'Washout, lymphodepletion and infusion', type: 'Scheduled', repeating: false, rank: 20 },
  UNSCHEDULED: { name: 'Unscheduled visit', type: 'Unscheduled', repeating: true, rank: 5000 },
  SAFETY: { name: 'Safety: adverse events, CRS, ICANS, DLT', type: 'Common', repeating: false, rank: 6000 },
  DEVIATIONS: { name: 'Protocol deviations', type: 'Common', repeating: false, rank: 7000 },
  REMINDERS: { name: 'Visit reminders', type: 'Common', repeating: false, rank: 8000 },
  DISPOSITION: { name: 'Disposition', type: 'Common', repeating: false, rank: 9000 },
  RECORD: { name: 'Record maintenance', type: 'Common', repeating: false, rank: 9500 },
};

/** Exhaustive on purpose: a new event type does not compile until it has a place in the export. */
const SECTION_OF: Readonly<Record<ParticipantEventType, Section>> = {
  ParticipantRegistered: 'SCREENING',
  ConsentSigned: 'SCREENING',
  ScreeningObservationRecorded: 'SCREENING',
  EligibilityAttested: 'SCREENING',
  EligibilityEvaluated: 'SCREENING',
  EligibilitySigned: 'SCREENING',
  ScreenFailed: 'SCREENING',
  RescreeningStarted: 'SCREENING',
  ScreeningWindowElapsed: 'SCREENING',
  Enrolled: 'SCREENING',
  MedicationStopped: 'TREATMENT',
  WashoutSatisfied: 'TREATMENT',
  LymphodepletionDosesCalculated: 'TREATMENT',
  LymphodepletionDoseAdministered: 'TREATMENT',
  LymphodepletionCompleted: 'TREATMENT',
  PreInfusionCheckRecorded: 'TREATMENT',
  ProductLotAllocated: 'TREATMENT',
  ProductThawStarted: 'TREATMENT',
  InfusionCompleted: 'TREATMENT',
  VisitCompleted: 'VISIT',
  VisitMissed: 'VISIT',
  EfficacyAssessed: 'VISIT',
  UnscheduledVisitRecorded: 'UNSCHEDULED',
  AdverseEventReported: 'SAFETY',
  SaeReportedToSponsor: 'SAFETY',
  CrsAssessed: 'SAFETY',
  IcansAssessed: 'SAFETY',
  DltCandidateFlagged: 'SAFETY',
  DltAdjudicated: 'SAFETY',
  DltWindowClosed: 'SAFETY',
  AeCollectionEnded: 'SAFETY',
  DeviationCandidateRaised: 'DEVIATIONS',
  DeviationConfirmed: 'DEVIATIONS',
  DeviationDismissed: 'DEVIATIONS',
  ReminderDue: 'REMINDERS',
  ReminderDelivered: 'REMINDERS',
  ReminderDeliveryFailed: 'REMINDERS',
  Withdrawn: 'DISPOSITION',
  LostToFollowUp: 'DISPOSITION',
  Died: 'DISPOSITION',
  StudyCompleted: 'DISPOSITION',
  // Only when the entry they restate is not in the stream (never for a sound stream): as records of their own.
  EntryCorrected: 'RECORD',
  EntryVoided: 'RECORD',
};

/** `AdverseEventReported` → `ADVERSE_EVENT_REPORTED`; `signature.signedAt` → `SIGNATURE.SIGNED_AT`. */
export const oidCode = (name: string): string =>
  name
    .split('.')
    .map((part) => part.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase())
    .join('.');

/** `AdverseEventReported` → `Adverse event reported`. */
export const sentenceOf = (type: string): string => {
  const words = type.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** The record an event creates or speaks about; the stream position when it has no identity of its own. */
function recordKey(recorded: RecordedEvent): string {
  const data = recorded.event.data as unknown as Record<string, unknown>;
  return text(data.aeId) ?? text(data.candidateId) ?? text(data.deviationId) ?? text(data.reminderId) ?? text(data.entryId) ?? String(recorded.stored.streamPosition);
}

function visitKind(protocol: Protocol | undefined, visitId: string): StudyEventKind {
  const index = protocol?.visits.findIndex((v) => v.id === visitId) ?? -1;
  const visit = index >= 0 ? protocol?.visits[index] : undefined;
  return { oid: `SE.VISIT.${oidCode(visitId)}`, name: visit?.label ?? `Visit ${visitId}`, type: 'Scheduled', repeating: false, rank: 100 + (index >= 0 ? index : 4000) };
}

/** The location of an event that records something new (not a correction or a void of an existing entry). */
export function locate(recorded: RecordedEvent, protocol: Protocol | undefined): OdmLocation {
  const { event } = recorded;
  const section = SECTION_OF[event.type];
  const key = recordKey(recorded);
  const base = { code: oidCode(event.type), formName: sentenceOf(event.type), formRepeatKey: key };
  if (section === 'VISIT') {
    const visitId = (event.data as { visitId: string }).visitId;
    return { ...base, studyEvent: visitKind(protocol, visitId) };
  }
  const studyEvent: StudyEventKind = { oid: `SE.${section}`, ...SECTIONS[section] };
  return section === 'UNSCHEDULED' ? { ...base, studyEvent, studyEventRepeatKey: key } : { ...base, studyEvent };
}
