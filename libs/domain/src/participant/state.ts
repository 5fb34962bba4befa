import type { IsoDate, IsoInstant } from '../shared/time.js';
import type { CriterionResult, DeviationCandidate, EfficacyAssessedV1, ObservationValue, ParticipantEvent, Signature } from './events.js';

export type JourneyPhase =
  | 'UNREGISTERED'
  | 'SCREENING'
  | 'SCREEN_FAILED'
  | 'ENROLLED'
  | 'LYMPHODEPLETION'
  | 'AWAITING_INFUSION'
  | 'DLT_WINDOW'
  | 'FOLLOW_UP'
  | 'ENDED';

export type EndReason = 'WITHDRAWN' | 'LOST_TO_FOLLOW_UP' | 'DIED' | 'COMPLETED';

export interface Entry<T> {
  readonly entryId: string;
  readonly type: string;
  readonly value: T;
}

export interface AdverseEvent {
  readonly aeId: string;
  readonly entryId: string;
  readonly term: string;
  readonly grade: number;
  readonly serious: boolean;
  readonly causality: string;
  readonly onsetOn: IsoDate;
  readonly resolvedOn?: IsoDate;
  readonly haematological?: boolean;
  readonly awareAt: IsoInstant;
  readonly reportedToSponsorAt?: IsoInstant;
}

/**
 * Everything the rules need, folded from the events. Plain data (no classes, no Maps) so it crosses the
 * Temporal boundary as JSON and an auditor's "as of" fold is the same code path.
 */
export interface ParticipantState {
  readonly version: number;
  readonly phase: JourneyPhase;
  readonly endReason?: EndReason;
  /** After withdrawal, safety follow-up continues only if the participant agreed to it. */
  readonly safetyFollowUpOnly: boolean;
  readonly participantId?: string;
  readonly participantCode?: string;
  readonly trialId?: string;
  readonly protocolVersion?: string;
  readonly cohortId?: string;
  readonly siteId?: string;
  readonly ageYears?: number;
  readonly sex?: 'F' | 'M';
  readonly registeredAt?: IsoInstant;
  readonly consent?: { readonly icfVersion: string; readonly signedOn: IsoDate; readonly signedAt: IsoInstant };
  readonly screening: {
    readonly episode: number;
    readonly openedAt?: IsoInstant;
    readonly windowElapsed: boolean;
    readonly failures: number;
    readonly observations: readonly Entry<ObservationValue>[];
    readonly attestations: readonly Entry<{ readonly criterionCode: string; readonly attested: boolean; readonly on: IsoInstant }>[];
    readonly evaluation?: { readonly results: readonly CriterionResult[]; readonly eligible: boolean; readonly recordHash: string; readonly evaluatedAt: IsoInstant };
    readonly signature?: Signature;
  };
  readonly doseLevelId?: string;
  readonly enrolledAt?: IsoInstant;
  readonly medicationStops: readonly Entry<{ readonly drugClass: string; readonly drugName: string; readonly lastDoseOn: IsoDate }>[];
  readonly washoutSatisfiedOn?: IsoDate;
  readonly ld: {
    readonly calculated?: { readonly entryId: string; readonly doses: readonly { readonly drug: string; readonly day: number; readonly doseMg: number }[] };
    readonly administered: readonly Entry<{ readonly drug: string; readonly day: number; readonly doseMg: number; readonly at: IsoInstant }>[];
    readonly startedAt?: IsoInstant;
    readonly completedAt?: IsoInstant;
  };
  readonly preInfusionCheck?: { readonly passed: boolean; readonly at: IsoInstant };
  readonly lot?: { readonly lotId: string; readonly bagIds: readonly string[]; readonly carPositiveCellsPerBag?: number };
  readonly thawStartedAt?: IsoInstant;
  readonly infusion?: { readonly entryId: string; readonly startedAt: IsoInstant; readonly completedAt: IsoInstant; readonly infusionDate: IsoDate; readonly percentOfTarget: number };
  readonly adverseEvents: readonly AdverseEvent[];
  readonly toxicityAssessments: readonly Entry<{ readonly kind: 'CRS' | 'ICANS'; readonly grade: number; readonly assessedAt: IsoInstant }>[];
  readonly dlt: {
    readonly candidates: readonly { readonly candidateId: string; readonly sourceEntryId: string; readonly rule: string; readonly adjudicated?: boolean; readonly isDlt?: boolean }[];
    readonly windowClosed: boolean;
  };
  readonly aeCollectionEnded: boolean;
  readonly visits: readonly Entry<{ readonly visitId: string; readonly actualDate: IsoDate; readonly inWindow: boolean }>[];
  readonly missedVisits: readonly string[];
  /** Instrument scores recorded at visits, with their change from baseline and response (voided ones removed). */
  readonly efficacyAssessments: readonly Entry<Omit<EfficacyAssessedV1['data'], 'entryId'>>[];
  readonly unscheduledVisits: readonly Entry<{ readonly visitDate: IsoDate; readonly reason: string }>[];
  readonly remindersSent: readonly string[];
  /** Reminders whose delivery outcome is recorded (delivered or failed). */
  readonly remindersDelivered: readonly { readonly reminderId: string; readonly delivered: boolean }[];
  readonly deviations: readonly (DeviationCandidate & { readonly status: 'CANDIDATE' | 'CONFIRMED' | 'DISMISSED' })[];
  readonly endedOn?: IsoDate;
}

export const initialState: ParticipantState = {
  version: 0,
  phase: 'UNREGISTERED',
  safetyFollowUpOnly: false,
  screening: { episode: 0, windowElapsed: false, failures: 0, observations: [], attestations: [] },
  medicationStops: [],
  ld: { administered: [] },
  adverseEvents: [],
  toxicityAssessments: [],
  dlt: { candidates: [], windowClosed: false },
  aeCollectionEnded: false,
  visits: [],
  missedVisits: [],
  efficacyAssessments: [],
  unscheduledVisits: [],
  remindersSent: [],
  remindersDelivered: [],
  deviations: [],
};

export type { ParticipantEvent };
