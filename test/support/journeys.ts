import { randomUUID } from 'node:crypto';
import { findProtocol, participantStreamId, type ParticipantCommand, type ParticipantEvent } from '@trialflow/domain';
import type { AppendRequest, NewEvent } from '@trialflow/event-store';
import { JourneyScenario, investigatorActor } from '../../libs/domain/src/testing/journey-scenario.js';

/**
 * Participants driven through the real decider (libs/domain's JourneyScenario), remembering which command
 * produced each event, so their streams can be appended exactly as the workflow appends them: one append
 * per command, with the command's actor, ids and reason as metadata.
 */
export class RecordedJourney extends JourneyScenario {
  readonly participantId = randomUUID();
  readonly participantCode = `TF-${randomUUID().slice(0, 8).toUpperCase()}`;
  readonly recorded: { event: ParticipantEvent; command: ParticipantCommand }[] = [];
  private current: ParticipantCommand | undefined;

  static start(trialId: string, cohortId: string, start: string): RecordedJourney {
    const protocol = findProtocol(trialId);
    const cohort = protocol?.cohorts.find((c) => c.id === cohortId);
    if (!protocol || !cohort) throw new Error(`no ${trialId}/${cohortId}`);
    return new RecordedJourney(protocol, cohort, start);
  }

  get streamId(): string {
    return participantStreamId(this.participantId);
  }

  override command(command: Parameters<JourneyScenario['command']>[0]): ParticipantCommand {
    this.current = super.command(command);
    return this.current;
  }

  override apply(events: readonly ParticipantEvent[]): void {
    super.apply(events);
    for (const event of events) this.recorded.push({ event, command: this.current! });
  }

  override register(overrides: Partial<{ ageYears: number; sex: 'F' | 'M' }> = {}): this {
    this.run({
      type: 'RegisterParticipant',
      data: { participantId: this.participantId, participantCode: this.participantCode, trialId: this.protocol.trialId, cohortId: this.cohort.id, siteId: this.siteId, ageYears: overrides.ageYears ?? 34, sex: overrides.sex ?? 'F' },
    });
    return this;
  }
}

/** The appends the workflow would have made for the journey so far (event ids fixed, so they can be retried). */
export function appendsOf(journey: RecordedJourney, fromEvent = 0): AppendRequest[] {
  const appends: AppendRequest[] = [];
  let version = fromEvent;
  let group: NewEvent[] = [];
  let groupCommand: ParticipantCommand | undefined;
  const close = () => {
    if (group.length === 0) return;
    appends.push({ streamId: journey.streamId, streamType: 'participant', trialId: journey.protocol.trialId, expectedVersion: version, events: group });
    version += group.length;
    group = [];
  };
  for (const { event, command } of journey.recorded.slice(fromEvent)) {
    if (command !== groupCommand) close();
    groupCommand = command;
    group.push({
      eventId: randomUUID(),
      eventType: event.type,
      schemaVersion: event.schemaVersion,
      data: event.data,
      occurredAt: event.occurredAt,
      metadata: {
        actor: command.actor,
        commandId: command.commandId,
        correlationId: `req-${command.commandId}`,
        causationId: command.commandId,
        ...(command.reason === undefined ? {} : { reason: command.reason }),
        occurredAt: event.occurredAt,
        workflowId: `participant-${journey.participantCode}`,
        workflowRunId: 'run-1',
      },
    });
  }
  close();
  return appends;
}

const ae = (s: RecordedJourney, commandId: string, data: Record<string, unknown>) =>
  s.run({ type: 'ReportAdverseEvent', commandId, data: { causality: 'POSSIBLE', serious: false, onsetOn: s.date(), awareAt: s.now.toISOString(), ...data } as never });

/**
 * A participant with a bit of everything a read model shows: infusion, CRS, AEs (one serious, reported to the
 * sponsor; one corrected), a DLT candidate adjudicated, visits done, D14 missed (deviation confirmed), D21
 * moved out of its window by a correction (deviation dismissed), an unscheduled visit voided, reminders
 * delivered and failed; stopped two days before month 3's target day, so visits and reminders are pending.
 */
