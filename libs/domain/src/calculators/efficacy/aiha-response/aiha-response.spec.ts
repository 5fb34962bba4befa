import { aihaResponse, type AihaResponseInput } from './aiha-response.js';
import { aihaResponseCriteriaSchema, defaultAihaResponseCriteria } from './criteria.schema.js';
import { aihaOverallResponseRate } from './overall-response-rate.js';

const normalMarkers = {
  ldh: { value: { value: 200, unit: 'U/L' }, upperLimitOfNormal: { value: 250, unit: 'U/L' } },
  bilirubin: { value: { value: 15, unit: 'µmol/L' }, upperLimitOfNormal: { value: 21, unit: 'µmol/L' } },
  haptoglobin: { value: { value: 0.8, unit: 'g/L' }, lowerLimitOfNormal: { value: 0.3, unit: 'g/L' } },
  reticulocytes: { value: { value: 80, unit: '10^9/L' }, upperLimitOfNormal: { value: 100, unit: '10^9/L' } },
};

const assessment = (hb: [number, string], over: Partial<AihaResponseInput> = {}): AihaResponseInput => ({
  baselineHaemoglobin: { value: 7, unit: 'g/dL' },
  haemoglobin: { value: hb[0], unit: hb[1] },
  daysSinceLastTransfusion: null,
  markers: normalMarkers,
  ...over,
});

