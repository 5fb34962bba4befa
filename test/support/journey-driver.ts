import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client, type WorkflowHandle } from '@temporalio/client';
import {
  commandUpdate,
  importJourneyUpdate,
  PARTICIPANT_JOURNEY_WORKFLOW_TYPE,
  participantWorkflowId,
  pendingDeadlinesQuery,
  registerParticipantUpdate,
  stateQuery,
  storeStatusQuery,
  type ClientCommand,
  type CommandResult,
} from '@trialflow/contracts';
import { addDaysToDate, findProtocol, localDateOf, type Actor, type Cohort, type ImportEntry, type Protocol, type SimpleCriterion } from '@trialflow/domain';

/** Queries retry briefly: just after continue-as-new the new run is still reading its state back. */
export async function queryWithRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export const coordinator: Actor = { id: 'coord-1', role: 'coordinator' };
export const investigator: Actor = { id: 'inv-1', role: 'investigator' };

type Sendable = ClientCommand extends infer C ? (C extends ClientCommand ? Omit<C, 'commandId' | 'actor'> & { actor?: Actor; commandId?: string } : never) : never;

/**
 * Drives a participant's journey through the real workflow from a test, the way the API does: one Update per
 * command (Update id = command id), clinical dates taken from the server's clock (time-skipping or real).
 */
export class JourneyDriver {
  readonly protocol: Protocol;
  readonly cohort: Cohort;
  readonly participantId: string;
  readonly participantCode: string;
  readonly workflowId: string;

  constructor(
    private readonly client: Client,
    readonly taskQueue: string,
    trialId: string,
    cohortId: string,
    private readonly clock: () => Promise<number>,
    identity?: { readonly participantId: string; readonly participantCode: string },
  ) {
    this.participantId = identity?.participantId ?? randomUUID();
    this.participantCode = identity?.participantCode ?? `WF-${randomUUID().slice(0, 8).toUpperCase()}`;
    this.protocol = findProtocol(trialId)!;
    this.cohort = this.protocol.cohorts.find((c) => c.id === cohortId)!;
    this.workflowId = participantWorkflowId(this.participantCode);
  }

  get handle(): WorkflowHandle {
    return this.client.workflow.getHandle(this.workflowId);
  }

  get offset(): number {
    return this.protocol.sites[0]!.utcOffsetMinutes;
  }

  async now(): Promise<Date> {
    return new Date(await this.clock());
  }

  async today(days = 0): Promise<string> {
    return addDaysToDate(localDateOf((await this.now()).toISOString(), this.offset), days);
  }

  register(ageYears = 34): Promise<CommandResult> {
    const commandId = randomUUID();
    return this.client.workflow.executeUpdateWithStart(registerParticipantUpdate, {
      updateId: commandId,
      args: [{ commandId, correlationId: 'test', actor: coordinator, participantCode: this.participantCode, trialId: this.protocol.trialId, cohortId: this.cohort.id, siteId: this.protocol.sites[0]!.id, ageYears, sex: 'F' }],
      startWorkflowOperation: this.startOperation(),
    });
  }

