import { allHandlersFinished, ApplicationFailure, condition, continueAsNew, currentUpdateInfo, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  CLIENT_COMMAND_TYPES,
  commandUpdate,
  importJourneyUpdate,
  MAX_IMPORT_ENTRIES,
  pendingDeadlinesQuery,
  registerParticipantUpdate,
  stateQuery,
  storeStatusQuery,
  summaryQuery,
  type ImportJourneyRequest,
  type JourneyCommandRequest,
  type JourneyWorkflowInput,
  type RegisterParticipantRequest,
} from '@trialflow/contracts';
import { plan, summarize, SYSTEM_ACTOR, type ParticipantCommand, type RegisterParticipant, type ReminderDueV1 } from '@trialflow/domain';
import { domainRejection, JourneyRun } from './journey-run.js';
import { DeadlineTimer } from './deadline-timer.js';
import { deliver } from './reminder-delivery.js';

/** After the journey ends, corrections (data cleaning, monitoring queries) are still accepted this long. */
const CLOSEOUT_MS = 90 * 86_400_000;
/**
 * Update-with-start starts the journey even when the registration is then rejected or never delivered (the
 * API timed out). Such a run gives up after a day and fails, which frees the code: the start uses the reuse
 * policy ALLOW_DUPLICATE_FAILED_ONLY, so a completed journey can never be restarted, a failed one can.
 */
const REGISTRATION_WAIT_MS = 86_400_000;

/**
 * One participant's journey. Commands arrive as Updates (one per command type; the Update id is the client's
 * command id) and deadlines come from `plan(state)`; both go through the domain's `decide` before anything is
 * appended. The run continues-as-new at every phase boundary (and when Temporal suggests it), carrying only
 * the stream version: the state comes back from the stream.
 */
