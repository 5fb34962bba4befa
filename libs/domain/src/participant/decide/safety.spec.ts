import { investigatorActor, JourneyScenario } from '../../testing/journey-scenario.js';

const infused = () => {
  const s = JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled().lymphodeplete();
  s.advanceDays(3);
  return s.infuse();
};
const ae = (s: JourneyScenario, data: Record<string, unknown> = {}) =>
  s.try({ type: 'ReportAdverseEvent', data: { term: 'Neutropenia', grade: 2, serious: false, causality: 'POSSIBLE', onsetOn: s.date(), awareAt: s.now.toISOString(), ...data } as never });

describe('ReportAdverseEvent', () => {
  it('records the CTCAE term, grade, seriousness, causality and awareness time', () => {
    const s = infused();
    expect(ae(s)).toMatchObject({ ok: true, events: [{ type: 'AdverseEventReported', data: { term: 'Neutropenia', grade: 2, serious: false, causality: 'POSSIBLE', onsetOn: s.date() } }] });
  });

  it('flags a grade 5 event with onset inside the DLT window as a DLT candidate for adjudication', () => {
    const s = infused();
    s.advanceDays(10);
    const decision = ae(s, { term: 'Sepsis', grade: 5, serious: true });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'AdverseEventReported' }, { type: 'DltCandidateFlagged', data: { rule: 'ANY-G5' } }] });
  });

  it('flags a related grade ≥3 non-haematological AE only once it has lasted more than 7 days', () => {
    const s = infused();
    s.advanceDays(2);
    const first = ae(s, { term: 'Pneumonitis', grade: 3, causality: 'PROBABLE', onsetOn: s.date() });
    expect(first.ok && first.events.map((e) => e.type)).toEqual(['AdverseEventReported']);
    if (first.ok) s.apply(first.events);
    s.advanceDays(8);
    const later = ae(s, { term: 'Rash maculo-papular', grade: 1 });
    expect(later.ok && later.events.map((e) => (e.type === 'DltCandidateFlagged' ? e.data.rule : e.type))).toEqual(['AdverseEventReported', 'NONHEM-G3-7D']);
  });

  it('flags a grade 5 event with onset on the infusion day itself (day 0 is inside the window, though the AE has no time)', () => {
    const s = infused();
    const decision = ae(s, { term: 'Sepsis', grade: 5, serious: true, onsetOn: s.date() });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'AdverseEventReported' }, { type: 'DltCandidateFlagged', data: { rule: 'ANY-G5' } }] });
  });

  it('does not flag an AE with onset after the DLT window (day 29 of an inclusive 0-28 window)', () => {
    const s = infused();
    s.advanceDays(29);
    const decision = ae(s, { term: 'Sepsis', grade: 5, serious: true, onsetOn: s.date() });
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['AdverseEventReported']);
  });

  it('applies CTCAE v5.0 term-specific scales (no grade 5 "Neutrophil count decreased")', () => {
    expect(ae(infused(), { term: 'Neutrophil count decreased', grade: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_GRADE', field: 'grade' } });
  });

  it.each([
    [{ grade: 6 }, 'INVALID_GRADE', 'grade'],
    [{ grade: 0 }, 'INVALID_GRADE', 'grade'],
    [{ causality: 'MAYBE' }, 'INVALID_CAUSALITY', 'causality'],
    [{ term: '' }, 'INVALID_AE', 'term'],
    [{ resolvedOn: '2026-01-01' }, 'INVALID_AE', 'resolvedOn'],
    [{ onsetOn: '2026-13-01' }, 'INVALID_DATE', 'onsetOn'],
    [{ awareAt: 'yesterday' }, 'INVALID_INSTANT', 'awareAt'],
  ])('rejects %o with %s', (data, code, field) => {
    expect(ae(infused(), data)).toMatchObject({ ok: false, error: { code, field } });
  });

  it('collects only serious AEs after the end of full AE collection (day 90)', () => {
    const s = infused();
    s.advanceDays(92);
    expect(s.state.aeCollectionEnded).toBe(true);
    expect(ae(s)).toMatchObject({ ok: false, error: { code: 'AE_COLLECTION_ENDED' } });
    expect(ae(s, { serious: true, grade: 3 })).toMatchObject({ ok: true });
  });

  it('rejects AEs before consent', () => {
    expect(ae(JourneyScenario.for('ucart-cd19-bcma', 'SLE').register())).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } });
  });
});

