import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  DOMAIN_REJECTION_FAILURE_TYPE,
  cohortIdKey,
  journeyPhaseKey,
  pendingDeadlinesQuery,
  registerParticipantUpdate,
  siteIdKey,
  summaryQuery,
  trialIdKey,
  type CommandResult,
  type EventToAppend,
  type JourneyActivities,
  type JourneyWorkflowInput,
  type RegisterParticipantRequest,
} from '@trialflow/contracts';
import {
  SYSTEM_ACTOR,
  decide,
  evolve,
  initialState,
  participantStreamId,
  plan,
  summarize,
  type Decision,
  type DomainError,
  type ParticipantCommand,
  type ParticipantEvent,
  type ParticipantState,
  type RegisterParticipant,
} from '@trialflow/domain';
import { createSerializer } from './serialize.js';

const { appendEvents } = proxyActivities<JourneyActivities>({
  startToCloseTimeout: '30 seconds',
  // Retried until the database is back: the append is idempotent by event id. A version conflict means a
  // second writer, which the single-writer design forbids, so it is not retried.
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['StreamVersionConflict'] },
});

const domainRejection = (error: DomainError): ApplicationFailure =>
  ApplicationFailure.create({ type: DOMAIN_REJECTION_FAILURE_TYPE, message: error.message, nonRetryable: true, details: [error] });

/**
 * One participant's journey. The single writer of the participant's stream: commands arrive as Updates,
 * deadlines come from `plan(state)`, and both go through the domain's `decide` before anything is appended.
 */
export async function participantJourney(input: JourneyWorkflowInput): Promise<void> {
  let state: ParticipantState = initialState;
  const serialized = createSerializer();
  const { workflowId, runId } = workflowInfo();

  const toRegister = (request: RegisterParticipantRequest): RegisterParticipant => ({
    type: 'RegisterParticipant',
    commandId: request.commandId,
    actor: request.actor,
    // The participant id is fixed when the workflow starts; a second start of the same code keeps the first.
    data: {
      participantId: input.participantId,
      participantCode: input.participantCode,
      trialId: request.trialId,
      cohortId: request.cohortId,
      siteId: request.siteId,
      ...(request.ageYears === undefined ? {} : { ageYears: request.ageYears }),
      ...(request.sex === undefined ? {} : { sex: request.sex }),
    },
  });

  async function record(command: ParticipantCommand, correlationId: string): Promise<Decision<ParticipantEvent>> {
    const decision = decide(state, command, new Date());
    if (!decision.ok || decision.events.length === 0) return decision;
    const streamId = participantStreamId(input.participantId);
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
    const trialId = state.trialId ?? (command.type === 'RegisterParticipant' ? command.data.trialId : '');
    await appendEvents({ streamId, streamType: 'participant', trialId, expectedVersion: state.version, events });
    const phaseBefore = state.phase;
    state = decision.events.reduce(evolve, state);
    if (state.phase !== phaseBefore) publishSearchAttributes();
    return decision;
  }

  function publishSearchAttributes(): void {
    upsertSearchAttributes([
      { key: trialIdKey, value: state.trialId ?? null },
      { key: siteIdKey, value: state.siteId ?? null },
      { key: cohortIdKey, value: state.cohortId ?? null },
      { key: journeyPhaseKey, value: state.phase },
    ]);
  }

  setHandler(
    registerParticipantUpdate,
    (request): Promise<CommandResult> =>
      serialized(async () => {
        const decision = await record(toRegister(request), request.correlationId);
        if (!decision.ok) throw domainRejection(decision.error);
        return { streamVersion: state.version, summary: summarize(state) };
      }),
    {
      // Synchronous by SDK contract: a rejected update is never written to history and appends nothing.
      validator: (request) => {
        if (request.participantCode !== input.participantCode) {
          throw domainRejection({ code: 'PARTICIPANT_CODE_MISMATCH', message: 'The request is for another participant.', field: 'participantCode' });
        }
        const decision = decide(state, toRegister(request), new Date());
        if (!decision.ok) throw domainRejection(decision.error);
      },
    },
  );
  setHandler(summaryQuery, () => summarize(state));
  setHandler(pendingDeadlinesQuery, () => plan(state));

  // Wait for the earliest deadline or for any new event, whichever comes first, then plan again. Every
  // deadline is recomputed from state, so an event that moves a date also moves its timer.
  // A deadline is handed to `decide` once: if it produced nothing (a rule said no), it must not spin.
  const handled = new Set<string>();
  for (;;) {
    const versionSeen = state.version;
    const next = plan(state).find((d) => !handled.has(`${d.id}@${d.dueAt}`));
    if (!next) {
      await condition(() => state.version !== versionSeen);
      continue;
    }
    const waitMs = Date.parse(next.dueAt) - Date.now();
    if (waitMs > 0 && (await condition(() => state.version !== versionSeen, waitMs))) continue;
    handled.add(`${next.id}@${next.dueAt}`);
    await serialized(() =>
      record(
        {
          type: 'ReachDeadline',
          commandId: `deadline:${next.id}:${next.dueAt}`,
          actor: SYSTEM_ACTOR,
          data: { deadlineId: next.id, dueAt: next.dueAt },
        },
        workflowId,
      ),
    );
  }
}
