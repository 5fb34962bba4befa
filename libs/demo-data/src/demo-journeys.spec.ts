import { decideImport, initialState, plan, type JourneyPhase } from '@trialflow/domain';
import { demoJourneys } from './demo-journeys.js';

const PHASES: readonly JourneyPhase[] = ['SCREENING', 'SCREEN_FAILED', 'ENROLLED', 'LYMPHODEPLETION', 'AWAITING_INFUSION', 'DLT_WINDOW', 'FOLLOW_UP', 'ENDED'];

describe('the demo journeys', () => {
  // Two seeding instants: early morning at the UTC+8 sites, and late evening (the site date is a day ahead of UTC).
  describe.each(['2026-11-22T01:30:00.000Z', '2026-11-21T15:45:00.000Z'])('seeded at %s', (instant) => {
    const now = new Date(instant);
    const journeys = demoJourneys(now);

    it('import as they were told: every entry accepted at its instant, ending in the phase the story says', () => {
      for (const journey of journeys) {
        const decision = decideImport(initialState, journey.entries, now);
        if (!decision.ok) throw new Error(`${journey.spec.participantCode}: ${decision.error.code} ${decision.error.message}`);
        expect({ code: journey.spec.participantCode, phase: decision.state.phase }).toEqual({ code: journey.spec.participantCode, phase: journey.phase });
        expect(journey.entries[0]!.command.type).toBe('RegisterParticipant');
        expect(journey.entries.every((e) => Date.parse(e.at) <= now.getTime())).toBe(true);
      }
    });

    it('cover every phase of both seed trials, at both demo sites of the UCAR-T study', () => {
      for (const trialId of ['ucart-cd19-bcma', 'cb-cd19-bcma']) {
        expect(new Set(journeys.filter((j) => j.spec.trialId === trialId).map((j) => j.phase))).toEqual(new Set(PHASES));
      }
      expect(new Set(journeys.filter((j) => j.spec.trialId === 'ucart-cd19-bcma').map((j) => j.spec.siteId))).toEqual(new Set(['DEMO-01', 'DEMO-02']));
      expect(new Set(journeys.map((j) => j.spec.participantCode)).size).toBe(journeys.length);
    });

    it('give a coordinator something to do: a signature pending, a DLT candidate to adjudicate, deviation candidates raised by missed visits', () => {
      const final = (code: string) => {
        const journey = journeys.find((j) => j.spec.participantCode === code)!;
        const decision = decideImport(initialState, journey.entries, now);
        if (!decision.ok) throw new Error(decision.error.message);
        return decision;
      };
      const u02 = final('DEMO-U02').state.screening;
      expect(u02.evaluation?.eligible).toBe(true);
      expect(u02.signature).toBeUndefined();
      // The investigator's own flag, and the protocol's rule (a grade 3 non-haematological AE lasting > 7 days) seen by the decider.
      const candidates = final('DEMO-U08').state.dlt.candidates;
      expect(candidates.map((c) => c.rule).sort()).toEqual(['INVESTIGATOR-JUDGEMENT', 'NONHEM-G3-7D']);
      expect(candidates.every((c) => !c.adjudicated)).toBe(true);
      const raised = (code: string) => final(code).steps.flatMap((s) => s.events).filter((e) => e.type === 'DeviationCandidateRaised').map((e) => (e.data as { deviationId: string }).deviationId);
      expect(raised('DEMO-U08')).toContain('visit-missed:D14');
      expect(raised('DEMO-U13')).toContain('visit-missed:M6');
      expect(final('DEMO-C09').state.endReason).toBe('DIED');
      // Visits due today and overdue (window still open) on the coordinator's worklist.
      const targets = (code: string) => plan(final(code).state).filter((d) => d.id.endsWith(':target')).map((d) => d.id);
      expect(targets('DEMO-U07')).toContain('visit:D7:target');
      expect(final('DEMO-U09').state.missedVisits).toEqual([]);
      expect(plan(final('DEMO-U09').state).map((d) => d.id)).toContain('visit:M3:closes');
      expect(final('DEMO-U13').state.endReason).toBe('LOST_TO_FOLLOW_UP');
    });

    it('record efficacy scores at follow-up visits, with responses under the instruments’ published definitions', () => {
      const outcomes = (code: string) => {
        const journey = journeys.find((j) => j.spec.participantCode === code)!;
        const decision = decideImport(initialState, journey.entries, now);
        if (!decision.ok) throw new Error(decision.error.message);
        return decision.state.efficacyAssessments.map((a) => `${a.value.instrument}@${a.value.visitId}:${a.value.response?.outcome ?? 'none'}`);
      };
      expect(outcomes('DEMO-U09')).toEqual(['SLEDAI-2K@D28:NO_RESPONSE', 'SLEDAI-2K@M2:RESPONSE']);
      expect(outcomes('DEMO-U10')).toEqual(['MG-ADL@D14:NO_RESPONSE', ...['D28', 'M2', 'M3', 'M6', 'M9'].map((v) => `MG-ADL@${v}:RESPONSE`)]);
      // The lupus nephritis baseline recorded in the story (no criterion measures it): reductions of 2, 6, 8.
      expect(outcomes('DEMO-C09')).toEqual(['SLEDAI-2K@D28:NO_RESPONSE', 'SLEDAI-2K@M2:RESPONSE', 'SLEDAI-2K@M3:RESPONSE']);
      expect(outcomes('DEMO-C08')).toEqual(['MRSS@D28:none', 'MRSS@M3:none', 'MRSS@M6:none', 'MRSS@M12:none']);
    });
  });

  it('are the same journeys for the same instant (the clock is the only input)', () => {
    const now = new Date('2026-11-22T01:30:00.000Z');
    expect(JSON.stringify(demoJourneys(now))).toBe(JSON.stringify(demoJourneys(now)));
  });
});
