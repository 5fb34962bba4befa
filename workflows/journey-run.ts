import { ApplicationFailure, condition, log, proxyActivities, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import {
  cohortIdKey,
  DOMAIN_REJECTION_FAILURE_TYPE,
  journeyPhaseKey,
  siteIdKey,
  trialIdKey,
  type CommandResult,
  type EventMetadata,
  type EventToAppend,
  type ImportJourneyRequest,
  type JourneyActivities,
  type StoreStatus,
} from '@trialflow/contracts';
import {
  decide,
  decideImport,
  evolve,
  fold,
  initialState,
  participantStreamId,
  summarize,
  type Decision,
  type DomainError,
  type IsoInstant,
  type ParticipantCommand,
  type ParticipantEvent,
  type ParticipantState,
} from '@trialflow/domain';

// Retried until the database is back: the append is idempotent by event id. A version conflict or a reused
// event id means a second writer, which the single-writer design forbids, so those are not retried.
const retry = { initialInterval: '500 milliseconds', maximumInterval: '1 minute', nonRetryableErrorTypes: ['StreamVersionConflict', 'EventIdReuse', 'InvalidAppend'] };

/**
 * The append is an ordinary activity, written behind the Update's answer: the Update completes in the same
 * workflow task that schedules the append, so a command costs one workflow task on the caller's path. The events
 * are durable before the caller hears back — they are the activity's input in the workflow's history, which the
 * server has persisted — and they reach the store milliseconds later, in order, retried until the database takes
 * them (idempotent by event id). Their presence in the history is also what the audit compares the store with.
 */
// A worker that dies mid-append is noticed when the attempt times out: an append takes milliseconds, so 10 s.
const { appendEvents } = proxyActivities<JourneyActivities>({ startToCloseTimeout: '10 seconds', retry });
const { readStream } = proxyActivities<JourneyActivities>({ startToCloseTimeout: '1 minute', retry });

/** One append carries at most this many events: a backlog after an outage drains in a few bounded writes. */
const MAX_EVENTS_PER_APPEND = 50;
/**
 * How far the journey may run ahead of the store. Beyond it (the database has been away for a while) commands
 * are refused as retryable, so an outage cannot grow an unbounded backlog inside the workflow.
 */
export const MAX_UNSTORED_EVENTS = 50;

export const domainRejection = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({ type: DOMAIN_REJECTION_FAILURE_TYPE, message: error.message, nonRetryable: true, details: [error] });

/**
 * One run of a participant's journey: the folded state and the single writer of the participant's stream.
 * A command is decided, given its event ids, folded and queued for the store in one synchronous step, so two
 * commands can never be decided against the same state; the queue is written to the store in order.
 */
export class JourneyRun {
  state: ParticipantState = initialState;
  /** Command id → stream version after its events: a retried command is answered, never repeated. */
  readonly processed = new Map<string, number>();
  /**
   * False until the state is back from the stream after continue-as-new. Set from the start: `setHandler`
   * dispatches Updates buffered with the first activation at once, before any resume code has run.
   */
  ready: boolean;
  /** The stream version the store has confirmed; `state.version` minus the queued events. */
  private storedVersion = 0;
  private readonly unstored: EventToAppend[] = [];
  /** The latest instant in the stream: an import continues the journey from there, it cannot rewrite its past. */
  private lastAt: IsoInstant | undefined;
  private writing = false;
  /** Set when the store refused an append for good: the journey then records nothing more. */
  private writeFailure: DomainError | undefined;
  private readonly streamId: string;

  constructor(
    readonly participantId: string,
    resuming: boolean,
  ) {
    this.streamId = participantStreamId(participantId);
    this.ready = !resuming;
  }

  /** After continue-as-new, the state comes back from the stream: the stream, not Temporal, is the record. */
  async resume(expectedVersion: number): Promise<void> {
    const snapshot = await readStream(this.streamId);
    this.state = fold(snapshot.events);
    this.lastAt = latestInstant(undefined, snapshot.events);
    this.storedVersion = this.state.version;
    for (const [commandId, version] of snapshot.commandVersions) this.processed.set(commandId, version);
    if (this.state.version !== expectedVersion) {
      throw ApplicationFailure.nonRetryable(`Stream ${this.streamId} is at version ${this.state.version}, expected ${expectedVersion} on resume.`, 'StreamVersionMismatch');
    }
    this.ready = true;
  }

  /** The state for queries; refused (the caller retries) while it is being read back after continue-as-new. */
  loadedState(): ParticipantState {
    if (!this.ready) throw new Error('The journey state is loading after continue-as-new: retry the query.');
    return this.state;
  }

  /** Refused like the state while the run reads its state back: a 0/0 answer would look caught up. */
  storeStatus(): StoreStatus {
    this.loadedState();
    return { decidedVersion: this.state.version, storedVersion: this.storedVersion, ...(this.writeFailure ? { failure: this.writeFailure.message } : {}) };
  }

  /** Every decided event is in the store (continue-as-new and the end of the run wait for this). */
  stored(): boolean {
    return this.unstored.length === 0 && !this.writing;
  }

  result(): CommandResult {
    return { streamVersion: this.state.version, summary: summarize(this.state) };
  }

  /**
   * Decides a command against the current state, folds its events and queues them for the store; a rejection
   * records nothing. Synchronous on purpose: nothing can interleave between the decision and the fold.
   */
  record(command: ParticipantCommand, correlationId: string): Decision<ParticipantEvent> {
    const refused = this.refusal();
    if (refused) return { ok: false, error: refused };
    const decision = decide(this.state, command, new Date());
    if (!decision.ok || decision.events.length === 0) return decision;
    this.commit(decision.events, { actor: command.actor, commandId: command.commandId, correlationId, causationId: command.commandId, ...(command.reason === undefined ? {} : { reason: command.reason }) });
    return decision;
  }

  /**
   * Records an import as one unit: every entry decided at its own instant (deadlines that fell due between
   * entries reached in their place), then all events folded and queued at once — nothing can interleave, and a
   * refused entry leaves nothing behind. Reminders that fell due in the past are recorded, not delivered now.
   */
  async importEntries(request: ImportJourneyRequest): Promise<CommandResult> {
    if (!this.ready) await condition(() => this.ready);
    const earlier = this.importedVersion(request);
    if (earlier !== undefined) return { streamVersion: earlier, summary: summarize(this.state) };
    const decision = this.decideImportNow(request);
    if (!decision.ok) throw domainRejection(decision.error);
    const phaseBefore = this.state.phase;
    for (const step of decision.steps) {
      const { actor, commandId, reason } = step.command;
      this.commit(step.events, { actor, commandId, correlationId: request.correlationId, causationId: request.importId, reason: reason ?? request.reason, importedBy: request.importedBy });
    }
    this.processed.set(request.importId, this.state.version);
    if (this.state.phase !== phaseBefore) await condition(() => this.stored() || this.writeFailure !== undefined);
    return this.result();
  }

  /** Rejects an import in the Update validator, before anything is written. */
  validateImport(request: ImportJourneyRequest): void {
    if (!this.ready || this.importedVersion(request) !== undefined) return;
    const decision = this.decideImportNow(request);
    if (!decision.ok) throw domainRejection(decision.error);
  }

  /**
   * The version an import already produced, if it was recorded: by this run (its id), or by an earlier run —
   * after continue-as-new only the entries' command ids come back from the stream, so a resent import whose
   * every entry is recorded is the same import, answered, never recorded twice.
   */
  private importedVersion(request: ImportJourneyRequest): number | undefined {
    const earlier = this.processed.get(request.importId);
    if (earlier !== undefined) return earlier;
    const versions = request.entries.map((entry) => this.processed.get(entry.command.commandId));
    if (versions.length === 0 || versions.some((v) => v === undefined)) return undefined;
    return Math.max(...(versions as number[]));
  }

  private decideImportNow(request: ImportJourneyRequest): ReturnType<typeof decideImport> {
    const refused = this.refusal();
    if (refused) return { ok: false, error: refused };
    const reused = request.entries.findIndex((entry) => this.processed.has(entry.command.commandId));
    if (reused >= 0) {
      return { ok: false, error: { code: 'IMPORT_COMMAND_ID_REUSED', message: `Entry ${reused}: command id '${request.entries[reused]!.command.commandId}' is already recorded on this journey.`, field: `entries[${reused}].command.commandId` } };
    }
    return decideImport(this.state, request.entries, new Date(), this.lastAt);
  }

  /** Folds decided events and queues them for the store with the metadata that makes each one attributable. */
  private commit(events: readonly ParticipantEvent[], provenance: Omit<EventMetadata, 'occurredAt' | 'workflowId' | 'workflowRunId'>): void {
    const { workflowId, runId } = workflowInfo();
    const phaseBefore = this.state.phase;
    this.state = events.reduce(evolve, this.state);
    this.lastAt = latestInstant(this.lastAt, events);
    this.processed.set(provenance.commandId, this.state.version);
    for (const event of events) {
      this.unstored.push({
        eventId: uuid4(), // replay-stable: the same ids reach the store on every retry
        event,
        metadata: { ...provenance, occurredAt: event.occurredAt, workflowId, workflowRunId: runId },
      });
    }
    if (this.state.phase !== phaseBefore) this.publishSearchAttributes();
    this.writeBehind();
  }

  /** Runs a user command once: a command id already recorded returns the version it produced. */
  async execute(command: ParticipantCommand, correlationId: string, expectedVersion?: number): Promise<CommandResult> {
    // Awaited only while the state is loading: every promise the workflow creates costs a captured stack trace
    // (the SDK's enhanced stack traces) and a condition costs another pass into the sandbox.
    if (!this.ready) await condition(() => this.ready);
    const earlier = this.processed.get(command.commandId);
    if (earlier !== undefined) return { streamVersion: earlier, summary: summarize(this.state) };
    // Checked again here: another command may have been handled between this one's validation and its turn.
    const stale = this.staleness(expectedVersion);
    if (stale) throw domainRejection(stale);
    const phaseBefore = this.state.phase;
    const decision = this.record(command, correlationId);
    if (!decision.ok) throw domainRejection(decision.error);
    // A phase boundary continues the run as new, from the store: such a command is answered once its events are
    // stored, so the answer and the continue-as-new leave in one workflow task and the caller's next command
    // finds the new run (never one that is closing).
    if (this.state.phase !== phaseBefore) await condition(() => this.stored() || this.writeFailure !== undefined);
    return this.result();
  }

  /** Rejects in the Update validator, before anything is written to history or the stream. */
  validate(command: ParticipantCommand, expectedVersion?: number): void {
    // Just after continue-as-new the state is still being read back: the handler decides once it is.
    if (!this.ready) return;
    if (this.processed.has(command.commandId)) return; // answered from the earlier result
    const refused = this.staleness(expectedVersion) ?? this.refusal();
    if (refused) throw domainRejection(refused);
    const decision = decide(this.state, command, new Date());
    if (!decision.ok) throw domainRejection(decision.error);
  }

  /** Typed search attributes: coded identifiers only, never personal data (they are not encrypted). */
  publishSearchAttributes(): void {
    upsertSearchAttributes([
      { key: trialIdKey, value: this.state.trialId ?? null },
      { key: siteIdKey, value: this.state.siteId ?? null },
      { key: cohortIdKey, value: this.state.cohortId ?? null },
      { key: journeyPhaseKey, value: this.state.phase },
    ]);
  }

  /** The client acted on version `expectedVersion` (If-Match) and the participant has changed since. */
  private staleness(expectedVersion: number | undefined): DomainError | undefined {
    if (expectedVersion === undefined || expectedVersion === this.state.version) return undefined;
    return {
      code: 'STALE_VERSION',
      message: `The participant changed since version ${expectedVersion} (now ${this.state.version}): reload, check, and send again with the new version.`,
      field: 'If-Match',
    };
  }

  /** Why no command can be recorded now, if so: the store refused for good, or it is too far behind. */
  private refusal(): DomainError | undefined {
    if (this.writeFailure) return this.writeFailure;
    if (this.unstored.length >= MAX_UNSTORED_EVENTS) {
      return { code: 'STORE_BEHIND', message: `The event store is ${this.unstored.length} events behind this journey; try again shortly.` };
    }
    return undefined;
  }

  /** Writes the queue to the store in order, one append at a time, each at the version the store confirmed. */
  private writeBehind(): void {
    if (this.writing) return;
    this.writing = true;
    void (async () => {
      try {
        while (this.unstored.length > 0) {
          const batch = this.unstored.slice(0, MAX_EVENTS_PER_APPEND);
          const appended = await appendEvents({ streamId: this.streamId, streamType: 'participant', trialId: this.state.trialId ?? '', expectedVersion: this.storedVersion, events: batch });
          this.unstored.splice(0, batch.length);
          this.storedVersion = appended.streamVersion;
        }
      } catch (error) {
        // Only a non-retryable refusal ends here (a second writer, a malformed append): a bug to investigate, so
        // the journey stops recording rather than diverge from its store. Its history keeps the unwritten events.
        this.writeFailure = { code: 'JOURNEY_WRITE_FAILED', message: `The event store refused this journey's events (${String(error)}); nothing more is recorded until it is repaired.` };
        log.error('append refused for good; the journey records nothing more', { streamId: this.streamId, error: String(error) });
      } finally {
        this.writing = false;
      }
    })();
  }
}

const latestInstant = (since: IsoInstant | undefined, events: readonly ParticipantEvent[]): IsoInstant | undefined =>
  events.reduce<IsoInstant | undefined>((latest, event) => (latest === undefined || Date.parse(event.occurredAt) > Date.parse(latest) ? event.occurredAt : latest), since);
