import { isAnyOf, isSimple, type Criterion, type Protocol, type SimpleCriterion } from '../../api/protocol.js';
import type { JourneyState, LdDose, Role } from '../../api/types.js';

/**
 * What can be recorded next for a participant, in the protocol's order, and who records it. Derived from
 * the domain's state (GET …/audit/state) so the page offers only the steps that fit the journey so far;
 * the journey still decides (a step offered here can be refused with the protocol rule that forbids it).
 */
export type StepId =
  | 'consent'
  | 'observations'
  | 'attestations'
  | 'evaluate'
  | 'sign'
  | 'enrol'
  | 'medication-stop'
  | 'product-lot'
  | 'ld-calculation'
  | 'ld-dose'
  | 'pre-infusion-check'
  | 'thaw'
  | 'infusion'
  | 'visit'
  | 'adverse-event'
  | 'crs'
  | 'icans'
  | 'dlt-adjudication'
  | 'fail-screening'
  | 'unscheduled-visit'
  | 'sae-report'
  | 'deviation-decision'
  | 'correction';

export type StepStatus = 'done' | 'todo' | 'blocked';

export interface Step {
  readonly id: StepId;
  readonly title: string;
  readonly status: StepStatus;
  /** Why it is blocked, or what has been done. */
  readonly note?: string;
  /** Only investigators record it (an e-signature or an investigator's judgement). */
  readonly investigatorOnly: boolean;
  /** The user may record it now (role allows, not blocked). */
  readonly actionable: boolean;
  /** Optional steps (e.g. a screen failure) never become "the next step". */
  readonly optional?: boolean;
  /** Keeping the record straight (reports, decisions, corrections) rather than a step of the journey's phase. */
  readonly recordKeeping?: boolean;
}

export interface NextSteps {
  readonly steps: readonly Step[];
  /** The first step still to do that the journey allows now (whoever records it). */
  readonly next: StepId | undefined;
}

const SCREENING_PHASES = new Set(['SCREENING']);
const TREATMENT_PHASES = new Set(['ENROLLED', 'LYMPHODEPLETION', 'AWAITING_INFUSION']);
const FOLLOW_UP_PHASES = new Set(['DLT_WINDOW', 'FOLLOW_UP']);

/** The calculated LD doses not yet administered, in regimen order. */
export function remainingDoses(state: JourneyState): LdDose[] {
  const given = state.ld.administered.map((a) => `${a.value.drug}:${a.value.day}`);
  return (state.ld.calculated?.doses ?? []).filter((d) => !given.includes(`${d.drug}:${d.day}`));
}

