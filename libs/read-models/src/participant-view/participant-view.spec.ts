import type { ParticipantEvent } from '@trialflow/domain';
import type { StoredEvent } from '@trialflow/event-store';
import { JourneyScenario, investigatorActor } from '../../../domain/src/testing/journey-scenario.js';
import { efficacyRows } from '../efficacy/efficacy.projection.js';
import { rosterRows } from '../participants/participants.projection.js';
import { emptyView, evolveView } from './participant-view.js';

const streamId = 'participant-2b1f0c8e-0d5f-4c1e-9d51-3f7b8e5b9a10';
const stored = (event: ParticipantEvent, position: number, actor = { id: 'coord-1', role: 'coordinator' }): StoredEvent => ({
  streamId,
  streamPosition: position,
  globalPosition: position,
  transactionId: String(position),
  eventId: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
  eventType: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data as unknown as Record<string, unknown>,
  metadata: { actor },
  occurredAt: event.occurredAt,
  recordedAt: '2026-12-01T00:00:00.000Z',
});

function infused(): JourneyScenario {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE');
  s.toEnrolled();
  s.advanceDays(2);
  s.lymphodeplete();
  s.advanceDays(3);
  return s.infuse();
}

const viewOf = (events: readonly ParticipantEvent[], actorAt: (i: number) => { id: string; role: string } = () => ({ id: 'coord-1', role: 'coordinator' })) =>
  events.reduce((view, event, i) => evolveView(view, stored(event, i + 1, actorAt(i))), emptyView(streamId));

describe('participant view', () => {
  it('folds a stream only in position order: a gap is a bug upstream, never silently folded', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').register().consent();
    const first = evolveView(emptyView(streamId), stored(s.events[0]!, 1));
    expect(() => evolveView(first, stored(s.events[1]!, 3))).toThrow(/position 3 folded onto version 1/);
  });

  it('is the domain\'s fold plus the audit facts rows need: who decided a deviation', () => {
    const s = infused();
    s.advanceDays(20); // the first visits' windows close with nothing done: missed-visit deviations
    const missed = s.state.deviations[0]!;
    s.run({ type: 'ConfirmDeviation', actor: investigatorActor, data: { deviationId: missed.deviationId, important: false, reason: 'Documented' } });
    const view = viewOf(s.events, (i) => (i === s.events.length - 1 ? { id: 'inv-1', role: 'investigator' } : { id: 'trialflow-orchestrator', role: 'system' }));
    expect(view.state).toEqual(s.state);
    expect(view.version).toBe(s.events.length);
    expect(view.deviations[missed.deviationId]).toMatchObject({ decidedBy: 'inv-1', decidedByRole: 'investigator', decisionReason: 'Documented' });
    expect(rosterRows(view)).toMatchObject([{ lastStreamVersion: s.events.length, openDeviations: s.state.deviations.filter((d) => d.status === 'CANDIDATE').length }]);
  });

  it('keeps a visit\'s assessments as corrected, so efficacy shows what was done, not what was first typed', () => {
    const s = infused();
    const d28 = s.protocol.visits.find((v) => v.id === 'D28')!;
    s.advanceDays(28);
    s.run({ type: 'CompleteVisit', commandId: 'visit-d28', data: { visitId: 'D28', actualDate: s.date(), assessments: ['SLEDAI-2K'] } });
    const statuses = () => Object.fromEntries(efficacyRows(viewOf(s.events)).filter((r) => r.timepoint === 'D28').map((r) => [r.instrument, r.status]));
    expect(statuses()).toMatchObject({ 'SLEDAI-2K': 'DONE', 'BILAG-2004': 'NOT_DONE' });
    s.run({ type: 'CorrectEntry', data: { entryId: 'visit-d28', changes: { assessments: d28.instruments.SLE }, reason: 'BILAG and PGA were done too' } });
    expect(statuses()).toMatchObject({ 'SLEDAI-2K': 'DONE', 'BILAG-2004': 'DONE', PGA: 'DONE' });
  });

  it('shows a score recorded at a visit with its value, change from baseline and response; a void falls back to done', () => {
    const s = infused();
    s.advanceDays(28);
    s.run({ type: 'CompleteVisit', commandId: 'visit-d28', data: { visitId: 'D28', actualDate: s.date(), assessments: ['SLEDAI-2K'] } });
    s.run({ type: 'RecordEfficacyAssessment', commandId: 'sledai-d28', data: { visitId: 'D28', instrument: 'SLEDAI-2K', assessedOn: s.date(), value: 2 } });
    const rowOf = () => efficacyRows(viewOf(s.events)).find((r) => r.timepoint === 'D28' && r.instrument === 'SLEDAI-2K');
    expect(rowOf()).toMatchObject({
      status: 'RECORDED', valueNumber: 2, unit: 'score', assessedOn: s.date(), studyDay: 28, entryId: 'sledai-d28',
      changeFromBaseline: -6, percentChangeFromBaseline: -75, response: 'RESPONSE', responseAlgorithm: 'sri-4.sledai-component@1.0.0',
    });
    expect(rowOf()?.responseDefinition).toMatch(/reduction of ≥4 points/);
    s.run({ type: 'VoidEntry', data: { entryId: 'sledai-d28', reason: 'Entered for the wrong visit' } });
    expect(rowOf()).toMatchObject({ status: 'DONE', valueNumber: null, response: null, entryId: null });
  });
});