describe('ReportSaeToSponsor (24-hour clock from awareness)', () => {
  const withSae = () => {
    const s = infused();
    s.run({ type: 'ReportAdverseEvent', data: { aeId: 'ae-1', term: 'Sepsis', grade: 4, serious: true, causality: 'POSSIBLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    return s;
  };

  it('records a timely report with the hours elapsed since awareness', () => {
    const s = withSae();
    s.later(23 * 60);
    expect(s.try({ type: 'ReportSaeToSponsor', data: { aeId: 'ae-1', reportedAt: s.now.toISOString() } })).toMatchObject({ ok: true, events: [{ type: 'SaeReportedToSponsor', data: { hoursAfterAwareness: 23 } }] });
  });

  it('raises a deviation candidate for a report after 24 h', () => {
    const s = withSae();
    s.later(25 * 60);
    const decision = s.try({ type: 'ReportSaeToSponsor', data: { aeId: 'ae-1', reportedAt: s.now.toISOString() } });
    expect(decision.ok && decision.events.map((e) => (e.type === 'DeviationCandidateRaised' ? e.data.rule : e.type))).toEqual(['SaeReportedToSponsor', 'SAE_REPORTED_LATE']);
  });

  it('rejects an unknown AE, a non-serious AE and a second report', () => {
    const s = withSae();
    s.run({ type: 'ReportAdverseEvent', data: { aeId: 'ae-2', term: 'Nausea', grade: 1, serious: false, causality: 'UNLIKELY', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    expect(s.try({ type: 'ReportSaeToSponsor', data: { aeId: 'nope', reportedAt: s.now.toISOString() } })).toMatchObject({ ok: false, error: { code: 'AE_NOT_FOUND' } });
    expect(s.try({ type: 'ReportSaeToSponsor', data: { aeId: 'ae-2', reportedAt: s.now.toISOString() } })).toMatchObject({ ok: false, error: { code: 'NOT_SERIOUS' } });
    s.run({ type: 'ReportSaeToSponsor', data: { aeId: 'ae-1', reportedAt: s.now.toISOString() } });
    expect(s.try({ type: 'ReportSaeToSponsor', data: { aeId: 'ae-1', reportedAt: s.now.toISOString() } })).toMatchObject({ ok: false, error: { code: 'ALREADY_REPORTED' } });
  });
});

describe('AssessCrs and AssessIcans (raw parameters; the grade is derived)', () => {
  const crs = (s: JourneyScenario, parameters: Record<string, unknown> = {}) =>
    s.try({ type: 'AssessCrs', data: { assessedAt: s.now.toISOString(), parameters: { temperature: { value: 38.6, unit: '°C' }, hypotension: 'none', oxygen: { device: 'none' }, ...parameters } as never } });
  const icans = (s: JourneyScenario, ice: number) =>
    s.try({ type: 'AssessIcans', data: { assessedAt: s.now.toISOString(), parameters: { encephalopathy: { instrument: 'ice', score: ice }, consciousness: 'alert', seizure: 'none', motor: 'none', cerebralOedema: 'none' } } });

  it('derives the ASTCT grade from the raw parameters and records the algorithm version', () => {
    const s = infused();
    expect(crs(s)).toMatchObject({ ok: true, events: [{ type: 'CrsAssessed', data: { grade: 1, algorithm: expect.stringMatching(/^crs\.astct@/) } }] });
    // Fever with one vasopressor and low-flow oxygen is grade 3 (Lee 2019).
    expect(crs(s, { hypotension: 'one-vasopressor', oxygen: { device: 'nasal-cannula', flow: { value: 2, unit: 'L/min' } } })).toMatchObject({ ok: true, events: [{ data: { grade: 3 } }] });
  });

  it('grade 4 CRS inside the DLT window is flagged as a DLT candidate under the protocol rule', () => {
    const s = infused();
    const decision = crs(s, { hypotension: 'multiple-vasopressors', oxygen: { device: 'none' } });
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'CrsAssessed', data: { grade: 4 } }, { type: 'DltCandidateFlagged', data: { rule: 'CRS-G4' } }] });
  });

  it('grades ICANS from the ICE score (ICE 2 in an awake adult is grade 3) without flagging a 72-hour rule early', () => {
    const s = infused();
    const decision = icans(s, 2);
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'IcansAssessed', data: { grade: 3 } }] });
    expect(decision.ok && decision.events).toHaveLength(1);
  });

  it('rejects assessments before infusion and raw parameters the calculator refuses, naming the field', () => {
    expect(crs(JourneyScenario.for('ucart-cd19-bcma', 'SLE').toEnrolled())).toMatchObject({ ok: false, error: { code: 'NOT_INFUSED' } });
    expect(crs(infused(), { hypotension: 'a lot' })).toMatchObject({ ok: false, error: { code: 'INVALID_ASSESSMENT', field: 'parameters.hypotension' } });
  });
});