export function eventfulJourney(start = '2026-03-02T01:30:00.000Z'): RecordedJourney {
  const s = RecordedJourney.start('ucart-cd19-bcma', 'SLE', start);
  s.toEnrolled();
  s.advanceDays(2);
  s.lymphodeplete();
  s.advanceDays(3);
  s.infuse();
  s.later(24 * 60);
  s.run({ type: 'AssessCrs', data: { assessedAt: s.now.toISOString(), parameters: { temperature: { value: 38.6, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } } as never });
  ae(s, 'ae-neutropenia', { term: 'Neutrophil count decreased', grade: 3, causality: 'PROBABLE', haematological: true });
  s.later(60);
  ae(s, 'ae-pneumonia', { term: 'Lung infection', grade: 3, serious: true });
  s.later(120);
  s.run({ type: 'ReportSaeToSponsor', data: { aeId: s.state.adverseEvents.find((a) => a.entryId === 'ae-pneumonia')!.aeId, reportedAt: s.now.toISOString() } });
  s.run({ type: 'FlagDltCandidate', data: { sourceEntryId: 'ae-pneumonia', rule: 'INVESTIGATOR-JUDGEMENT', description: 'Grade 3 infection in the DLT window' } });
  s.run({ type: 'AdjudicateDlt', actor: investigatorActor, data: { candidateId: 'INVESTIGATOR-JUDGEMENT:ae-pneumonia', isDlt: false, rationale: 'Resolved with antibiotics in 3 days', meaning: 'I adjudicate this DLT candidate', reauthenticated: true } });
  s.run({ type: 'CorrectEntry', data: { entryId: 'ae-neutropenia', changes: { grade: 2 }, reason: 'Lab value re-read: grade 2' } });
  s.run({ type: 'RecordUnscheduledVisit', commandId: 'unscheduled-1', data: { visitDate: s.date(), reason: 'Fever follow-up', assessments: ['CRP'] } });
  s.run({ type: 'VoidEntry', data: { entryId: 'unscheduled-1', reason: 'Recorded on the wrong participant' } });
  let delivered = 0;
  for (const window of s.protocol.visits.slice(0, 6)) {
    const target = `${targetOf(s, window.id)}T02:00:00.000Z`;
    s.advanceTo(target);
    for (const reminderId of s.state.remindersSent.filter((id) => !s.state.remindersDelivered.some((r) => r.reminderId === id))) {
      const ok = delivered++ % 4 !== 3;
      s.run({ type: 'RecordReminderDelivery', data: { reminderId, notificationId: `n-${reminderId}`, delivered: ok ? ['webhook'] : [], failures: ok ? [] : [{ channel: 'email', error: 'SMTP 451', attempts: 3 }], at: s.now.toISOString() } });
    }
    if (window.id === 'D14') continue; // missed: its window closes with the visit not done
    const instruments = [...(window.instruments[s.cohort.id] ?? []), ...(window.instruments['*'] ?? [])];
    s.run({ type: 'CompleteVisit', commandId: `visit-${window.id}`, data: { visitId: window.id, actualDate: targetOf(s, window.id), assessments: instruments.slice(0, Math.max(1, instruments.length - 1)) } });
  }
  s.run({ type: 'ConfirmDeviation', actor: investigatorActor, data: { deviationId: 'visit-missed:D14', important: false, reason: 'Participant travelling; documented in the notes' } });
  s.run({ type: 'CorrectEntry', data: { entryId: 'visit-D21', changes: { actualDate: addDays(targetOf(s, 'D21'), 3) }, reason: 'Visit date mistyped' } });
  s.run({ type: 'DismissDeviation', actor: investigatorActor, data: { deviationId: 'visit-out-of-window:D21', reason: 'Date verified against source: within the tolerance agreed with the sponsor' } });
  // Into month 3's window: its first reminders have gone out (one delivered, one not).
  s.advanceTo(`${addDays(targetOf(s, 'M3'), -2)}T02:00:00.000Z`);
  const [opens, threeDays] = s.state.remindersSent.filter((id) => id.startsWith('visit:M3:'));
  s.run({ type: 'RecordReminderDelivery', data: { reminderId: opens!, notificationId: `n-${opens}`, delivered: ['webhook', 'email'], failures: [], at: s.now.toISOString() } });
  s.run({ type: 'RecordReminderDelivery', data: { reminderId: threeDays!, notificationId: `n-${threeDays}`, delivered: [], failures: [{ channel: 'email', error: 'mailbox full', attempts: 3 }], at: s.now.toISOString() } });
  return s;
}

/** Screened, not eligible, screen failure recorded. */
export function screenFailedJourney(start = '2026-04-01T02:00:00.000Z'): RecordedJourney {
  const s = RecordedJourney.start('cb-cd19-bcma', 'SSC', start);
  s.register().consent();
  s.run({ type: 'RecordScreeningObservation', data: { code: 'MRSS', value: 9, unit: 'score', observedOn: s.date(), source: 'local lab' } });
  s.run({ type: 'EvaluateEligibility', data: {} });
  s.run({ type: 'FailScreening', data: { reason: 'mRSS below the protocol threshold' } });
  return s;
}

/** Screened and evaluated eligible: the investigator's e-signature is awaited. */
export function awaitingSignatureJourney(start = '2026-05-11T02:00:00.000Z'): RecordedJourney {
  const s = RecordedJourney.start('cb-cd19-bcma', 'SLE_LN', start);
  s.register().consent().satisfyCriteria();
  s.later(30);
  s.run({ type: 'EvaluateEligibility', data: {} });
  return s;
}

/** Enrolled, then withdrawn before lymphodepletion. */
export function withdrawnJourney(start = '2026-05-04T03:00:00.000Z'): RecordedJourney {
  const s = RecordedJourney.start('ucart-cd19-bcma', 'MG', start);
  s.toEnrolled();
  s.advanceDays(1);
  s.run({ type: 'Withdraw', data: { reason: 'Participant decision', safetyFollowUpConsented: false, withdrawnOn: s.date() } });
  return s;
}

const targetOf = (s: RecordedJourney, visitId: string): string => {
  const infusionDate = s.state.infusion!.infusionDate;
  const visit = s.protocol.visits.find((v) => v.id === visitId)!;
  return addDays(infusionDate, visit.nominalDay);
};

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
