/**
 * The shapes of the API answers this app reads, as the OpenAPI document (`/docs/openapi.json`) states them.
 * Written here rather than imported: the web app is a client of the HTTP API only (.dependency-cruiser.cjs).
 * Only the fields the screens use are listed.
 */

export type Role = 'coordinator' | 'investigator' | 'auditor' | 'admin';

export interface User {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly sites: readonly string[];
}

export interface TokenAnswer {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  readonly expires_in: number;
  readonly user: User;
}

/** RFC 9457 problem details with the API's stable `code` and every bad field in `errors`. */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: readonly { readonly field: string; readonly message: string }[];
  readonly requestId?: string;
}

export interface Site {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  readonly utcOffsetMinutes: number;
}

export interface TrialSummary {
  readonly trialId: string;
  readonly protocolVersion: string;
  readonly title: string;
  readonly registry: string | null;
  readonly sites: readonly Site[];
  readonly cohorts: readonly { readonly id: string; readonly disease: string; readonly label: string }[];
}

export type Phase = 'UNREGISTERED' | 'SCREENING' | 'SCREEN_FAILED' | 'ENROLLED' | 'LYMPHODEPLETION' | 'AWAITING_INFUSION' | 'DLT_WINDOW' | 'FOLLOW_UP' | 'ENDED';

export interface NextVisit {
  readonly visitId: string;
  readonly label: string;
  readonly target: string;
  readonly opens: string;
  readonly closes: string;
}

/** GET /v1/participants/{id} and the roster's items. */
export interface Participant {
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly protocolVersion: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly phase: Phase;
  readonly endReason: string | null;
  readonly registeredAt: string;
  readonly doseLevelId: string | null;
  readonly enrolledAt: string | null;
  readonly infusionDate: string | null;
  readonly studyDay: number | null;
  readonly nextVisit: NextVisit | null;
  readonly nextDeadline: { readonly kind: string; readonly label: string; readonly dueAt: string } | null;
  readonly flags: {
    readonly safetyFollowUpOnly: boolean;
    readonly openDeviations: number;
    readonly pendingDltCandidates: number;
    readonly eligibilityToSignSince: string | null;
    readonly confirmedDlts: number;
    readonly saeReportsDue: number;
    readonly missedVisits: number;
    readonly dltWindowClosed: boolean;
    readonly aeCollectionEnded: boolean;
  };
  readonly streamVersion: number;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly nextCursor: string | null;
}

export interface WorklistItem {
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly itemId: string;
  readonly kind: string;
  readonly label: string;
  readonly visitId: string | null;
  readonly dueOn: string;
  readonly dueAt: string;
  readonly windowOpens: string | null;
  readonly windowCloses: string | null;
  readonly remindersSent: number;
  readonly escalated: boolean;
  readonly today: string;
  readonly dueToday: boolean;
  readonly overdue: boolean;
  readonly windowOpen: boolean;
  readonly closingSoon: boolean;
  readonly daysUntilDue: number;
}

export interface DeviationItem {
  readonly participantId: string;
  readonly participantCode: string;
  readonly siteId: string;
  readonly deviationId: string;
  readonly rule: string;
  readonly description: string;
  readonly status: string;
  readonly important?: boolean;
  readonly raisedAt?: string;
}

export interface CommandAnswer {
  readonly streamVersion: number;
  readonly summary: { readonly participantId: string; readonly phase: Phase; readonly participantCode: string };
}

export interface CriterionResult {
  readonly criterionId: string;
  readonly outcome: 'MET' | 'NOT_MET' | 'MISSING' | 'EXPIRED' | string;
  readonly basedOn?: { readonly value: unknown; readonly unit?: string; readonly observedOn?: string };
  readonly parts?: readonly CriterionResult[];
}

export interface EligibilityEvaluation {
  readonly episode: number;
  readonly evaluatedAt: string;
  readonly eligible: boolean;
  readonly results: readonly CriterionResult[];
  readonly recordHash: string;
  readonly signature?: { readonly signer: { readonly id: string; readonly name?: string }; readonly meaning: string; readonly signedAt: string } | null;
}

export interface Entry<T> {
  readonly entryId: string;
  readonly type: string;
  readonly value: T;
}