  /** The journey's start, sent with its first Update (update-with-start), as the API sends it. */
  private startOperation() {
    return new WithStartWorkflowOperation(PARTICIPANT_JOURNEY_WORKFLOW_TYPE, {
      workflowId: this.workflowId,
      taskQueue: this.taskQueue,
      args: [{ participantId: this.participantId, participantCode: this.participantCode }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
  }

  /** Imports entries as this participant (update-with-start, like registration). */
  importJourney(entries: readonly ImportEntry[], importId: string = randomUUID()): Promise<CommandResult> {
    return this.client.workflow.executeUpdateWithStart(importJourneyUpdate, {
      updateId: importId,
      args: [{ importId, importedBy: { id: 'importer-1', name: 'Test Importer', role: 'admin' }, reason: 'Paper records entered after the fact (test)', correlationId: 'test', entries }],
      startWorkflowOperation: this.startOperation(),
    });
  }

  send(command: Sendable): Promise<CommandResult> {
    const commandId = command.commandId ?? randomUUID();
    const full = { ...command, commandId, actor: command.actor ?? coordinator } as ClientCommand;
    const started = Date.now();
    const pending = this.handle.executeUpdate(commandUpdate(full.type), { updateId: commandId, args: [{ command: full, correlationId: 'test' }] });
    if (process.env.DEBUG_DRIVER) void pending.finally(() => process.stderr.write(`${full.type} took ${Date.now() - started} ms\n`));
    return pending;
  }

  /**
   * Each attempt is bounded: a query that reaches a run in the instant it continues-as-new can go unanswered
   * (the time-skipping server holds it until its own long time-out); the retry reaches the new run.
   */
  private query<T>(run: () => Promise<T>): Promise<T> {
    return queryWithRetry(() => this.client.withDeadline(Date.now() + 2_000, run));
  }

  /** How far the event store has caught up with the journey (events are written just behind each answer). */
  storeStatus() {
    return this.query(() => this.handle.query(storeStatusQuery));
  }

  /** Waits until the store holds every event the journey has decided. */
  async stored(): Promise<void> {
    for (let i = 0; i < 400; i += 1) {
      const status = await this.storeStatus();
      if (status.failure) throw new Error(`journey ${this.workflowId}: ${status.failure}`);
      if (status.storedVersion === status.decidedVersion) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`journey ${this.workflowId}: the store did not catch up`);
  }

  /** Waits until the open run has read its state back and has no activity in flight. */
  async idle(): Promise<void> {
    for (let i = 0; i < 200; i += 1) {
      const [description] = await Promise.all([this.handle.describe(), this.state()]);
      if ((description.raw.pendingActivities ?? []).length === 0) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`journey ${this.workflowId} did not become idle`);
  }

  state() {
    return this.query(() => this.handle.query(stateQuery));
  }

  deadlines() {
    return this.query(() => this.handle.query(pendingDeadlinesQuery));
  }

  async consentAndScreen(): Promise<void> {
    await this.send({ type: 'SignConsent', data: { icfVersion: this.protocol.consent.icfVersions[0]!.version, signedOn: await this.today(), signers: [{ role: 'PARTICIPANT', name: 'P' }], assent: false, obtainedBy: 'inv-1' } });
    for (const criterion of this.cohort.eligibility.flatMap((c) => (c.rule === 'anyOf' ? [c.criteria[0]!] : [c]))) await this.satisfy(criterion);
  }

  async satisfy(criterion: SimpleCriterion): Promise<void> {
    if (criterion.rule === 'attestation') {
      await this.send({ type: 'AttestEligibilityCriterion', actor: investigator, data: { criterionCode: criterion.code, attested: true } });
      return;
    }
    await this.send({ type: 'RecordScreeningObservation', data: { code: criterion.code, value: criterion.threshold, ...(criterion.unit === undefined ? {} : { unit: criterion.unit }), observedOn: await this.today(), source: 'local lab' } });
  }

  async signAndEnrol(): Promise<void> {
    await this.send({ type: 'EvaluateEligibility', data: {} });
    const state = await this.state();
    await this.send({ type: 'SignEligibility', actor: investigator, data: { meaning: 'I confirm eligibility', recordHash: state.screening.evaluation?.recordHash ?? '', reauthenticated: true } });
    await this.send({ type: 'Enrol', data: { doseLevelId: this.protocol.doseLevels[0]!.id } });
    await this.send({ type: 'RecordMedicationStop', data: { drugClass: 'ANTIMETABOLITES_CNI_MTOR_JAK', drugName: 'mycophenolate', lastDoseOn: await this.today(-40) } });
    await this.send({ type: 'AllocateProductLot', data: { lotId: 'LOT-7', bagIds: ['BAG-1'] } });
    await this.send({ type: 'RecordLymphodepletionDoseCalculation', data: { height: { value: 160, unit: 'cm' }, weight: { value: 60, unit: 'kg' }, serumCreatinine: { value: 0.8, unit: 'mg/dL' }, measuredOn: await this.today() } });
  }

  /** Gives every calculated dose of one LD day that is not recorded yet. */
  async giveDosesOfDay(day: number): Promise<void> {
    const state = await this.state();
    const given = (drug: string) => state.ld.administered.some((a) => a.value.drug === drug && a.value.day === day);
    for (const dose of state.ld.calculated?.doses.filter((d) => d.day === day && !given(d.drug)) ?? []) {
      await this.send({ type: 'AdministerLymphodepletionDose', data: { drug: dose.drug, day: dose.day, doseMg: dose.doseMg, administeredAt: (await this.now()).toISOString() } });
    }
  }

  async infuse(): Promise<void> {
    await this.send({ type: 'RecordPreInfusionCheck', data: { items: { afebrile: true, noActiveInfection: true, labsWithin7Days: true, tocilizumabAvailable: true } } });
    const thawAt = (await this.now()).toISOString();
    await this.send({ type: 'StartThaw', data: { bagIds: ['BAG-1'], startedAt: thawAt } });
    const at = (await this.now()).toISOString();
    await this.send({ type: 'RecordInfusion', data: { startedAt: at, completedAt: at, carPositiveCellsInfused: 6e7, weightKg: 60 } });
  }
}
