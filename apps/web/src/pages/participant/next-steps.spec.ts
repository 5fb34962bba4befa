import { describe, expect, it } from '@jest/globals';
import { consented, enrolled, evaluated, protocol, registered } from './fixtures.js';
import { nextSteps, remainingDoses } from './next-steps.js';

const status = (steps: ReturnType<typeof nextSteps>) => Object.fromEntries(steps.steps.map((s) => [s.id, s.status]));

describe('next steps of a participant', () => {
  it('starts with consent: no study procedure before it', () => {
    const plan = nextSteps(registered, protocol, 'SLE', 'coordinator');
    expect(plan.next).toBe('consent');
    expect(status(plan)).toMatchObject({ consent: 'todo', observations: 'blocked', attestations: 'blocked', evaluate: 'blocked', sign: 'blocked', enrol: 'blocked' });
  });

  it('counts a criterion with alternatives as answered by either, and offers the investigator what is theirs only', () => {
    const coordinator = nextSteps(consented, protocol, 'SLE', 'coordinator');
    expect(coordinator.next).toBe('observations');
    expect(coordinator.steps.find((s) => s.id === 'observations')!.note).toBe('2 criterion(s) without a value');
    // REFRACTORY and the bilirubin criterion (whose alternative is an attestation) are unanswered.
    expect(coordinator.steps.find((s) => s.id === 'attestations')).toMatchObject({ status: 'todo', investigatorOnly: true, actionable: false });
    expect(nextSteps(consented, protocol, 'SLE', 'investigator').steps.find((s) => s.id === 'attestations')!.actionable).toBe(true);

    const answered = nextSteps(evaluated, protocol, 'SLE', 'coordinator');
    expect(status(answered)).toMatchObject({ observations: 'done', attestations: 'done', evaluate: 'done', sign: 'todo', enrol: 'blocked' });
    expect(answered.next).toBe('sign');
  });

  it('lets the journey go on once the signature covers the evaluation shown, and not on an older one', () => {
    const signature = { signer: { id: 'investigator.a', name: 'Dr A' }, meaning: 'eligible', signedAt: '2026-11-21T23:30:00Z' };
    const signed = { ...evaluated, screening: { ...evaluated.screening, signature: { ...signature, recordHash: 'a'.repeat(64) } } };
    expect(status(nextSteps(signed, protocol, 'SLE', 'coordinator'))).toMatchObject({ sign: 'done', enrol: 'todo' });
    const stale = { ...evaluated, screening: { ...evaluated.screening, signature: { ...signature, recordHash: 'b'.repeat(64) } } };
    expect(status(nextSteps(stale, protocol, 'SLE', 'coordinator'))).toMatchObject({ sign: 'todo', enrol: 'blocked' });
  });

  it('holds lymphodepletion until the product lot is on site, then counts the doses left', () => {
    expect(status(nextSteps(enrolled, protocol, 'SLE', 'coordinator'))).toMatchObject({ 'product-lot': 'todo', 'ld-calculation': 'done', 'ld-dose': 'blocked', 'pre-infusion-check': 'blocked', thaw: 'blocked', infusion: 'blocked' });
    const withLot = { ...enrolled, lot: { lotId: 'L', bagIds: ['B1'] } };
    const plan = nextSteps(withLot, protocol, 'SLE', 'coordinator');
    expect(plan.next).toBe('ld-dose');
    const oneGiven = { ...withLot, phase: 'LYMPHODEPLETION' as const, ld: { ...withLot.ld, administered: [{ entryId: 'd1', type: 'X', value: { drug: 'flu', day: -5, doseMg: 48.9, at: '2026-11-18T01:00:00Z' } }] } };
    expect(remainingDoses(oneGiven)).toEqual([{ drug: 'cy', day: -5, doseMg: 490 }]);
  });

  it('after the infusion offers visits, AEs and CRS/ICANS assessments, and DLT adjudication to the investigator once a candidate is flagged', () => {
    const infused = { ...enrolled, phase: 'DLT_WINDOW' as const, infusion: { entryId: 'i', startedAt: '2026-11-22T01:00:00Z', completedAt: '2026-11-22T01:20:00Z', infusionDate: '2026-11-22', percentOfTarget: 100 } };
    const plan = nextSteps(infused, protocol, 'SLE', 'coordinator');
    expect(plan.next).toBe('visit');
    expect(status(plan)).toEqual({ visit: 'todo', 'adverse-event': 'todo', crs: 'todo', icans: 'todo', 'dlt-adjudication': 'blocked', 'unscheduled-visit': 'todo', correction: 'todo' });
    const graded = { ...infused, toxicityAssessments: [{ entryId: 'c1', type: 'CrsAssessed', value: { kind: 'CRS' as const, grade: 4, assessedAt: '2026-11-22T05:00:00Z' } }], dlt: { windowClosed: false, candidates: [{ candidateId: 'CRS-G4:c1', rule: 'CRS-G4' }] } };
    expect(nextSteps(graded, protocol, 'SLE', 'coordinator').steps.find((s) => s.id === 'crs')!.note).toBe('Latest: grade 4');
    expect(nextSteps(graded, protocol, 'SLE', 'coordinator').steps.find((s) => s.id === 'dlt-adjudication')).toMatchObject({ status: 'todo', investigatorOnly: true, actionable: false });
    expect(nextSteps(graded, protocol, 'SLE', 'investigator').steps.find((s) => s.id === 'dlt-adjudication')).toMatchObject({ actionable: true, note: '1 candidate(s) to adjudicate' });
  });

  it('asks for the SAE report and a decision on each deviation candidate in any phase, before the optional record keeping', () => {
    const serious = { aeId: 'ae-1', entryId: 'cmd-1', term: 'Fever', grade: 3, serious: true, causality: 'POSSIBLE', onsetOn: '2026-11-22', awareAt: '2026-11-22T01:00:00Z' };
    const deviation = { deviationId: 'sae-reported-late:ae-1', rule: 'SAE_REPORTED_LATE', important: true, description: 'late', status: 'CANDIDATE' as const };
    const signed = { ...evaluated, phase: 'SCREEN_FAILED' as const, adverseEvents: [serious], deviations: [deviation] };
    const plan = nextSteps(signed, protocol, 'SLE', 'coordinator');
    expect(plan.steps.map((s) => [s.id, s.status, s.recordKeeping])).toEqual([
      ['sae-report', 'todo', true],
      ['deviation-decision', 'todo', true],
      ['unscheduled-visit', 'todo', true],
      ['correction', 'todo', true],
    ]);
    expect(plan.next).toBe('sae-report');
    expect(plan.steps.find((s) => s.id === 'deviation-decision')!.note).toBe('1 awaiting a decision');
    const settled = { ...signed, adverseEvents: [{ ...serious, reportedToSponsorAt: '2026-11-22T02:00:00Z' }], deviations: [{ ...deviation, status: 'CONFIRMED' as const }] };
    expect(status(nextSteps(settled, protocol, 'SLE', 'coordinator'))).toMatchObject({ 'sae-report': 'done', 'deviation-decision': 'done' });
    expect(nextSteps(settled, protocol, 'SLE', 'coordinator').next).toBeUndefined();
    // Nothing of it before registration; no unscheduled visit once the journey has ended.
    expect(nextSteps({ ...registered, phase: 'UNREGISTERED' }, protocol, 'SLE', 'coordinator').steps).toEqual([]);
    expect(nextSteps({ ...settled, phase: 'ENDED' }, protocol, 'SLE', 'coordinator').steps.map((s) => s.id)).not.toContain('unscheduled-visit');
  });

  it('offers auditors and admins nothing to record', () => {
    for (const role of ['auditor', 'admin'] as const) expect(nextSteps(consented, protocol, 'SLE', role).steps.every((s) => !s.actionable)).toBe(true);
  });
});