/** The domain's own state of the participant (GET …/audit/state). */
export interface JourneyState {
  readonly version: number;
  readonly phase: Phase;
  readonly endReason?: string;
  readonly ageYears?: number;
  readonly sex?: 'F' | 'M';
  readonly consent?: { readonly icfVersion: string; readonly signedOn: string; readonly signedAt: string };
  readonly screening: {
    readonly episode: number;
    readonly openedAt?: string;
    readonly windowElapsed: boolean;
    readonly failures: number;
    readonly observations: readonly Entry<{ readonly code: string; readonly value: unknown; readonly unit?: string; readonly observedOn: string; readonly source?: string }>[];
    readonly attestations: readonly Entry<{ readonly criterionCode: string; readonly attested: boolean; readonly on: string }>[];
    readonly evaluation?: { readonly results: readonly CriterionResult[]; readonly eligible: boolean; readonly recordHash: string; readonly evaluatedAt: string };
    readonly signature?: { readonly signer: { readonly id: string; readonly name?: string }; readonly meaning: string; readonly signedAt: string; readonly recordHash: string };
  };
  readonly doseLevelId?: string;
  readonly enrolledAt?: string;
  readonly medicationStops: readonly Entry<{ readonly drugClass: string; readonly drugName: string; readonly lastDoseOn: string }>[];
  readonly washoutSatisfiedOn?: string;
  readonly ld: {
    readonly calculated?: { readonly entryId: string; readonly doses: readonly LdDose[] };
    readonly administered: readonly Entry<LdDose & { readonly at: string }>[];
    readonly startedAt?: string;
    readonly completedAt?: string;
  };
  readonly preInfusionCheck?: { readonly passed: boolean; readonly at: string };
  readonly lot?: { readonly lotId: string; readonly bagIds: readonly string[]; readonly carPositiveCellsPerBag?: number };
  readonly thawStartedAt?: string;
  readonly infusion?: { readonly entryId: string; readonly startedAt: string; readonly completedAt: string; readonly infusionDate: string; readonly percentOfTarget: number };
  readonly adverseEvents: readonly AdverseEvent[];
  readonly toxicityAssessments: readonly Entry<{ readonly kind: 'CRS' | 'ICANS'; readonly grade: number; readonly assessedAt: string }>[];
  readonly dlt: { readonly candidates: readonly { readonly candidateId: string; readonly rule: string; readonly adjudicated?: boolean; readonly isDlt?: boolean }[]; readonly windowClosed: boolean };
  readonly visits: readonly Entry<{ readonly visitId: string; readonly actualDate: string; readonly inWindow: boolean }>[];
  readonly missedVisits: readonly string[];
  readonly efficacyAssessments: readonly Entry<EfficacyAssessment>[];
  readonly unscheduledVisits: readonly Entry<{ readonly visitDate: string; readonly reason: string; readonly assessments?: readonly string[] }>[];
  readonly deviations: readonly { readonly deviationId: string; readonly rule: string; readonly important: boolean; readonly description: string; readonly status: 'CANDIDATE' | 'CONFIRMED' | 'DISMISSED' }[];
  readonly endedOn?: string;
}

/** An instrument's score at a visit, with the change from baseline and the response the journey derived. */
export interface EfficacyAssessment {
  readonly visitId: string;
  readonly instrument: string;
  readonly assessedOn: string;
  readonly value: number;
  readonly unit: string;
  readonly baseline: { readonly entryId: string; readonly value: number; readonly observedOn: string } | null;
  readonly change: { readonly absolute: number; readonly percent: number | null; readonly algorithm: string } | null;
  readonly response: { readonly outcome: 'RESPONSE' | 'NO_RESPONSE' | 'NOT_EVALUABLE'; readonly definition: string; readonly algorithm?: string; readonly reason?: string } | null;
}

export interface AdverseEvent {
  readonly aeId: string;
  readonly entryId: string;
  readonly term: string;
  readonly grade: number;
  readonly serious: boolean;
  readonly causality: string;
  readonly onsetOn: string;
  readonly resolvedOn?: string;
  readonly haematological?: boolean;
  readonly awareAt: string;
  readonly reportedToSponsorAt?: string;
}

export interface LdDose {
  readonly drug: string;
  readonly day: number;
  readonly doseMg: number;
}

export interface PendingDeadline {
  readonly id: string;
  readonly kind: string;
  readonly dueAt: string;
  readonly label: string;
  readonly visitId?: string;
  readonly pastDue: boolean;
}

export interface StateAsOf {
  readonly asOf: string;
  readonly basis: 'recorded' | 'clinical';
  readonly positions: readonly number[];
  readonly currentVersion: number;
  readonly state: JourneyState;
  readonly pendingDeadlines: readonly PendingDeadline[];
  readonly worklist: WorklistAsOf;
}

/** The participant's worklist at the as-of instant, judged by the live worklist's rules. */
export interface WorklistAsOf {
  readonly today: string | null;
  readonly items: readonly WorklistItem[];
  readonly deviationCandidates: readonly DeviationItem[];
  readonly pendingSignatures: readonly {
    readonly kind: 'ELIGIBILITY' | 'DLT_ADJUDICATION';
    readonly subjectId: string;
    readonly what: string;
    readonly sinceInstant: string | null;
    readonly sinceDate: string | null;
  }[];
}

export interface TimelineEntry {
  readonly streamPosition: number;
  readonly eventId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly who: { readonly actorId: string; readonly role: string; readonly siteId: string | null } | null;
  /** Set on an imported journey's events: who ran the import (recordedAt is then the import's time). */
  readonly importedBy?: { readonly actorId: string | null; readonly role: string | null; readonly name: string | null } | null;
  readonly why: string | null;
  readonly correction: unknown;
  readonly voiding: unknown;
  readonly correctedBy: readonly number[];
  readonly voidedBy: number | null;
}

export interface Timeline {
  readonly participantId: string;
  readonly streamVersion: number;
  readonly entries: readonly TimelineEntry[];
}

export interface Verification {
  readonly ok: boolean;
  readonly checkedAt: string;
  readonly hashChain: { readonly ok: boolean; readonly eventsChecked: number; readonly firstBrokenLink: unknown };
  readonly workflowHistory: { readonly available: boolean; readonly ok?: boolean; readonly complete?: boolean; readonly counts?: Record<string, number> };
}

/** GET /v1/trials/{trialId}/efficacy-summary: one line per cohort, instrument (with a response definition) and visit. */
export interface EfficacySummaryLine {
  readonly cohortId: string;
  readonly instrument: string;
  readonly timepoint: string;
  readonly timepointLabel: string;
  readonly nominalDay: number | null;
  readonly assessed: number;
  readonly responders: number;
  readonly nonResponders: number;
  readonly notEvaluable: number;
  /** responders / assessed, 0-1. */
  readonly responseRate: number | null;
  /** 95 % Wilson score interval, 0-1. */
  readonly ci95: { readonly lower: number; readonly upper: number } | null;
  readonly medianChangeFromBaseline: number | null;
  readonly responseDefinition: string;
  readonly responseAlgorithm: string;
}

export interface EfficacySummary {
  readonly trialId: string;
  readonly sites: readonly string[];
  readonly lines: readonly EfficacySummaryLine[];
}
