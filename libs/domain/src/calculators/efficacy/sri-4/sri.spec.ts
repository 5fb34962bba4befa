import type { Bilag2004Grades } from './bilag-2004.js';
import { defaultSriCriteria, sri, sri4, sriCriteriaSchema, type SriInput } from './sri.js';

const baselineGrades: Bilag2004Grades = {
  constitutional: 'D',
  mucocutaneous: 'B',
  neuropsychiatric: 'E',
  musculoskeletal: 'C',
  cardiorespiratory: 'D',
  gastrointestinal: 'E',
  ophthalmic: 'E',
  renal: 'A',
  haematological: 'C',
};

const visit = (over: {
  sledai?: [number, number];
  followUpGrades?: Partial<Bilag2004Grades>;
  pga?: [number, number];
  rescue?: boolean;
}): SriInput => ({
  sledai2k: { baseline: over.sledai?.[0] ?? 12, followUp: over.sledai?.[1] ?? 8 },
  bilag2004: { baseline: baselineGrades, followUp: { ...baselineGrades, renal: 'C', ...over.followUpGrades } },
  pga: { baseline: over.pga?.[0] ?? 1.5, followUp: over.pga?.[1] ?? 1.0 },
  ...(over.rescue === undefined ? {} : { rescueTherapyOrDropout: over.rescue }),
});

describe('SRI-4 (Furie 2009)', () => {
  it('defaults to the published SRI-4 thresholds', () => {
    expect(defaultSriCriteria).toEqual({ sledaiReduction: 4, pgaWorseningLimit: 0.3 });
  });

  it.each([
    ['SLEDAI-2K 12 → 8: exactly a 4-point reduction → responder', visit({}), true],
    ['SLEDAI-2K 12 → 9: only 3 points → non-responder', visit({ sledai: [12, 9] }), false],
    ['baseline SLEDAI-2K 3 cannot fall by 4 → non-responder', visit({ sledai: [3, 0] }), false],
    ['a new BILAG A (neuropsychiatric E → A) → non-responder', visit({ followUpGrades: { neuropsychiatric: 'A' } }), false],
    ['one new BILAG B (musculoskeletal C → B) is allowed → responder', visit({ followUpGrades: { musculoskeletal: 'B' } }), true],
    ['two new BILAG B (musculoskeletal C → B, haematological C → B) → non-responder', visit({ followUpGrades: { musculoskeletal: 'B', haematological: 'B' } }), false],
    ['renal A → B is an improvement, not a new B [lit, clinical-domain 3.2] → responder', visit({ followUpGrades: { renal: 'B', musculoskeletal: 'B' } }), true],
    ['renal A stays A: not new → responder', visit({ followUpGrades: { renal: 'A' } }), true],
    ['mucocutaneous B stays B: not new → responder', visit({ followUpGrades: { mucocutaneous: 'B', haematological: 'B' } }), true],
    ['PGA 0.9 → 1.2: worsening of exactly 0.3 fails → non-responder', visit({ pga: [0.9, 1.2] }), false],
    ['PGA 1.0 → 1.3: worsening of exactly 0.3 fails → non-responder', visit({ pga: [1.0, 1.3] }), false],
    ['PGA 0.9 → 1.1: worsening of 0.2 passes → responder', visit({ pga: [0.9, 1.1] }), true],
    ['PGA 1.0 → 1.29: worsening just below 0.3 passes → responder', visit({ pga: [1.0, 1.29] }), true],
    ['rescue therapy or drop-out is non-response [typ] → non-responder', visit({ rescue: true }), false],
  ])('%s', (_title, input, responder) => {
    const result = sri4(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(responder);
    expect(result.result.calculator).toBe('sri-4');
  });

  it('records each criterion in the components', () => {
    const result = sri4(visit({ followUpGrades: { neuropsychiatric: 'A', musculoskeletal: 'B' }, pga: [1.0, 1.2] }));
    if (!result.ok) throw new Error('expected a result');
    expect(result.result.components.sledai).toEqual({ reduction: 4, required: 4, met: true });
    expect(result.result.components.bilag).toEqual({ newA: ['neuropsychiatric'], newB: ['musculoskeletal'], met: false });
    expect(result.result.components.pga.met).toBe(true);
    expect(result.result.components.pga.increase).toBeCloseTo(0.2, 12);
  });

  it.each([
    [6, [12, 6], true],
    [6, [12, 7], false],
    [8, [20, 12], true],
  ])('SRI-%i variant with SLEDAI-2K %j → responder %s', (reduction, sledai, responder) => {
    const result = sri(visit({ sledai: sledai as [number, number] }), sriCriteriaSchema.parse({ sledaiReduction: reduction }));
    expect(result.ok && result.result.value).toBe(responder);
    expect(result.ok && result.result.calculator).toBe(`sri-${reduction}`);
  });

  it.each([
    ['a SLEDAI-2K above 105', { ...visit({}), sledai2k: { baseline: 106, followUp: 8 } }, [['OUT_OF_RANGE', 'sledai2k.baseline']]],
    ['a fractional SLEDAI-2K', { ...visit({}), sledai2k: { baseline: 12, followUp: 7.5 } }, [['INVALID_VALUE', 'sledai2k.followUp']]],
    ['a PGA above 3', { ...visit({}), pga: { baseline: 3.5, followUp: 1 } }, [['OUT_OF_RANGE', 'pga.baseline']]],
    ['a missing BILAG domain', { ...visit({}), bilag2004: { baseline: baselineGrades, followUp: { ...baselineGrades, renal: undefined } } }, [['MISSING_MEASURE', 'bilag2004.followUp.renal']]],
    ['a BILAG grade F', { ...visit({}), bilag2004: { baseline: { ...baselineGrades, ophthalmic: 'F' }, followUp: baselineGrades } }, [['INVALID_VALUE', 'bilag2004.baseline.ophthalmic']]],
    [
      'missing PGA and BILAG follow-up together',
      { sledai2k: { baseline: 12, followUp: 8 }, bilag2004: { baseline: baselineGrades }, pga: { baseline: 1 } },
      [
        ['MISSING_MEASURE', 'bilag2004.followUp'],
        ['MISSING_MEASURE', 'pga.followUp'],
      ],
    ],
  ])('rejects %s', (_title, input, expected) => {
    const result = sri4(input as unknown as SriInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it('rejects an SRI variant below SRI-4', () => {
    const result = sri(visit({}), { sledaiReduction: 3, pgaWorseningLimit: 0.3 });
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual([['INVALID_VALUE', 'criteria.sledaiReduction']]);
  });
});
