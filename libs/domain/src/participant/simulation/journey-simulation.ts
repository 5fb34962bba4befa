import type { Cohort, Protocol } from '../../protocols/protocol.schema.js';
import type { SimpleCriterion } from '../../protocols/schema/eligibility.schema.js';
import { SYSTEM_ACTOR, type Actor } from '../../shared/actor.js';
import { addDaysToDate, type IsoDate, type IsoInstant } from '../../shared/time.js';
import type { ParticipantCommand } from '../commands.js';
import { decide } from '../decide.js';
import type { ParticipantEvent } from '../events.js';
import { evolve } from '../evolve.js';
import type { ImportEntry } from '../import/decide-import.js';
import { plan } from '../planning/plan.js';
import { initialState, type ParticipantState } from '../state.js';

/** Who a simulated participant is and who acts on them. */
export interface SimulationCast {
  readonly coordinator: Actor;
  readonly investigator: Actor;
  readonly participantId: string;
  readonly participantCode: string;
  /** Defaults to the protocol's first site. */
  readonly siteId?: string;
  readonly lotId?: string;
  /** Command ids are `<prefix>-<n>`; defaults to the participant code (unique across participants). */
  readonly commandIdPrefix?: string;
}

type WithoutMeta<C> = C extends ParticipantCommand ? Omit<C, 'commandId' | 'actor'> & { commandId?: string; actor?: Actor } : never;

/**
 * Drives a participant through the real decider on a clock of its own: commands are decided and folded exactly
 * as the workflow does, and `advanceTo` reaches every planned deadline up to an instant in order, as the
 * workflow's timer would. Every command people make is kept as an import entry (command and instant), so a
 * simulated journey can be imported into a real one (the demo data) and replays there to the same state.
 * Pure: the clock is the simulation's own.
 */
export class JourneySimulation {
  state: ParticipantState = initialState;
  readonly events: ParticipantEvent[] = [];
  /** The commands people made, each with its instant: what an import of this journey carries. */
  readonly entries: ImportEntry[] = [];
  now: Date;
  private sequence = 0;

  constructor(
    readonly protocol: Protocol,
    readonly cohort: Cohort,
    start: IsoInstant,
    readonly cast: SimulationCast,
  ) {
    this.now = new Date(start);
  }

  get siteId(): string {
    return this.cast.siteId ?? this.protocol.sites[0]!.id;
  }

  /** Local calendar date at the site, `days` from now. */
  date(days = 0): IsoDate {
    const offset = (this.protocol.sites.find((s) => s.id === this.siteId) ?? this.protocol.sites[0]!).utcOffsetMinutes;
    return addDaysToDate(new Date(this.now.getTime() + offset * 60_000).toISOString().slice(0, 10), days);
  }

  at(instant: IsoInstant | Date): this {
    this.now = new Date(instant);
    return this;
  }

  later(minutes: number): this {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
    return this;
  }

  command<C extends WithoutMeta<ParticipantCommand>>(command: C): ParticipantCommand {
    this.sequence += 1;
    return { commandId: command.commandId ?? `${this.cast.commandIdPrefix ?? this.cast.participantCode}-${this.sequence}`, actor: command.actor ?? this.cast.coordinator, ...command } as ParticipantCommand;
  }

  /** Decides without applying: for `then` assertions on acceptance or rejection. */
  try<C extends WithoutMeta<ParticipantCommand>>(command: C) {
    return decide(this.state, this.command(command), this.now);
  }

  /** Decides and applies; throws if the command is rejected (a simulation only takes the paths it means to). */
  run<C extends WithoutMeta<ParticipantCommand>>(command: C): ParticipantEvent[] {
    const made = this.command(command);
    const decision = decide(this.state, made, this.now);
    if (!decision.ok) throw new Error(`${command.type} rejected: ${decision.error.code} ${decision.error.message}`);
    if (made.type !== 'ReachDeadline' && made.type !== 'RecordReminderDelivery') this.entries.push({ at: this.now.toISOString(), command: made });
    this.apply(decision.events);
    return [...decision.events];
  }

  apply(events: readonly ParticipantEvent[]): void {
    for (const event of events) {
      this.state = evolve(this.state, event);
      this.events.push(event);
    }
  }

  /** Fires every deadline due up to `instant`, in order, re-planning after each (like the workflow). */
  advanceTo(instant: IsoInstant | Date): ParticipantEvent[] {
    const until = new Date(instant).getTime();
    const fired: ParticipantEvent[] = [];
    for (let guard = 0; guard < 10_000; guard += 1) {
      const next = plan(this.state)[0];
      if (!next || Date.parse(next.dueAt) > until) break;
      this.now = new Date(Math.max(this.now.getTime(), Date.parse(next.dueAt)));
      fired.push(...this.run({ type: 'ReachDeadline', actor: SYSTEM_ACTOR, data: { deadlineId: next.id, dueAt: next.dueAt } }));
    }
    this.now = new Date(Math.max(this.now.getTime(), until));
    return fired;
  }

  advanceDays(days: number): ParticipantEvent[] {
    return this.advanceTo(new Date(this.now.getTime() + days * 86_400_000));
  }

  // ---- common steps -------------------------------------------------------------------------------------

  register(overrides: Partial<{ ageYears: number; sex: 'F' | 'M'; participantCode: string }> = {}): this {
    this.run({
      type: 'RegisterParticipant',
      data: { participantId: this.cast.participantId, participantCode: overrides.participantCode ?? this.cast.participantCode, trialId: this.protocol.trialId, cohortId: this.cohort.id, siteId: this.siteId, ageYears: overrides.ageYears ?? 34, sex: overrides.sex ?? 'F' },
    });
    return this;
  }