export function nextSteps(state: JourneyState, protocol: Protocol, cohortId: string, role: Role): NextSteps {
  const writer = role === 'coordinator' || role === 'investigator';
  const step = (id: StepId, title: string, status: StepStatus, note?: string, investigatorOnly = false, optional = false): Step => ({
    id,
    title,
    status,
    ...(note === undefined ? {} : { note }),
    investigatorOnly,
    actionable: writer && status !== 'blocked' && (!investigatorOnly || role === 'investigator'),
    ...(optional ? { optional } : {}),
  });
  const steps: Step[] = [];
  const s = state.screening;

  if (SCREENING_PHASES.has(state.phase)) {
    const criteria = protocol.cohorts.find((c) => c.id === cohortId)?.eligibility ?? [];
    const recorded = new Set([...s.observations.map((o) => o.value.code), ...s.attestations.map((a) => a.value.criterionCode)]);
    // A criterion is answered when it (or, for "any of", one of its alternatives) has a value recorded.
    const alternatives = (c: Criterion): SimpleCriterion[] => (isAnyOf(c) ? c.criteria.filter(isSimple) : isSimple(c) ? [c] : []);
    const unanswered = (rule: 'observation' | 'attestation') => criteria.filter((c) => alternatives(c).some((a) => a.rule === rule) && !alternatives(c).some((a) => recorded.has(a.code)));
    const toObserve = unanswered('observation');
    const toAttest = unanswered('attestation');
    const consented = state.consent !== undefined;
    const needConsent = consented ? undefined : 'After informed consent';
    steps.push(step('consent', 'Informed consent', consented ? 'done' : 'todo', consented ? `ICF ${state.consent!.icfVersion} signed ${state.consent!.signedOn}` : undefined));
    steps.push(step('observations', 'Screening observations', !consented ? 'blocked' : toObserve.length === 0 ? 'done' : 'todo', needConsent ?? (toObserve.length === 0 ? 'Every observation criterion has a value' : `${toObserve.length} criterion(s) without a value`)));
    steps.push(step('attestations', "Investigator's attestations", !consented ? 'blocked' : toAttest.length === 0 ? 'done' : 'todo', needConsent ?? (toAttest.length === 0 ? 'Every attestation recorded' : `${toAttest.length} criterion(s) to attest`), true));
    const evaluated = s.evaluation !== undefined;
    steps.push(step('evaluate', 'Evaluate eligibility', !consented ? 'blocked' : evaluated ? 'done' : 'todo', needConsent ?? (evaluated ? (s.evaluation!.eligible ? 'Eligible' : 'Not eligible: record what is missing and evaluate again') : undefined)));
    const signed = s.signature !== undefined && s.evaluation !== undefined && s.signature.recordHash === s.evaluation.recordHash;
    steps.push(
      step(
        'sign',
        'Sign eligibility (e-signature)',
        signed ? 'done' : s.evaluation?.eligible ? 'todo' : 'blocked',
        signed ? `Signed by ${s.signature!.signer.name ?? s.signature!.signer.id}` : s.evaluation?.eligible ? undefined : 'After an evaluation that finds the participant eligible',
        true,
      ),
    );
    steps.push(step('enrol', 'Enrol at a dose level', signed ? 'todo' : 'blocked', signed ? undefined : 'After the investigator signs eligibility'));
    steps.push(step('fail-screening', 'Record a screen failure', consented ? 'todo' : 'blocked', needConsent, false, true));
  }

  if (TREATMENT_PHASES.has(state.phase)) {
    const lot = state.lot !== undefined;
    const calculated = state.ld.calculated !== undefined;
    const remaining = remainingDoses(state);
    const ldComplete = state.ld.completedAt !== undefined;
    const ldStarted = state.ld.administered.length > 0;
    steps.push(step('medication-stop', 'Medication stops (washout)', ldStarted ? 'done' : 'todo', state.medicationStops.length > 0 ? `${state.medicationStops.length} recorded${state.washoutSatisfiedOn ? `; washout satisfied on ${state.washoutSatisfiedOn}` : ''}` : 'Record each drug stopped for the washout', false, true));
    steps.push(step('product-lot', 'Allocate the product lot', lot ? 'done' : 'todo', lot ? `Lot ${state.lot!.lotId}, bags ${state.lot!.bagIds.join(', ')}` : undefined));
    steps.push(step('ld-calculation', 'Lymphodepletion dose calculation', ldStarted ? 'done' : calculated ? 'done' : 'todo', calculated ? 'Calculated: recalculate before the first dose if the measurements change' : undefined));
    const lotFirst = protocol.lymphodepletion.requireLotBeforeStart && !lot;
    steps.push(
      step(
        'ld-dose',
        'Lymphodepletion doses',
        ldComplete ? 'done' : !calculated ? 'blocked' : lotFirst && !ldStarted ? 'blocked' : 'todo',
        ldComplete ? 'All doses given' : !calculated ? 'After the dose calculation' : lotFirst && !ldStarted ? 'After the product lot is allocated (product on site first)' : `${remaining.length} dose(s) to give`,
      ),
    );
    const checked = state.preInfusionCheck?.passed === true;
    steps.push(step('pre-infusion-check', 'Pre-infusion check', checked ? 'done' : ldComplete ? 'todo' : 'blocked', checked ? 'Passed' : state.preInfusionCheck ? 'Not passed: check again' : ldComplete ? undefined : 'After the last lymphodepletion dose'));
    const thawed = state.thawStartedAt !== undefined;
    steps.push(step('thaw', 'Thaw the product', thawed ? 'done' : checked && lot ? 'todo' : 'blocked', thawed ? 'Thaw started' : checked ? (lot ? undefined : 'After the lot is allocated') : 'After a passed pre-infusion check'));
    steps.push(step('infusion', 'CAR-T infusion', state.infusion ? 'done' : thawed ? 'todo' : 'blocked', thawed ? undefined : 'After the thaw starts'));
  }

  if (FOLLOW_UP_PHASES.has(state.phase)) {
    // Visits, AEs and assessments are recorded as they happen: each form stays open to record another.
    steps.push(step('visit', 'Complete a visit', 'todo', state.visits.length > 0 ? `${state.visits.length} visit(s) recorded` : undefined));
    steps.push(step('adverse-event', 'Report an adverse event', 'todo', state.adverseEvents.length > 0 ? `${state.adverseEvents.length} reported` : undefined, false, true));
    const graded = (kind: 'CRS' | 'ICANS') => state.toxicityAssessments.filter((t) => t.value.kind === kind);
    const lastGrade = (kind: 'CRS' | 'ICANS') => graded(kind).at(-1)?.value.grade;
    steps.push(step('crs', 'CRS assessment', 'todo', graded('CRS').length > 0 ? `Latest: grade ${lastGrade('CRS')}` : undefined, false, true));
    steps.push(step('icans', 'ICANS assessment', 'todo', graded('ICANS').length > 0 ? `Latest: grade ${lastGrade('ICANS')}` : undefined, false, true));
    const pending = state.dlt.candidates.filter((c) => !c.adjudicated).length;
    const adjudicated = state.dlt.candidates.length - pending;
    steps.push(step('dlt-adjudication', 'Adjudicate DLT candidates (e-signature)', pending > 0 ? 'todo' : adjudicated > 0 ? 'done' : 'blocked', pending > 0 ? `${pending} candidate(s) to adjudicate` : adjudicated > 0 ? `${adjudicated} adjudicated` : 'No DLT candidate flagged', true, pending === 0));
  }

  if (state.phase !== 'UNREGISTERED') steps.push(...recordKeepingSteps(state, step));

  const next = steps.find((x) => x.status === 'todo' && !x.optional)?.id;
  return { steps, next };
}