export async function participantJourney(input: JourneyWorkflowInput): Promise<void> {
  const run = new JourneyRun(input.participantId, input.resume !== undefined);
  // Handlers are registered before the first await: Updates that arrive with the first activation of a new
  // run are dispatched to them, and wait in the handler until the state is back from the stream.

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
  const checkIdentity = (commandId: string) => {
    // The Update id is the idempotency key: it must be the command's own id.
    const update = currentUpdateInfo();
    if (update && update.id !== commandId) {
      throw domainRejection({ code: 'COMMAND_ID_MISMATCH', message: 'The update id must equal the command id.', field: 'commandId' });
    }
  };

  setHandler(registerParticipantUpdate, (request) => run.execute(toRegister(request), request.correlationId), {
    validator: (request) => {
      if (request.participantCode !== input.participantCode) {
        throw domainRejection({ code: 'PARTICIPANT_CODE_MISMATCH', message: 'The request is for another participant.', field: 'participantCode' });
      }
      checkIdentity(request.commandId);
      run.validate(toRegister(request));
    },
  });
  for (const type of CLIENT_COMMAND_TYPES) {
    setHandler(commandUpdate(type), (request: JourneyCommandRequest) => run.execute(request.command as ParticipantCommand, request.correlationId, request.expectedVersion), {
      validator: (request: JourneyCommandRequest) => {
        if (request.command.type !== type) throw domainRejection({ code: 'COMMAND_TYPE_MISMATCH', message: `This update carries ${type} commands.`, field: 'type' });
        checkIdentity(request.command.commandId);
        run.validate(request.command as ParticipantCommand, request.expectedVersion);
      },
    });
  }
  // An imported registration must be this journey's own: the eligibility record a signature covers (its hash)
  // includes the participant's ids, so they are checked, never replaced.
  const checkImportedIdentity = (request: ImportJourneyRequest) => {
    for (const [index, entry] of request.entries.entries()) {
      if (entry.command.type !== 'RegisterParticipant') continue;
      const field = `entries[${index}].command.data`;
      if (entry.command.data.participantCode !== input.participantCode) throw domainRejection({ code: 'PARTICIPANT_CODE_MISMATCH', message: 'The imported registration is for another participant code.', field: `${field}.participantCode` });
      if (entry.command.data.participantId !== input.participantId) throw domainRejection({ code: 'PARTICIPANT_ID_MISMATCH', message: `The imported registration names participant ${entry.command.data.participantId}; this journey is ${input.participantId}.`, field: `${field}.participantId` });
    }
  };
  setHandler(importJourneyUpdate, (request) => run.importEntries(request), {
    validator: (request) => {
      checkIdentity(request.importId);
      if (request.entries.length > MAX_IMPORT_ENTRIES) {
        throw domainRejection({ code: 'IMPORT_TOO_LARGE', message: `An import carries at most ${MAX_IMPORT_ENTRIES} entries (${request.entries.length} sent): split it.`, field: 'entries' });
      }
      if (request.reason.trim().length === 0) throw domainRejection({ code: 'REASON_REQUIRED', message: 'State why the journey is imported.', field: 'reason' });
      checkImportedIdentity(request);
      run.validateImport(request);
    },
  });
  setHandler(summaryQuery, () => summarize(run.loadedState()));
  setHandler(pendingDeadlinesQuery, () => plan(run.loadedState()));
  setHandler(stateQuery, () => run.loadedState());
  setHandler(storeStatusQuery, () => run.storeStatus());
  // Nothing ends or continues a run while an Update is in flight or an event is not yet in the store.
  const quiescent = () => allHandlersFinished() && run.stored();

  if (input.resume) await run.resume(input.resume.streamVersion);
  // A new run starts unregistered, whatever its first Update (dispatched synchronously by `setHandler`, above)
  // has recorded since: an import that starts the journey in follow-up crosses phase boundaries, and the run
  // continues as new after it like after any boundary.
  const phaseAtStart = input.resume ? run.state.phase : 'UNREGISTERED';

  // A deadline is handed to `decide` once per run: if it produced nothing (a rule said no), it must not spin.
  const handled = new Set<string>();
  const timer = new DeadlineTimer();
  for (;;) {
    // Registration is no phase of the clinical journey: a run that starts unregistered counts from screening.
    const baseline = phaseAtStart === 'UNREGISTERED' ? 'SCREENING' : phaseAtStart;
    const phaseBoundary = run.state.phase !== 'UNREGISTERED' && run.state.phase !== baseline;
    if (phaseBoundary || workflowInfo().continueAsNewSuggested) {
      // A safe point: wait for in-flight Updates and for the store to hold every event, then start afresh from it.
      await condition(quiescent);
      await continueAsNew<typeof participantJourney>({ participantId: input.participantId, participantCode: input.participantCode, resume: { streamVersion: run.state.version } });
    }
    const versionSeen = run.state.version;
    const next = plan(run.state).find((d) => !handled.has(`${d.id}@${d.dueAt}`));
    if (!next) {
      timer.disarm();
      const unregistered = run.state.phase === 'UNREGISTERED';
      const patience = unregistered ? REGISTRATION_WAIT_MS : run.state.phase === 'ENDED' ? CLOSEOUT_MS : undefined;
      const changed = await condition(() => run.state.version !== versionSeen, patience);
      if (changed === false && unregistered) {
        await condition(quiescent);
        throw ApplicationFailure.nonRetryable('No valid registration arrived within a day of the start.', 'RegistrationNeverArrived');
      }
      if (changed === false) break; // ended and closed out
      continue;
    }
    // Wait for the earliest deadline or for any new event; every deadline is recomputed from state, so an
    // event that moves a date also moves the timer (it is re-armed only when the deadline changes).
    if (Date.parse(next.dueAt) > Date.now()) {
      const armed = timer.arm(next);
      await condition(() => armed.fired || run.state.version !== versionSeen);
      if (!armed.fired) continue;
    }
    timer.disarm();
    handled.add(`${next.id}@${next.dueAt}`);
    const decision = run.record({ type: 'ReachDeadline', commandId: `deadline:${next.id}:${next.dueAt}`, actor: SYSTEM_ACTOR, data: { deadlineId: next.id, dueAt: next.dueAt } }, workflowInfo().workflowId);
    if (decision.ok) {
      for (const event of decision.events) if (event.type === 'ReminderDue') await deliver(run, event as ReminderDueV1);
    }
  }
  await condition(quiescent);
}