describe('AIHA response (defaults: Jäger 2020 consensus-derived [lit, verify]; "CRi" per seed)', () => {
  it('exposes the published defaults through the zod schema', () => {
    expect(defaultAihaResponseCriteria).toEqual({
      completeResponseMinHaemoglobin: { value: 12, unit: 'g/dL' },
      partialResponseMinHaemoglobin: { value: 10, unit: 'g/dL' },
      partialResponseMinRise: { value: 2, unit: 'g/dL' },
      transfusionFreeDays: 7,
      completeResponseMarkers: ['ldh', 'bilirubin', 'haptoglobin', 'reticulocytes'],
      overallResponseCategories: ['CR', 'CRi', 'PR'],
    });
    expect(aihaResponseCriteriaSchema.parse({ transfusionFreeDays: 14 }).partialResponseMinHaemoglobin).toEqual({ value: 10, unit: 'g/dL' });
  });

  it.each([
    ['Hb 12.0 g/dL, markers normal → CR', assessment([12, 'g/dL']), 'CR'],
    ['Hb 120 g/L (same in SI units) → CR', assessment([120, 'g/L']), 'CR'],
    ['Hb 12.5 g/dL, reticulocytes 150 > ULN 100 → CRi (compensated haemolysis)', assessment([12.5, 'g/dL'], { markers: { ...normalMarkers, reticulocytes: { value: { value: 150, unit: '10^9/L' }, upperLimitOfNormal: { value: 100, unit: '10^9/L' } } } }), 'CRi'],
    ['Hb 13 g/dL, haptoglobin 0.1 < LLN 0.3 g/L → CRi', assessment([13, 'g/dL'], { markers: { ...normalMarkers, haptoglobin: { value: { value: 10, unit: 'mg/dL' }, lowerLimitOfNormal: { value: 0.3, unit: 'g/L' } } } }), 'CRi'],
    ['Hb 12 g/dL, bilirubin 1.5 mg/dL (25.7 µmol/L) > ULN 21 µmol/L → CRi', assessment([12, 'g/dL'], { markers: { ...normalMarkers, bilirubin: { value: { value: 1.5, unit: 'mg/dL' }, upperLimitOfNormal: { value: 21, unit: 'µmol/L' } } } }), 'CRi'],
    ['Hb 12 g/dL, reticulocytes 2.5% ≤ ULN 2.5% → CR', assessment([12, 'g/dL'], { markers: { ...normalMarkers, reticulocytes: { value: { value: 2.5, unit: '%' }, upperLimitOfNormal: { value: 2.5, unit: '%' } } } }), 'CR'],
    ['Hb 11.9 g/dL → PR (≥10)', assessment([11.9, 'g/dL']), 'PR'],
    ['Hb 10.0 g/dL → PR (threshold inclusive)', assessment([10, 'g/dL']), 'PR'],
    ['Hb 9.9 g/dL from 7.0 (rise 2.9) → PR by rise', assessment([9.9, 'g/dL']), 'PR'],
    ['Hb 6.2 → 8.2 g/dL: rise of exactly 2.0 (1.9999… in floating point) → PR', assessment([8.2, 'g/dL'], { baselineHaemoglobin: { value: 6.2, unit: 'g/dL' } }), 'PR'],
    ['Hb 6.2 → 8.1 g/dL (rise 1.9) → NR', assessment([8.1, 'g/dL'], { baselineHaemoglobin: { value: 6.2, unit: 'g/dL' } }), 'NR'],
    ['Hb 13 g/dL but transfused 7 days ago → NR', assessment([13, 'g/dL'], { daysSinceLastTransfusion: 7 }), 'NR'],
    ['Hb 13 g/dL, last transfusion 8 days ago → CR', assessment([13, 'g/dL'], { daysSinceLastTransfusion: 8 }), 'CR'],
  ])('%s', (_title, input, category) => {
    const result = aihaResponse(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(category);
  });

  it('applies protocol overrides (Chinese-practice style PR Hb >80 g/L written as 81 g/L, 14-day transfusion window)', () => {
    const criteria = aihaResponseCriteriaSchema.parse({ partialResponseMinHaemoglobin: { value: 81, unit: 'g/L' }, transfusionFreeDays: 14 });
    expect(aihaResponse(assessment([8.5, 'g/dL'], { baselineHaemoglobin: { value: 8, unit: 'g/dL' } }), criteria)).toMatchObject({ ok: true, result: { value: 'PR' } });
    expect(aihaResponse(assessment([13, 'g/dL'], { daysSinceLastTransfusion: 10 }), criteria)).toMatchObject({ ok: true, result: { value: 'NR' } });
  });

  it('needs only the markers the protocol lists for CR', () => {
    const criteria = aihaResponseCriteriaSchema.parse({ completeResponseMarkers: ['ldh'] });
    const result = aihaResponse(assessment([12.5, 'g/dL'], { markers: { ldh: normalMarkers.ldh } }), criteria);
    expect(result.ok && result.result.value).toBe('CR');
  });

  it('does not ask for markers when Hb is below the CR level', () => {
    const result = aihaResponse(assessment([10.5, 'g/dL'], { markers: {} }));
    expect(result.ok && result.result.value).toBe('PR');
  });

  it.each([
    ['Hb without a unit', assessment([12, '']), [['WRONG_UNIT', 'haemoglobin.unit']]],
    ['Hb in mmol/L', assessment([7.5, 'mmol/L']), [['WRONG_UNIT', 'haemoglobin.unit']]],
    ['a missing baseline Hb', { ...assessment([12, 'g/dL']), baselineHaemoglobin: undefined }, [['MISSING_MEASURE', 'baselineHaemoglobin']]],
    ['negative days since transfusion', assessment([12, 'g/dL'], { daysSinceLastTransfusion: -1 }), [['OUT_OF_RANGE', 'daysSinceLastTransfusion']]],
    ['a missing LDH when Hb is at CR level', assessment([12.5, 'g/dL'], { markers: { ...normalMarkers, ldh: undefined } }), [['MISSING_MEASURE', 'markers.ldh']]],
    [
      'an LDH limit in the wrong unit and a missing haptoglobin limit',
      assessment([12.5, 'g/dL'], {
        markers: { ...normalMarkers, ldh: { value: { value: 200, unit: 'U/L' }, upperLimitOfNormal: { value: 250, unit: 'g/L' } }, haptoglobin: { value: { value: 1, unit: 'g/L' } } } as unknown as AihaResponseInput['markers'],
      }),
      [['WRONG_UNIT', 'markers.ldh.upperLimitOfNormal.unit'], ['MISSING_MEASURE', 'markers.haptoglobin.lowerLimitOfNormal']],
    ],
    ['a reticulocyte % against a count limit', assessment([12.5, 'g/dL'], { markers: { ...normalMarkers, reticulocytes: { value: { value: 2, unit: '%' }, upperLimitOfNormal: { value: 100, unit: '10^9/L' } } } }), [['WRONG_UNIT', 'markers.reticulocytes.upperLimitOfNormal.unit']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = aihaResponse(input as unknown as AihaResponseInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it('rejects criteria that break the schema', () => {
    const result = aihaResponse(assessment([12, 'g/dL']), { ...defaultAihaResponseCriteria, transfusionFreeDays: -1 });
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual(['criteria.transfusionFreeDays']);
  });
});

describe('AIHA overall response rate', () => {
  it.each([
    [['CR', 'CRi', 'PR', 'NR'], 3, 0.75],
    [['NR', 'NR'], 0, 0],
    [['CR'], 1, 1],
    [['CR', 'CRi', 'PR', 'NR', 'NR', 'PR'], 4, 4 / 6],
  ] as const)('%j → %i responders, rate %d', (categories, responders, rate) => {
    const result = aihaOverallResponseRate(categories);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toEqual({ evaluable: categories.length, responders, rate });
  });

  it('counts only the categories the protocol names', () => {
    const criteria = aihaResponseCriteriaSchema.parse({ overallResponseCategories: ['CR', 'CRi'] });
    const result = aihaOverallResponseRate(['CR', 'CRi', 'PR', 'NR'], criteria);
    expect(result.ok && result.result.value).toEqual({ evaluable: 4, responders: 2, rate: 0.5 });
  });

  it.each([
    ['an empty cohort', [], [['NOT_APPLICABLE', 'categories']]],
    ['an unknown category', ['CR', 'VGPR'], [['INVALID_VALUE', 'categories.1']]],
  ])('rejects %s', (_title, categories, expected) => {
    const result = aihaOverallResponseRate(categories as never);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