type StepMaker = (id: StepId, title: string, status: StepStatus, note?: string, investigatorOnly?: boolean, optional?: boolean) => Step;

/**
 * What keeps the record straight in any phase: the SAE report to the sponsor (while a serious AE awaits it), a
 * decision on each deviation candidate, an unscheduled visit (while the journey runs) and corrections or voids
 * of recorded entries. An SAE report due and an open deviation candidate are obligations, never optional.
 */
function recordKeepingSteps(state: JourneyState, make: StepMaker): Step[] {
  const steps: Step[] = [];
  const serious = state.adverseEvents.filter((ae) => ae.serious);
  const toReport = serious.filter((ae) => !ae.reportedToSponsorAt).length;
  if (serious.length > 0) steps.push(make('sae-report', 'SAE report to the sponsor', toReport > 0 ? 'todo' : 'done', toReport > 0 ? `${toReport} serious AE(s) to report` : `${serious.length} reported`));
  const candidates = state.deviations.filter((d) => d.status === 'CANDIDATE').length;
  if (state.deviations.length > 0) steps.push(make('deviation-decision', 'Deviation candidates', candidates > 0 ? 'todo' : 'done', candidates > 0 ? `${candidates} awaiting a decision` : `${state.deviations.length} decided`));
  if (state.phase !== 'ENDED') steps.push(make('unscheduled-visit', 'Record an unscheduled visit', 'todo', state.unscheduledVisits.length > 0 ? `${state.unscheduledVisits.length} recorded` : undefined, false, true));
  steps.push(make('correction', 'Correct or void an entry', 'todo', 'With the reason; the original stays in the record', false, true));
  return steps.map((s) => ({ ...s, recordKeeping: true }));
}
