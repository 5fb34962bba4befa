import { JourneyScenario } from '../testing/journey-scenario.js';
import { evolve } from './evolve.js';
import { upcast } from './upcasters.js';

describe('upcasting stored events', () => {
  it('reads a schema-1 Withdrawn (stored without its date) as schema 2 without inventing the date', () => {
    const stored = { type: 'Withdrawn', schemaVersion: 1, occurredAt: '2026-05-04T17:00:00.000Z', data: { reason: 'Participant decision', safetyFollowUpConsented: false } };
    expect(upcast(stored)).toEqual({ ...stored, schemaVersion: 2 });
  });

  it('keeps the withdrawal date entered at the site, even when the UTC date of the recording differs', () => {
    const s = JourneyScenario.for('ucart-cd19-bcma', 'MG', '2026-05-04T16:30:00.000Z'); // 00:30 on 5 May at the UTC+8 site
    s.toEnrolled();
    const [withdrawn] = s.run({ type: 'Withdraw', data: { reason: 'Participant decision', safetyFollowUpConsented: false, withdrawnOn: s.date() } });
    expect(withdrawn).toMatchObject({ type: 'Withdrawn', schemaVersion: 2, data: { withdrawnOn: '2026-05-05' } });
    expect(s.state.endedOn).toBe('2026-05-05');
    // A schema-1 event of the same instant could only give the recording's UTC date.
    const old = upcast({ type: 'Withdrawn', schemaVersion: 1, occurredAt: withdrawn!.occurredAt, data: { reason: 'x', safetyFollowUpConsented: false } });
    expect(evolve({ ...s.state, phase: 'ENROLLED' }, old).endedOn).toBe('2026-05-04');
  });
});
