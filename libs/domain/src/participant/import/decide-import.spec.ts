import { JourneyScenario } from '../../testing/journey-scenario.js';
import type { ParticipantCommand } from '../commands.js';
import { initialState } from '../state.js';
import { decideImport, type ImportEntry } from './decide-import.js';

/** A participant infused on 2026-03-10 whose D14 visit was never done, and who had an AE on day 20. */
function infusedJourney() {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE', '2026-03-02T01:00:00.000Z');
  s.toEnrolled();
  s.advanceDays(2);
  s.lymphodeplete();
  s.advanceDays(3);
  s.infuse();
  const infusionDate = s.state.infusion!.infusionDate;
  for (const [visitId, day] of [['D7', 7], ['D10', 10]] as const) {
    s.advanceTo(`${addDays(infusionDate, day)}T02:00:00.000Z`);
    s.run({ type: 'CompleteVisit', data: { visitId, actualDate: s.date(), assessments: ['SLEDAI-2K'] } });
  }
  s.advanceTo(`${addDays(infusionDate, 20)}T02:00:00.000Z`);
  s.run({ type: 'ReportAdverseEvent', data: { term: 'Nausea', grade: 1, serious: false, causality: 'UNLIKELY', onsetOn: s.date(), awareAt: s.now.toISOString() } as never });
  return s;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const now = new Date('2026-11-01T00:00:00.000Z');

describe('importing a journey from source records', () => {
  it('decides every entry at its own instant and reaches the state the live journey reached', () => {
    const live = infusedJourney();
    const decision = decideImport(initialState, live.entries, now);
    if (!decision.ok) throw new Error(decision.error.message);
    expect(decision.state).toEqual(live.state);
    const consent = decision.steps.find((s) => s.command.type === 'SignConsent')!;
    expect(consent.events[0]!.occurredAt).toBe(live.entries.find((e) => e.command.type === 'SignConsent')!.at);
    // Enrolment is dated by the entry, not by the import.
    expect(decision.state.enrolledAt).toBe(live.entries.find((e) => e.command.type === 'Enrol')!.at);
  });

  it('reaches a deadline that fell due between two entries in its place, at its due time', () => {
    const live = infusedJourney();
    const decision = decideImport(initialState, live.entries, now);
    if (!decision.ok) throw new Error(decision.error.message);
    const types = decision.steps.map((s) => s.command.type);
    const missed = decision.steps.findIndex((s) => s.events.some((e) => e.type === 'DeviationCandidateRaised' && (e.data as { deviationId: string }).deviationId === 'visit-missed:D14'));
    expect(missed).toBeGreaterThan(types.indexOf('CompleteVisit'));
    expect(missed).toBeLessThan(types.indexOf('ReportAdverseEvent'));
    expect(decision.steps[missed]!.command).toMatchObject({ type: 'ReachDeadline', actor: { role: 'system' } });
    expect(decision.steps[missed]!.events[0]!.occurredAt).toBe(decision.steps[missed]!.at);
  });

  it('refuses the whole import at the first refused entry, naming the entry and its field', () => {
    const entries = [...infusedJourney().entries];
    const visit = entries.findIndex((e) => e.command.type === 'CompleteVisit');
    const bad = { ...entries[visit]!, command: { ...entries[visit]!.command, data: { ...(entries[visit]!.command.data as object), visitId: 'D99' } } as ParticipantCommand };
    entries[visit] = bad;
    const decision = decideImport(initialState, entries, now);
    expect(decision).toMatchObject({ ok: false, error: { field: `entries[${visit}].command.data.visitId` } });
    expect(!decision.ok && decision.error.message).toMatch(new RegExp(`^Entry ${visit} \\(CompleteVisit, `));
  });

  it('binds an imported eligibility signature without a record hash to the evaluation it follows', () => {
    const entries = infusedJourney().entries.map((e) => (e.command.type === 'SignEligibility' ? { ...e, command: { ...e.command, data: { ...e.command.data, recordHash: '' } } as ParticipantCommand } : e));
    const decision = decideImport(initialState, entries, now);
    if (!decision.ok) throw new Error(decision.error.message);
    const signed = decision.steps.find((s) => s.command.type === 'SignEligibility')!;
    expect(signed.events[0]).toMatchObject({ type: 'EligibilitySigned', data: { signature: { recordHash: decision.state.screening.evaluation!.recordHash } } });
    // A hash that is not the evaluation's is still refused, as live.
    const wrong = entries.map((e) => (e.command.type === 'SignEligibility' ? { ...e, command: { ...e.command, data: { ...e.command.data, recordHash: 'f'.repeat(64) } } as ParticipantCommand } : e));
    expect(decideImport(initialState, wrong, now)).toMatchObject({ ok: false, error: { code: 'RECORD_CHANGED_SINCE_DISPLAYED' } });
  });

  const first = (): ImportEntry[] => infusedJourney().entries.slice(0, 3);
  it.each<[string, (entries: ImportEntry[]) => ImportEntry[], string, string]>([
    ['an instant after now', (e) => [e[0]!, { ...e[1]!, at: '2026-12-01T00:00:00.000Z' }], 'IMPORT_INSTANT_IN_FUTURE', 'entries[1].at'],
    ['an instant that is not one', (e) => [{ ...e[0]!, at: 'yesterday' }], 'IMPORT_INSTANT_INVALID', 'entries[0].at'],
    ['entries out of order', (e) => [e[0]!, { ...e[1]!, at: '2026-03-01T00:00:00.000Z' }], 'IMPORT_OUT_OF_ORDER', 'entries[1].at'],
    ['a command id twice', (e) => [e[0]!, e[1]!, { ...e[2]!, command: { ...e[2]!.command, commandId: e[1]!.command.commandId } }], 'IMPORT_COMMAND_ID_REUSED', 'entries[2].command.commandId'],
    [
      'a timer the orchestrator did not fire',
      (e) => [e[0]!, { at: e[0]!.at, command: { type: 'ReachDeadline', commandId: 'x', actor: { id: 'a', role: 'admin' }, data: { deadlineId: 'screening-window:1', dueAt: e[0]!.at } } }],
      'IMPORT_COMMAND_NOT_ALLOWED',
      'entries[1].command.type',
    ],
    ['nothing', () => [], 'IMPORT_EMPTY', 'entries'],
  ])('refuses %s', (_what, edit, code, field) => {
    expect(decideImport(initialState, edit(first()), now)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('cannot rewrite the past of a journey that already has events', () => {
    const entries = first();
    expect(decideImport(initialState, entries, now, '2026-03-05T00:00:00.000Z')).toMatchObject({ ok: false, error: { code: 'IMPORT_OUT_OF_ORDER', field: 'entries[0].at' } });
  });
});
