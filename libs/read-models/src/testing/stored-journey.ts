import { findProtocol, participantStreamId, type ParticipantCommand, type ParticipantEvent } from '@trialflow/domain';
import type { StoredEvent } from '@trialflow/event-store';
import { JourneyScenario } from '../../../domain/src/testing/journey-scenario.js';

/**
 * A participant driven through the real decider (the domain's JourneyScenario) whose events are kept as the
 * store would return them, with metadata from the command that produced each one and deterministic ids and
 * recording times (each event recorded one second after the scenario's clock), so exports of it can be
 * compared with hand-checked expected output. For tests only (excluded from the build).
 */
export class StoredJourney extends JourneyScenario {
  readonly stored: StoredEvent[] = [];
  private current: ParticipantCommand | undefined;

  constructor(
    trialId: string,
    cohortId: string,
    start: string,
    readonly participantId = '11111111-1111-4111-8111-111111111111',
    readonly participantCode = 'TF-0001',
  ) {
    const protocol = findProtocol(trialId);
    const cohort = protocol?.cohorts.find((c) => c.id === cohortId);
    if (!protocol || !cohort) throw new Error(`no ${trialId}/${cohortId}`);
    super(protocol, cohort, start);
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
    for (const event of events) {
      const command = this.current!;
      const position = this.stored.length + 1;
      const recordedAt = new Date(Math.max(Date.parse(event.occurredAt), this.now.getTime()) + 1000).toISOString();
      this.stored.push({
        streamId: this.streamId,
        streamPosition: position,
        globalPosition: position,
        transactionId: String(position),
        eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
        eventType: event.type,
        schemaVersion: event.schemaVersion,
        data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
        metadata: JSON.parse(
          JSON.stringify({
            actor: command.actor,
            commandId: command.commandId,
            correlationId: `req-${command.commandId}`,
            causationId: command.commandId,
            reason: command.reason,
            occurredAt: event.occurredAt,
            workflowId: `participant-${this.participantCode}`,
            workflowRunId: 'run-1',
          }),
        ) as Record<string, unknown>,
        occurredAt: event.occurredAt,
        recordedAt,
      });
    }
  }

  override register(overrides: Partial<{ ageYears: number; sex: 'F' | 'M' }> = {}): this {
    this.run({
      type: 'RegisterParticipant',
      data: { participantId: this.participantId, participantCode: this.participantCode, trialId: this.protocol.trialId, cohortId: this.cohort.id, siteId: this.siteId, ageYears: overrides.ageYears ?? 34, sex: overrides.sex ?? 'F' },
    });
    return this;
  }

  subject(): { streamId: string; events: StoredEvent[] } {
    return { streamId: this.streamId, events: [...this.stored] };
  }
}

/**
 * Seven events to check exports by hand: registration, consent, an AE re-graded by a correction, an unscheduled
 * visit voided, and the withdrawal a day later (trial ucart-cd19-bcma, site DEMO-01 at UTC+8).
 */
export function smallJourney(): StoredJourney {
  const s = new StoredJourney('ucart-cd19-bcma', 'SLE', '2026-03-02T01:00:00.000Z');
  s.register().consent();
  s.later(30);
  s.run({ type: 'ReportAdverseEvent', commandId: 'ae-1', data: { term: 'Headache', grade: 2, serious: false, causality: 'POSSIBLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
  s.later(60);
  s.run({ type: 'CorrectEntry', data: { entryId: 'ae-1', changes: { grade: 1 }, reason: 'Re-graded against the source' } });
  s.run({ type: 'RecordUnscheduledVisit', commandId: 'uv-1', data: { visitDate: s.date(), reason: 'Headache follow-up', assessments: ['VITALS'] } });
  s.later(5);
  s.run({ type: 'VoidEntry', data: { entryId: 'uv-1', reason: 'Entered for the wrong participant' } });
  s.later(24 * 60);
  s.run({ type: 'Withdraw', data: { reason: 'Participant decision', safetyFollowUpConsented: false, withdrawnOn: s.date() } });
  return s;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * A participant with most of what the exports map: lymphodepletion and infusion, a CRS episode, AEs (one
 * corrected, one serious), visits done and one missed (deviation confirmed), a visit date corrected out of its
 * window (deviation dismissed), an unscheduled visit; then the withdrawal, with safety follow-up.
 */
export function eventfulStoredJourney(): StoredJourney {
  const s = new StoredJourney('ucart-cd19-bcma', 'SLE', '2026-03-02T01:30:00.000Z', '22222222-2222-4222-8222-222222222222', 'TF-0002');
  s.toEnrolled();
  s.advanceDays(2);
  s.lymphodeplete();
  s.advanceDays(3);
  s.infuse();
  const infusionDate = s.state.infusion!.infusionDate;
  const target = (visitId: string) => addDays(infusionDate, s.protocol.visits.find((v) => v.id === visitId)!.nominalDay);
  s.later(12 * 60);
  const crs = (temperature: number) => s.run({ type: 'AssessCrs', data: { assessedAt: s.now.toISOString(), parameters: { temperature: { value: temperature, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' } } } as never });
  crs(38.6);
  s.later(24 * 60);
  crs(36.8);
  s.run({ type: 'ReportAdverseEvent', commandId: 'ae-neutropenia', data: { term: 'Neutrophil count decreased', grade: 3, serious: false, causality: 'PROBABLE', onsetOn: s.date(), awareAt: s.now.toISOString(), haematological: true } });
  s.later(60);
  s.run({ type: 'ReportAdverseEvent', commandId: 'ae-pneumonia', data: { term: 'Lung infection', grade: 3, serious: true, causality: 'POSSIBLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
  s.later(120);
  s.run({ type: 'ReportSaeToSponsor', data: { aeId: 'ae-pneumonia', reportedAt: s.now.toISOString() } });
  s.run({ type: 'CorrectEntry', data: { entryId: 'ae-neutropenia', changes: { grade: 2, resolvedOn: s.date() }, reason: 'Lab value re-read: grade 2, resolved' } });
  s.run({ type: 'RecordUnscheduledVisit', commandId: 'unscheduled-1', data: { visitDate: s.date(), reason: 'Fever follow-up', assessments: ['CRP'] } });
  for (const visit of s.protocol.visits.slice(0, 4)) {
    s.advanceTo(`${target(visit.id)}T02:00:00.000Z`);
    if (visit.id === 'D14') continue; // missed: its window closes with the visit not done
    s.run({ type: 'CompleteVisit', commandId: `visit-${visit.id}`, data: { visitId: visit.id, actualDate: target(visit.id), assessments: ['VITALS'] } });
  }
  s.run({ type: 'ConfirmDeviation', actor: { id: 'inv-1', role: 'investigator', siteId: 'DEMO-01' }, data: { deviationId: 'visit-missed:D14', important: false, reason: 'Participant travelling' } });
  s.run({ type: 'CorrectEntry', data: { entryId: 'visit-D21', changes: { actualDate: addDays(target('D21'), -3) }, reason: 'Visit date mistyped' } });
  s.run({ type: 'DismissDeviation', actor: { id: 'inv-1', role: 'investigator', siteId: 'DEMO-01' }, data: { deviationId: 'visit-out-of-window:D21', reason: 'Verified against source' } });
  s.later(60);
  s.run({ type: 'Withdraw', data: { reason: 'Moved abroad', safetyFollowUpConsented: true, withdrawnOn: s.date() } });
  return s;
}
