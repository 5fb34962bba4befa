import { JourneyScenario } from '../../testing/journey-scenario.js';
import { plan } from '../planning/plan.js';

const infused = () => {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
  s.advanceDays(3);
  return s.infuse();
};

describe('Withdraw', () => {
  it('ends the journey inside the DLT window; afterwards nothing clinical is accepted and no visit is planned', () => {
    const s = infused();
    s.advanceDays(10);
    s.run({ type: 'Withdraw', data: { reason: 'Withdrew consent', safetyFollowUpConsented: false, withdrawnOn: s.date() } });
    expect(s.state).toMatchObject({ phase: 'ENDED', endReason: 'WITHDRAWN' });
    expect(s.try({ type: 'ReportAdverseEvent', data: { term: 'Rash', grade: 1, serious: false, causality: 'UNLIKELY', onsetOn: s.date(), awareAt: s.now.toISOString() } })).toMatchObject({ ok: false, error: { code: 'JOURNEY_ENDED' } });
    expect(plan(s.state).filter((d) => d.kind === 'VISIT_REMINDER' || d.kind === 'VISIT_WINDOW_CLOSES')).toEqual([]);
  });

  it('keeps safety follow-up (AEs, visits) when the participant agreed to it', () => {
    const s = infused();
    s.run({ type: 'Withdraw', data: { reason: 'Moved abroad', safetyFollowUpConsented: true, withdrawnOn: s.date() } });
    expect(s.try({ type: 'ReportAdverseEvent', data: { term: 'Rash', grade: 1, serious: false, causality: 'UNLIKELY', onsetOn: s.date(), awareAt: s.now.toISOString() } })).toMatchObject({ ok: true });
    expect(s.try({ type: 'AdministerLymphodepletionDose', data: { drug: 'fludarabine', day: -5, doseMg: 48.9, administeredAt: s.now.toISOString() } })).toMatchObject({ ok: false, error: { code: 'JOURNEY_ENDED' } });
  });

  it('requires a reason and refuses a second withdrawal', () => {
    const s = infused();
    expect(s.try({ type: 'Withdraw', data: { reason: '', safetyFollowUpConsented: false, withdrawnOn: s.date() } })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED' } });
    s.run({ type: 'Withdraw', data: { reason: 'Withdrew consent', safetyFollowUpConsented: false, withdrawnOn: s.date() } });
    expect(s.try({ type: 'Withdraw', data: { reason: 'Again', safetyFollowUpConsented: false, withdrawnOn: s.date() } })).toMatchObject({ ok: false, error: { code: 'JOURNEY_ENDED' } });
  });
});

describe('lost to follow-up, death and completion', () => {
  it('declares lost to follow-up after three documented attempts', () => {
    const s = infused();
    expect(s.try({ type: 'MarkLostToFollowUp', data: { lastContactOn: s.date(), attempts: 2 } })).toMatchObject({ ok: false, error: { code: 'CONTACT_ATTEMPTS_REQUIRED' } });
    expect(s.try({ type: 'MarkLostToFollowUp', data: { lastContactOn: s.date(), attempts: 3 } })).toMatchObject({ ok: true, events: [{ type: 'LostToFollowUp' }] });
  });

  it('records a death with date and cause, once', () => {
    const s = infused();
    expect(s.try({ type: 'RecordDeath', data: { diedOn: s.date(), cause: '' } })).toMatchObject({ ok: false, error: { code: 'REASON_REQUIRED', field: 'cause' } });
    s.run({ type: 'RecordDeath', data: { diedOn: s.date(), cause: 'Sepsis' } });
    expect(s.state.endReason).toBe('DIED');
    expect(s.try({ type: 'RecordDeath', data: { diedOn: s.date(), cause: 'Sepsis' } })).toMatchObject({ ok: false, error: { code: 'JOURNEY_ENDED' } });
  });

  it('completes the study only once the end-of-study visit is done or missed', () => {
    const s = infused();
    expect(s.try({ type: 'CompleteStudy', data: { completedOn: s.date() } })).toMatchObject({ ok: false, error: { code: 'STUDY_NOT_FINISHED' } });
    s.advanceDays(800);
    expect(s.state.missedVisits).toContain('M24');
    expect(s.try({ type: 'CompleteStudy', data: { completedOn: s.date() } })).toMatchObject({ ok: true, events: [{ type: 'StudyCompleted' }] });
  });
});
