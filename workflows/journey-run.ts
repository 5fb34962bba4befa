import { ApplicationFailure, condition, proxyActivities, proxyLocalActivities, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import { cohortIdKey, DOMAIN_REJECTION_FAILURE_TYPE, journeyPhaseKey, siteIdKey, trialIdKey, type CommandResult, type EventToAppend, type JourneyActivities } from '@trialflow/contracts';
import {
  decide,
  evolve,
  fold,
  initialState,
  participantStreamId,
  summarize,
  type Decision,
  type DomainError,
  type ParticipantCommand,
  type ParticipantEvent,
  type ParticipantState,
} from '@trialflow/domain';
import { createSerializer } from './serialize.js';

// Retried until the database is back: the append is idempotent by event id. A version conflict or a reused
// event id means a second writer, which the single-writer design forbids, so those are not retried.
const retry = { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['StreamVersionConflict', 'EventIdReuse'] };

/**
 * The append is a local activity: a short database write that runs in the worker within the workflow task,
 * so a command costs one workflow task instead of three round trips to the server. If the worker dies before
 * the task completes, the append runs again on replay with the same event ids, which the store recognises.
 */
const { appendEvents } = proxyLocalActivities<JourneyActivities>({ startToCloseTimeout: '30 seconds', retry });
const { readStream } = proxyActivities<JourneyActivities>({ startToCloseTimeout: '1 minute', retry });

export const domainRejection = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({ type: DOMAIN_REJECTION_FAILURE_TYPE, message: error.message, nonRetryable: true, details: [error] });

/**
 * One run of a participant's journey: the folded state and the single writer of the participant's stream.
 * Every change goes decide → append (activity) → evolve inside one serialized section, so two commands can
 * never be decided against the same state.
 */
export class JourneyRun {
  state: ParticipantState = initialState;
  /** Command id → stream version after its events: a retried command is answered, never repeated. */
  readonly processed = new Map<string, number>();
  readonly serialized = createSerializer();
  /**
   * False until the state is back from the stream after continue-as-new. Set from the start: `setHandler`
   * dispatches Updates buffered with the first activation at once, before any resume code has run.
   */
  ready: boolean;
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

  result(): CommandResult {
    return { streamVersion: this.state.version, summary: summarize(this.state) };
  }

  /** Decides a command against the current state and records its events; a rejection records nothing. */
  async record(command: ParticipantCommand, correlationId: string): Promise<Decision<ParticipantEvent>> {
    const decision = decide(this.state, command, new Date());
    if (!decision.ok || decision.events.length === 0) return decision;
    const { workflowId, runId } = workflowInfo();
    const events: EventToAppend[] = decision.events.map((event) => ({
      eventId: uuid4(), // replay-stable: the same ids reach the activity on every retry
      event,
      metadata: {
        actor: command.actor,
        commandId: command.commandId,
        correlationId,
        causationId: command.commandId,
        ...(command.reason === undefined ? {} : { reason: command.reason }),
        occurredAt: event.occurredAt,
        workflowId,
        workflowRunId: runId,
      },
    }));
    const trialId = this.state.trialId ?? (command.type === 'RegisterParticipant' ? command.data.trialId : '');
    const appended = await appendEvents({ streamId: this.streamId, streamType: 'participant', trialId, expectedVersion: this.state.version, events });
    // The stream is the record: if an earlier attempt of this task stored these events, fold what it stored.
    const recorded = appended.storedEvents ?? decision.events;
    const phaseBefore = this.state.phase;
    this.state = recorded.reduce(evolve, this.state);
    this.processed.set(command.commandId, this.state.version);
    if (this.state.phase !== phaseBefore) this.publishSearchAttributes();
    return { ok: true, events: recorded };
  }

  /** Runs a user command once: a command id already recorded returns the version it produced. */
  async execute(command: ParticipantCommand, correlationId: string): Promise<CommandResult> {
    await condition(() => this.ready);
    return this.serialized(async () => {
      const earlier = this.processed.get(command.commandId);
      if (earlier !== undefined) return { streamVersion: earlier, summary: summarize(this.state) };
      const decision = await this.record(command, correlationId);
      if (!decision.ok) throw domainRejection(decision.error);
      return this.result();
    });
  }

  /** Rejects in the Update validator, before anything is written to history or the stream. */
  validate(command: ParticipantCommand): void {
    // Just after continue-as-new the state is still being read back: the handler decides once it is.
    if (!this.ready) return;
    if (this.processed.has(command.commandId)) return; // answered from the earlier result
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
}