  consent(): this {
    const minor = (this.state.ageYears ?? 99) < this.protocol.consent.adultAgeYears;
    this.run({
      type: 'SignConsent',
      data: {
        icfVersion: this.protocol.consent.icfVersions[0]!.version,
        signedOn: this.date(),
        signers: minor ? [{ role: 'GUARDIAN', name: 'Guardian' }, { role: 'INVESTIGATOR', name: 'Dr A' }] : [{ role: 'PARTICIPANT', name: 'P' }, { role: 'INVESTIGATOR', name: 'Dr A' }],
        assent: minor,
        obtainedBy: this.cast.investigator.id,
      },
    });
    return this;
  }

  /** Records a passing value or attestation for every criterion of the cohort. */
  satisfyCriteria(): this {
    const simple = this.cohort.eligibility.flatMap((c) => (c.rule === 'anyOf' ? [c.criteria[0]!] : [c]));
    for (const criterion of simple) this.satisfy(criterion);
    return this;
  }

  satisfy(criterion: SimpleCriterion, value?: number | string | boolean): this {
    if (criterion.rule === 'attestation') {
      this.run({ type: 'AttestEligibilityCriterion', actor: this.cast.investigator, data: { criterionCode: criterion.code, attested: true } });
      return this;
    }
    const passing = value ?? (criterion.comparator === '>' ? Number(criterion.threshold) + 1 : criterion.comparator === '<' ? Number(criterion.threshold) - 1 : criterion.threshold);
    this.run({ type: 'RecordScreeningObservation', data: { code: criterion.code, value: passing, ...(criterion.unit === undefined ? {} : { unit: criterion.unit }), observedOn: this.date(), source: 'local lab' } });
    return this;
  }

  evaluateAndSign(): this {
    this.run({ type: 'EvaluateEligibility', data: {} });
    const hash = this.state.screening.evaluation?.recordHash ?? '';
    this.run({ type: 'SignEligibility', actor: this.cast.investigator, data: { meaning: 'I confirm the participant is eligible', recordHash: hash, reauthenticated: true } });
    return this;
  }

  enrol(doseLevelId = this.protocol.doseLevels[0]!.id): this {
    this.run({ type: 'Enrol', data: { doseLevelId } });
    return this;
  }

  /** Screening through enrolment, a medication stop long enough ago, and the allocated lot. */
  toEnrolled(): this {
    this.register().consent().satisfyCriteria().evaluateAndSign().enrol();
    this.run({ type: 'RecordMedicationStop', data: { drugClass: this.protocol.washout.classes[2]!.drugClass, drugName: 'mycophenolate', lastDoseOn: this.date(-40) } });
    this.run({ type: 'AllocateProductLot', data: { lotId: this.cast.lotId ?? 'LOT-42', bagIds: ['BAG-1'], carPositiveCellsPerBag: 6e7 } });
    return this;
  }

  /** Calculates the lymphodepletion doses and gives each day's doses a day apart (D-5, D-4, D-3). */
  lymphodeplete(): this {
    this.run({ type: 'RecordLymphodepletionDoseCalculation', data: ldCalculationInputs(this.date()) });
    const doses = this.state.ld.calculated?.doses ?? [];
    const days = [...new Set(doses.map((d) => d.day))].sort((a, b) => a - b);
    days.forEach((day, i) => {
      if (i > 0) this.advanceDays(day - days[i - 1]!);
      for (const dose of doses.filter((d) => d.day === day)) {
        this.run({ type: 'AdministerLymphodepletionDose', data: { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: this.now.toISOString() } });
        this.later(60);
      }
    });
    return this;
  }

  infuse(weightKg = 60): this {
    this.run({ type: 'RecordPreInfusionCheck', data: { items: { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true } } });
    this.run({ type: 'StartThaw', data: { bagIds: [...(this.state.lot?.bagIds ?? ['BAG-1'])], startedAt: this.now.toISOString() } });
    this.later(20);
    const started = this.now.toISOString();
    this.later(15);
    const level = this.protocol.doseLevels.find((d) => d.id === this.state.doseLevelId)!;
    const cells = level.dose.basis === 'FIXED' ? level.dose.carPositiveCells : level.dose.carPositiveCellsPerKg * weightKg;
    this.run({ type: 'RecordInfusion', data: { startedAt: started, completedAt: this.now.toISOString(), carPositiveCellsInfused: cells, weightKg } });
    return this;
  }
}

/**
 * Measurements for the lymphodepletion calculation: 160 cm, 60 kg, creatinine 0.8 mg/dL. For the default
 * 34-year-old woman: BSA 1.63 m² (Mosteller), CrCl 94 mL/min (full fludarabine dose), so fludarabine
 * 30 × 1.63 = 48.9 mg and cyclophosphamide 300 × 1.63 = 489 → 490 mg (10 mg steps) per day.
 */
export function ldCalculationInputs(measuredOn: IsoDate, serumCreatinineMgDl = 0.8): Extract<ParticipantCommand, { type: 'RecordLymphodepletionDoseCalculation' }>['data'] {
  return { height: { value: 160, unit: 'cm' }, weight: { value: 60, unit: 'kg' }, serumCreatinine: { value: serumCreatinineMgDl, unit: 'mg/dL' }, measuredOn };
}
