import { pointsFor } from './points.js';
import { totalImprovementScore, type TisInput } from './total-improvement-score.js';

const vas = (baseline: number, followUp: number) => ({ baseline, followUp, scale: 'vas-cm' as const });
const ck = (baseline: number, followUp: number, uln = 200) => ({
  enzyme: 'CK' as const,
  baseline: { value: baseline, unit: 'U/L' },
  followUp: { value: followUp, unit: 'U/L' },
  upperLimitOfNormal: { value: uln, unit: 'U/L' },
});

const visit = (p: {
  phga: [number, number];
  ptga: [number, number];
  mmt: [number, number];
  haq: [number, number];
  ck: [number, number];
  extra: [number, number];
}): TisInput => ({
  physicianGlobal: vas(...p.phga),
  patientGlobal: vas(...p.ptga),
  manualMuscleTesting: { baseline: p.mmt[0], followUp: p.mmt[1], maximum: 80 },
  haq: { baseline: p.haq[0], followUp: p.haq[1] },
  muscleEnzymes: [ck(...p.ck)],
  extramuscularGlobal: vas(...p.extra),
});

describe('2016 ACR/EULAR myositis Total Improvement Score (Aggarwal 2017; points: Rider 2017 Table 3)', () => {
  // Hand calculation: % improvement = change / range × 100 (enzymes: change / baseline × 100) [lit: Aggarwal 2017,
  // formula unverified in clinical-domain 3.14], then points from Table 3 [src].
  it.each([
    [
      // PhGA 6→4.5 = 15% → 7.5; PtGA 5→4.5 = 5% → 0; MMT 60→62/80 = 2.5% → 10; HAQ 1.5→1.35 = 5% → 0; CK 1000→900 = 10% → 2.5; extramuscular 0%.
      'exactly 20 → minimal (adult threshold ≥20)',
      visit({ phga: [6, 4.5], ptga: [5, 4.5], mmt: [60, 62], haq: [1.5, 1.35], ck: [1000, 900], extra: [2, 2] }),
      20,
      'minimal',
    ],
    [
      // PhGA 30% → 17.5; PtGA 10% → 2.5; MMT 10% → 10; HAQ 10% → 5; CK 20% → 5; extramuscular 0.
      'exactly 40 → moderate (adult threshold ≥40)',
      visit({ phga: [6, 3], ptga: [6, 5], mmt: [60, 68], haq: [1.5, 1.2], ck: [2000, 1600], extra: [3, 3] }),
      40,
      'moderate',
    ],
    [
      // PhGA 50% → 20; PtGA 0; MMT 15% → 20; HAQ 10% → 5; CK 33.3% → 7.5; extramuscular 10% → 7.5.
      'exactly 60 → major (adult threshold ≥60)',
      visit({ phga: [8, 3], ptga: [7, 7], mmt: [50, 62], haq: [2, 1.7], ck: [3000, 2000], extra: [4, 3] }),
      60,
      'major',
    ],
    [
      // As above with extramuscular 4→3.5 = 5% → 0: 52.5.
      '52.5, just under major → moderate',
      visit({ phga: [8, 3], ptga: [7, 7], mmt: [50, 62], haq: [2, 1.7], ck: [3000, 2000], extra: [4, 3.5] }),
      52.5,
      'moderate',
    ],
    [
      // PhGA 15% → 7.5; PtGA 5% → 0; MMT 2.5% → 10; HAQ 5% → 0; CK 5% → 0; extramuscular 0.
      '17.5, just under minimal → none',
      visit({ phga: [6, 4.5], ptga: [5, 4.5], mmt: [60, 62], haq: [1.5, 1.35], ck: [1000, 950], extra: [2, 2] }),
      17.5,
      'none',
    ],
    ['every measure fully improved → 100', visit({ phga: [10, 0], ptga: [10, 0], mmt: [40, 80], haq: [3, 0], ck: [5000, 100], extra: [10, 0] }), 100, 'major'],
    ['every measure worse → 0', visit({ phga: [3, 5], ptga: [3, 4], mmt: [70, 60], haq: [1, 2], ck: [500, 900], extra: [1, 2] }), 0, 'none'],
    [
      // Zero baselines on range-scaled measures are well defined: 0→0 is 0%. MMT 70→80 = 12.5% → 20; CK 600→300 = 50% → 7.5.
      'zero baselines on PhGA, PtGA, HAQ and extramuscular → 27.5',
      visit({ phga: [0, 0], ptga: [0, 0], mmt: [70, 80], haq: [0, 0], ck: [600, 300], extra: [0, 0] }),
      27.5,
      'minimal',
    ],
  ])('%s', (_title, input, tis, improvement) => {
    const result = totalImprovementScore(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(tis);
    expect(result.result.components.improvement).toBe(improvement);
  });

  // Boundaries of the Table 3 bands: "worsening to ≤5%", ">5 to ≤15%", …; MMT "≤2%", ">2 to ≤10%", … [src].
  it.each([
    ['physicianGlobal', 5, 0],
    ['physicianGlobal', 5.0001, 7.5],
    ['physicianGlobal', 15, 7.5],
    ['physicianGlobal', 25, 15],
    ['physicianGlobal', 40, 17.5],
    ['physicianGlobal', 40.0001, 20],
    ['physicianGlobal', -30, 0],
    ['manualMuscleTesting', 2, 0],
    ['manualMuscleTesting', 2.0001, 10],
    ['manualMuscleTesting', 10, 10],
    ['manualMuscleTesting', 20, 20],
    ['manualMuscleTesting', 30, 27.5],
    ['manualMuscleTesting', 30.0001, 32.5],
    ['haq', 25, 7.5],
    ['haq', 40, 7.5],
    ['muscleEnzymes', 40.5, 7.5],
    ['extramuscularGlobal', 25, 12.5],
    ['patientGlobal', 41, 10],
  ] as const)('%s improved %d%% earns %d points', (measure, percent, points) => {
    expect(pointsFor(measure, percent)).toBe(points);
  });

  it('uses the juvenile thresholds (≥30/45/70) on request', () => {
    const forty = visit({ phga: [6, 3], ptga: [6, 5], mmt: [60, 68], haq: [1.5, 1.2], ck: [2000, 1600], extra: [3, 3] });
    const result = totalImprovementScore({ ...forty, population: 'juvenile' });
    expect(result.ok && result.result.components.improvement).toBe('minimal');
  });

  it('scores a Likert global over its 0-4 range and a bilateral MMT over 150', () => {
    // PhGA Likert 3→1 = 50% → 20; MMT 100→115/150 = 10% → 10; everything else unchanged.
    const input: TisInput = {
      ...visit({ phga: [0, 0], ptga: [4, 4], mmt: [0, 0], haq: [1, 1], ck: [300, 300], extra: [2, 2] }),
      physicianGlobal: { baseline: 3, followUp: 1, scale: 'likert' },
      manualMuscleTesting: { baseline: 100, followUp: 115, maximum: 150 },
    };
    const result = totalImprovementScore(input);
    expect(result.ok && result.result.value).toBe(30);
  });

  it('scores the most abnormal enzyme at baseline (largest multiple of its ULN), in any accepted unit', () => {
    // CK 1000/200 = 5×ULN beats ALT 3 µkat/L = 180 U/L over ULN 40 U/L = 4.5×; CK 1000→700 = 30% → 7.5.
    const input: TisInput = {
      ...visit({ phga: [5, 5], ptga: [5, 5], mmt: [60, 60], haq: [1, 1], ck: [1000, 700], extra: [2, 2] }),
      muscleEnzymes: [
        { enzyme: 'ALT', baseline: { value: 3, unit: 'µkat/L' }, followUp: { value: 0.5, unit: 'µkat/L' }, upperLimitOfNormal: { value: 40, unit: 'U/L' } },
        ck(1000, 700),
      ],
    };
    const result = totalImprovementScore(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.components.enzymeScored).toEqual({ enzyme: 'CK', baselineTimesUpperLimit: 5, baselineWithinNormal: false });
    expect(result.result.value).toBe(7.5);
  });

  it('flags an enzyme baseline within normal limits but scores it by the same formula [? clinical-domain 3.14]', () => {
    const result = totalImprovementScore(visit({ phga: [5, 5], ptga: [5, 5], mmt: [60, 60], haq: [1, 1], ck: [150, 120], extra: [2, 2] })); // CK 150→120 = 20% → 5
    expect(result.ok && result.result.components.enzymeScored.baselineWithinNormal).toBe(true);
    expect(result.ok && result.result.components.measures.muscleEnzymes.points).toBe(5);
  });

  const base = visit({ phga: [6, 3], ptga: [6, 5], mmt: [60, 68], haq: [1.5, 1.2], ck: [2000, 1600], extra: [3, 3] });
  it.each([
    ['a missing core set measure (HAQ)', { ...base, haq: undefined }, [['MISSING_MEASURE', 'haq']]],
    [
      'the seed\'s four measures only (no enzymes, no extramuscular activity)',
      { ...base, muscleEnzymes: undefined, extramuscularGlobal: undefined },
      [['MISSING_MEASURE', 'extramuscularGlobal'], ['MISSING_MEASURE', 'muscleEnzymes']],
    ],
    ['an empty enzyme list', { ...base, muscleEnzymes: [] }, [['MISSING_MEASURE', 'muscleEnzymes']]],
    ['a VAS above 10 cm', { ...base, patientGlobal: vas(11, 5) }, [['OUT_OF_RANGE', 'patientGlobal.baseline']]],
    ['a fractional Likert grade', { ...base, physicianGlobal: { baseline: 2.5, followUp: 1, scale: 'likert' } }, [['INVALID_VALUE', 'physicianGlobal.baseline']]],
    ['an unknown global scale', { ...base, physicianGlobal: { baseline: 2, followUp: 1, scale: 'nrs' } }, [['INVALID_VALUE', 'physicianGlobal.scale']]],
    ['MMT above its maximum', { ...base, manualMuscleTesting: { baseline: 81, followUp: 70, maximum: 80 } }, [['OUT_OF_RANGE', 'manualMuscleTesting.baseline']]],
    ['an MMT maximum other than 80 or 150', { ...base, manualMuscleTesting: { baseline: 50, followUp: 60, maximum: 100 } }, [['INVALID_VALUE', 'manualMuscleTesting.maximum']]],
    ['a HAQ above 3', { ...base, haq: { baseline: 3.5, followUp: 1 } }, [['OUT_OF_RANGE', 'haq.baseline']]],
    ['a zero enzyme baseline', { ...base, muscleEnzymes: [ck(0, 100)] }, [['OUT_OF_RANGE', 'muscleEnzymes.0.baseline.value']]],
    ['an enzyme in mg/dL', { ...base, muscleEnzymes: [{ ...ck(500, 100), followUp: { value: 1, unit: 'mg/dL' } }] }, [['WRONG_UNIT', 'muscleEnzymes.0.followUp.unit']]],
    ['an unknown enzyme', { ...base, muscleEnzymes: [{ ...ck(500, 100), enzyme: 'troponin' }] }, [['INVALID_VALUE', 'muscleEnzymes.0.enzyme']]],
    ['an unknown population', { ...base, population: 'child' }, [['INVALID_VALUE', 'population']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = totalImprovementScore(input as unknown as TisInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
