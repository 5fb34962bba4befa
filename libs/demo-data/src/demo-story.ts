import { addDaysToDate, findProtocol, JourneySimulation, ldCalculationInputs, sha256Hex, type IsoDate, type ParticipantEvent } from '@trialflow/domain';
import { teamAt } from './demo-cast.js';

/** What a demo participant is: enough to register them and tell their story. */
export interface DemoSpec {
  /** Derived from the code (demoParticipantId): the eligibility record a signature covers includes it. */
  readonly participantId: string;
  readonly participantCode: string;
  readonly trialId: string;
  readonly cohortId: string;
  readonly siteId: string;
  readonly ageYears: number;
  readonly sex: 'F' | 'M';
}

const DAY_MS = 86_400_000;

/** A stable UUID-shaped id for a demo participant code: the same story always imports as the same participant. */
export function demoParticipantId(participantCode: string): string {
  const h = sha256Hex(`trialflow-demo-participant:${participantCode}`);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Screening observation code → score, recorded as an efficacy baseline. */
export type Baselines = Readonly<Record<string, number>>;
/** Visit id → instrument → total score at that visit. */
export type EfficacyScores = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * One synthetic participant's story, told on the simulation's clock in the site's local time and anchored to
 * `today` (the site-local date of the seeding instant), so the demo always looks current: "infused 20 days
 * ago" is 20 days before whichever day the system is first started. Every step goes through the real decider.
 */
export class DemoStory {
  readonly sim: JourneySimulation;
  private readonly offsetMinutes: number;

  constructor(
    readonly spec: DemoSpec,
    readonly today: IsoDate,
    startDaysAgo: number,
  ) {
    const protocol = findProtocol(spec.trialId);
    const cohort = protocol?.cohorts.find((c) => c.id === spec.cohortId);
    const site = protocol?.sites.find((s) => s.id === spec.siteId);
    if (!protocol || !cohort || !site) throw new Error(`demo data: no ${spec.trialId}/${spec.cohortId} at ${spec.siteId}`);
    this.offsetMinutes = site.utcOffsetMinutes;
    const team = teamAt(spec.siteId);
    this.sim = new JourneySimulation(protocol, cohort, this.instant(this.day(-startDaysAgo), '09:00').toISOString(), {
      ...team,
      participantId: spec.participantId,
      participantCode: spec.participantCode,
      siteId: spec.siteId,
      lotId: `LOT-${spec.participantCode}`,
    });
  }

  /** The site-local date `days` from today. */
  day(days: number): IsoDate {
    return addDaysToDate(this.today, days);
  }

  /** An instant at a site-local date and time. */
  instant(date: IsoDate, time: string): Date {
    return new Date(Date.parse(`${date}T${time}:00.000Z`) - this.offsetMinutes * 60_000);
  }

  /** Moves the clock forward to a local date and time, reaching every deadline on the way. */
  moveTo(date: IsoDate, time = '10:00'): this {
    const target = this.instant(date, time);
    if (target.getTime() > this.sim.now.getTime()) this.sim.advanceTo(target);
    return this;
  }

  /** Registration and consent on the first day. */
  registerAndConsent(): this {
    this.sim.register({ ageYears: this.spec.ageYears, sex: this.spec.sex }).consent();
    return this;
  }

  /** Every screening criterion met over the next days, evaluated, optionally signed by the investigator. */
  screen(options: { sign: boolean; baselines?: Baselines }): this {
    this.sim.later(24 * 60).satisfyCriteria();
    // Efficacy baselines the cohort's criteria do not measure (e.g. SLEDAI-2K in the lupus nephritis cohort).
    for (const [code, value] of Object.entries(options.baselines ?? {})) {
      this.sim.run({ type: 'RecordScreeningObservation', data: { code, value, unit: 'score', observedOn: this.sim.date(), source: 'investigator assessment' } });
    }
    this.sim.later(24 * 60);
    if (options.sign) this.sim.evaluateAndSign();
    else this.sim.run({ type: 'EvaluateEligibility', data: {} });
    return this;
  }

  /** Enrolled two days after screening, with the washout stop and the allocated lot. */
  enrol(): this {
    this.sim.later(2 * 24 * 60).enrol();
    this.sim.run({ type: 'RecordMedicationStop', data: { drugClass: this.sim.protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: this.sim.date(-40) } });
    this.sim.run({ type: 'AllocateProductLot', data: { lotId: this.sim.cast.lotId!, bagIds: [`${this.spec.participantCode}-BAG-1`], carPositiveCellsPerBag: 6e7 } });
    return this;
  }

  /** Lymphodepletion calculated and given on the days the protocol sets, up to `throughDay` (default all). */
  lymphodeplete(startOn: IsoDate, throughDay?: number): this {
    this.moveTo(startOn, '08:00');
    this.sim.run({ type: 'RecordLymphodepletionDoseCalculation', data: ldCalculationInputs(this.sim.date()) });
    const doses = this.sim.state.ld.calculated?.doses ?? [];
    const days = [...new Set(doses.map((d) => d.day))].sort((a, b) => a - b).filter((d) => throughDay === undefined || d <= throughDay);
    days.forEach((day, i) => {
      this.moveTo(addDaysToDate(startOn, day - days[0]!), '09:00');
      if (i === 0) this.sim.later(30);
      for (const dose of doses.filter((d) => d.day === day)) {
        this.sim.run({ type: 'AdministerLymphodepletionDose', data: { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: this.sim.now.toISOString() } });
        this.sim.later(60);
      }
    });
    return this;
  }

  /** Pre-infusion check, thaw and infusion at 10:00 on `on`. */
  infuse(on: IsoDate): this {
    this.moveTo(on, '09:30');
    this.sim.infuse();
    return this;
  }

  /** The infusion date (study day 0). */
  get infusionDate(): IsoDate {
    const date = this.sim.state.infusion?.infusionDate;
    if (!date) throw new Error(`demo data: ${this.spec.participantCode} has no infusion yet`);
    return date;
  }

  /**
   * Completes every scheduled visit on its target day up to study day `throughDay`, except those in `miss`, and
   * records the efficacy scores given for a visit (visit id → instrument → score) half an hour after it.
   */
  visitsThrough(throughDay: number, miss: readonly string[] = [], scores: EfficacyScores = {}): this {
    for (const visit of this.sim.protocol.visits.filter((v) => v.nominalDay > 0 && v.nominalDay <= throughDay)) {
      const on = addDaysToDate(this.infusionDate, visit.nominalDay);
      this.moveTo(on, '10:00');
      if (miss.includes(visit.id)) continue;
      const assessments = [...(visit.instruments[this.spec.cohortId] ?? []), ...(visit.instruments['*'] ?? [])];
      this.sim.run({ type: 'CompleteVisit', commandId: `${this.spec.participantCode}-visit-${visit.id}`, data: { visitId: visit.id, actualDate: on, assessments } });
      for (const [instrument, value] of Object.entries(scores[visit.id] ?? {})) {
        this.sim.later(30).run({ type: 'RecordEfficacyAssessment', commandId: `${this.spec.participantCode}-${instrument}-${visit.id}`, data: { visitId: visit.id, instrument, assessedOn: on, value } });
      }
    }
    return this;
  }

  /** A CRS assessment on study day `day`: fever alone is grade 1; with hypotension (no vasopressor) grade 2. */
  crs(day: number, grade: 1 | 2, time = '14:00'): this {
    this.moveTo(addDaysToDate(this.infusionDate, day), time);
    const hypotension = grade === 2 ? 'not-requiring-vasopressors' : 'none';
    this.sim.run({ type: 'AssessCrs', data: { assessedAt: this.sim.now.toISOString(), parameters: { temperature: { value: 38.7, unit: '°C' }, hypotension, oxygen: { device: 'none' } } } as never });
    return this;
  }

  /** An ICANS assessment with an ICE score (10 is normal: grade 0; 7–9 is grade 1). */
  icans(day: number, iceScore: number, time = '15:00'): this {
    this.moveTo(addDaysToDate(this.infusionDate, day), time);
    this.sim.run({ type: 'AssessIcans', data: { assessedAt: this.sim.now.toISOString(), parameters: { encephalopathy: { instrument: 'ice', score: iceScore }, consciousness: 'alert', seizure: 'none', motor: 'none', cerebralOedema: 'none' } } as never });
    return this;
  }

  /** An adverse event with onset on study day `day`, known the same afternoon. */
  adverseEvent(day: number, ae: { id: string; term: string; grade: number; serious?: boolean; causality?: string; haematological?: boolean }): ParticipantEvent[] {
    const on = addDaysToDate(this.infusionDate, day);
    this.moveTo(on, '16:00');
    const { id, ...rest } = ae;
    return this.sim.run({
      type: 'ReportAdverseEvent',
      commandId: `${this.spec.participantCode}-${id}`,
      data: { causality: 'POSSIBLE', serious: false, onsetOn: on, awareAt: this.sim.now.toISOString(), ...rest } as never,
    });
  }

  /** The investigator flags an AE as a DLT candidate (their judgement), optionally adjudicating it at once. */
  dltCandidate(aeId: string, description: string, adjudication?: { isDlt: boolean; rationale: string }): this {
    const sourceEntryId = `${this.spec.participantCode}-${aeId}`;
    this.sim.later(60);
    this.sim.run({ type: 'FlagDltCandidate', actor: this.sim.cast.investigator, data: { sourceEntryId, rule: 'INVESTIGATOR-JUDGEMENT', description } });
    if (adjudication) {
      this.sim.later(24 * 60);
      this.sim.run({ type: 'AdjudicateDlt', actor: this.sim.cast.investigator, data: { candidateId: `INVESTIGATOR-JUDGEMENT:${sourceEntryId}`, ...adjudication, meaning: 'I adjudicate this DLT candidate', reauthenticated: true } });
    }
    return this;
  }

  /** Leaves the clock where the story ends; the import continues from there. */
  done(): JourneySimulation {
    return this.sim;
  }
}

export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