describe('FlagDltCandidate and AdjudicateDlt', () => {
  const flagged = () => {
    const s = infused();
    s.run({ type: 'ReportAdverseEvent', data: { term: 'Pneumonitis', grade: 2, serious: false, causality: 'PROBABLE', onsetOn: s.date(), awareAt: s.now.toISOString() } });
    const entryId = s.state.adverseEvents[0]!.entryId;
    s.run({ type: 'FlagDltCandidate', data: { sourceEntryId: entryId, rule: 'INVESTIGATOR_JUDGEMENT', description: 'Persistent pneumonitis' } });
    return s;
  };
  const adjudicate = (s: JourneyScenario, data: Record<string, unknown> = {}, actor = investigatorActor) =>
    s.try({ type: 'AdjudicateDlt', actor, data: { candidateId: s.state.dlt.candidates[0]?.candidateId ?? 'x', isDlt: true, rationale: 'Meets protocol criterion 4', meaning: 'I adjudicate this DLT', reauthenticated: true, ...data } as never });

  it('lets a coordinator flag a candidate and an investigator adjudicate it with an e-signature', () => {
    const s = flagged();
    const decision = adjudicate(s);
    expect(decision).toMatchObject({ ok: true, events: [{ type: 'DltAdjudicated', data: { isDlt: true, signature: { signer: investigatorActor, meaning: 'I adjudicate this DLT', recordHash: expect.stringMatching(/^[0-9a-f]{64}$/) } } }] });
  });

  it.each([
    ['by a coordinator', {}, { id: 'c', role: 'coordinator' as const }, 'INVESTIGATOR_REQUIRED'],
    ['without re-authentication', { reauthenticated: false }, investigatorActor, 'REAUTHENTICATION_REQUIRED'],
    ['of an unknown candidate', { candidateId: 'nope' }, investigatorActor, 'DLT_CANDIDATE_NOT_FOUND'],
    ['without a rationale', { rationale: '' }, investigatorActor, 'REASON_REQUIRED'],
  ])('rejects adjudication %s', (_label, data, actor, code) => {
    expect(adjudicate(flagged(), data, actor)).toMatchObject({ ok: false, error: { code } });
  });

  it('rejects a second adjudication, a duplicate flag and flags after the window closed', () => {
    const s = flagged();
    s.run({ type: 'AdjudicateDlt', actor: investigatorActor, data: { candidateId: s.state.dlt.candidates[0]!.candidateId, isDlt: false, rationale: 'Resolved in 2 days', meaning: 'I adjudicate', reauthenticated: true } });
    expect(adjudicate(s)).toMatchObject({ ok: false, error: { code: 'ALREADY_ADJUDICATED' } });
    const source = s.state.adverseEvents[0]!.entryId;
    expect(s.try({ type: 'FlagDltCandidate', data: { sourceEntryId: source, rule: 'INVESTIGATOR_JUDGEMENT', description: 'again' } })).toMatchObject({ ok: false, error: { code: 'ALREADY_FLAGGED' } });
    s.advanceDays(30);
    expect(s.try({ type: 'FlagDltCandidate', data: { sourceEntryId: source, rule: 'LATE', description: 'late' } })).toMatchObject({ ok: false, error: { code: 'OUTSIDE_DLT_WINDOW' } });
  });
});
