import { compareIgg4RdRi, igg4RdResponderIndex, igg4RdRiResponse, type Igg4RdRiInput } from './igg4-rd-ri.js';

const organ = (site: string, activity: number, urgent = false) => ({ site, activity, urgent });

// Activity 0-3 per organ [lit: Carruthers 2012, wording unverified]; urgent organs doubled [seed]; serum IgG4 item [?].
describe('IgG4-RD Responder Index (clinical-domain 3.13)', () => {
  it.each([
    ['no organ involved → 0', { organs: [] }, 0],
    ['pancreas persistent 2 + submandibular glands improved 1 → 3', { organs: [organ('pancreas', 2), organ('submandibularGlands', 1)] }, 3],
    ['urgent bile ducts new 3 doubled to 6 + lacrimal 2 → 8 [seed: urgent organs doubled]', { organs: [organ('bileDucts', 3, true), organ('lacrimalGlands', 2)] }, 8],
    ['urgent retroperitoneum 2 → 4; resolved kidney 0 → 4', { organs: [organ('retroperitoneum', 2, true), organ('kidney', 0)] }, 4],
    ['with the prototype serum IgG4 item 2 (not doubled) [?] → 5', { organs: [organ('pancreas', 3)], serumIgG4Activity: 2 }, 5],
    ['every activity at the upper bound, two urgent: 3×2 + 3×2 + 3 → 15', { organs: [organ('aorta', 3, true), organ('pachymeninges', 3, true), organ('lung', 3)] }, 15],
  ])('%s', (_title, input, total) => {
    const result = igg4RdResponderIndex(input as Igg4RdRiInput);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(total);
  });

  it('keeps damage out of the activity score and records the per-organ doubling', () => {
    const result = igg4RdResponderIndex({ organs: [{ site: 'pancreas', activity: 2, urgent: true, damage: true, symptomatic: true }] });
    expect(result.ok && result.result.components).toEqual({
      organs: [{ site: 'pancreas', activity: 2, urgent: true, score: 4 }],
      organTotal: 4,
      serumIgG4: { scored: false },
    });
  });

  it.each([
    ['activity 4', { organs: [organ('pancreas', 4)] }, [['OUT_OF_RANGE', 'organs.0.activity']]],
    ['activity -1', { organs: [organ('pancreas', -1)] }, [['OUT_OF_RANGE', 'organs.0.activity']]],
    ['urgent without activity', { organs: [organ('kidney', 0, true)] }, [['INVALID_VALUE', 'organs.0.urgent']]],
    ['a site assessed twice', { organs: [organ('kidney', 1), organ('kidney', 2)] }, [['INVALID_VALUE', 'organs.1.site']]],
    ['a missing urgent flag', { organs: [{ site: 'lung', activity: 2 }] }, [['MISSING_MEASURE', 'organs.0.urgent']]],
    ['a missing site name', { organs: [{ activity: 2, urgent: false }] }, [['MISSING_MEASURE', 'organs.0.site']]],
    ['serum IgG4 activity 5', { organs: [], serumIgG4Activity: 5 }, [['OUT_OF_RANGE', 'serumIgG4Activity']]],
    ['no organ list', {}, [['MISSING_MEASURE', 'organs']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = igg4RdResponderIndex(input as unknown as Igg4RdRiInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  // Response = strictly more than a 50% decrease [src, clinical-domain 3.13 / section 8 row 30].
  it.each([
    [12, 5, true],
    [12, 6, false],
    [8, 0, true],
    [3, 2, false],
  ])('RI %i → %i: responder %s', (baseline, followUp, responder) => {
    const result = igg4RdRiResponse(baseline, followUp);
    expect(result.ok && result.result.value).toBe(responder);
  });

  it('has no response from a zero baseline', () => {
    const result = igg4RdRiResponse(0, 0);
    expect(!result.ok && result.errors[0]?.code).toBe('NOT_APPLICABLE');
  });

  it('compares totals', () => {
    expect(compareIgg4RdRi(10, 4)).toMatchObject({ ok: true, result: { value: { absoluteChange: -6, percentChange: -60 } } });
  });
});
