import { defaultLnRenalResponseCriteria, lnRenalResponseCriteriaSchema } from './criteria.schema.js';
import { lnRenalResponse, type LnRenalResponseInput } from './renal-response.js';

const gg = (value: number) => ({ value, unit: 'g/g' });
const ml = (value: number) => ({ value, unit: 'mL/min/1.73m²' });
const visit = (upcr: [number, number], egfr: [number, number], over: Partial<LnRenalResponseInput> = {}): LnRenalResponseInput => ({
  baselineUpcr: gg(upcr[0]),
  upcr: gg(upcr[1]),
  baselineEgfr: ml(egfr[0]),
  egfr: ml(egfr[1]),
  ...over,
});

describe('Lupus nephritis renal response (KDIGO 2024 [src, secondary summary])', () => {
  it('defaults to UPCR <0.5 g/g, ≥50% fall to <3 g/g, eGFR fall ≤10%', () => {
    expect(defaultLnRenalResponseCriteria).toEqual({
      completeResponseUpcrBelow: { value: 0.5, unit: 'g/g' },
      partialResponseUpcrBelow: { value: 3, unit: 'g/g' },
      partialResponseMinReductionPercent: 50,
      maxEgfrDeclinePercent: 10,
    });
  });

  it.each([
    ['UPCR 3.0 → 0.4 g/g, eGFR stable → complete', visit([3, 0.4], [80, 80]), 'complete'],
    ['UPCR 3.0 → 0.5 g/g (not below 0.5) → partial', visit([3, 0.5], [80, 80]), 'partial'],
    ['UPCR 3.0 → 0.49 g/g → complete', visit([3, 0.49], [80, 82]), 'complete'],
    ['UPCR 4.0 → 2.0 g/g: exactly 50% fall to <3 → partial', visit([4, 2], [60, 60]), 'partial'],
    ['UPCR 4.0 → 2.1 g/g: 47.5% fall → none', visit([4, 2.1], [60, 60]), 'none'],
    ['UPCR 8.0 → 3.0 g/g: 62.5% fall but not below 3 → none', visit([8, 3], [60, 60]), 'none'],
    ['UPCR 8.0 → 2.9 g/g: 63.75% fall to <3 → partial', visit([8, 2.9], [60, 60]), 'partial'],
    ['eGFR 100 → 90: exactly 10% fall is stable → complete', visit([2, 0.3], [100, 90]), 'complete'],
    ['eGFR 100 → 89: 11% fall is not stable → none', visit([2, 0.3], [100, 89]), 'none'],
    ['eGFR rising 50 → 70 is improvement → complete', visit([2, 0.3], [50, 70]), 'complete'],
    ['rescue therapy → none [lit]', visit([3, 0.2], [80, 80], { rescueTherapy: true }), 'none'],
    ['UPCR in mg/mmol: 300 → 50 mg/mmol (2.65 → 0.442 g/g) → complete', { ...visit([0, 0], [80, 80]), baselineUpcr: { value: 300, unit: 'mg/mmol' }, upcr: { value: 50, unit: 'mg/mmol' } }, 'complete'],
    ['UPCR in mg/mmol: 56.6 mg/mmol = 0.5003 g/g → partial', { ...visit([0, 0], [80, 80]), baselineUpcr: { value: 300, unit: 'mg/mmol' }, upcr: { value: 56.6, unit: 'mg/mmol' } }, 'partial'],
  ])('%s', (_title, input, response) => {
    const result = lnRenalResponse(input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(response);
  });

  it('applies a protocol threshold given in mg/mmol exactly (KDIGO\'s rounded "50 mg/mmol")', () => {
    const criteria = lnRenalResponseCriteriaSchema.parse({ completeResponseUpcrBelow: { value: 50, unit: 'mg/mmol' } });
    const input = { ...visit([0, 0], [80, 80]), baselineUpcr: { value: 300, unit: 'mg/mmol' }, upcr: { value: 52, unit: 'mg/mmol' } };
    // 52 mg/mmol is 0.46 g/g: complete under the default 0.5 g/g, partial under a protocol's 50 mg/mmol.
    expect(lnRenalResponse(input)).toMatchObject({ ok: true, result: { value: 'complete' } });
    expect(lnRenalResponse(input, criteria)).toMatchObject({ ok: true, result: { value: 'partial' } });
  });

  it('applies a wider eGFR tolerance when the protocol sets 15%', () => {
    const criteria = lnRenalResponseCriteriaSchema.parse({ maxEgfrDeclinePercent: 15 });
    expect(lnRenalResponse(visit([2, 0.3], [100, 86]), criteria)).toMatchObject({ ok: true, result: { value: 'complete' } });
  });

  it.each([
    ['a 24-h protein instead of a UPCR', { ...visit([3, 0.4], [80, 80]), upcr: { value: 0.4, unit: 'g/24h' } }, [['WRONG_UNIT', 'upcr.unit']]],
    ['a zero baseline UPCR', visit([0, 0.4], [80, 80]), [['OUT_OF_RANGE', 'baselineUpcr.value']]],
    ['an eGFR in mL/min without normalisation', { ...visit([3, 0.4], [80, 80]), egfr: { value: 80, unit: 'mL/min' } }, [['WRONG_UNIT', 'egfr.unit']]],
    ['a missing baseline eGFR', { ...visit([3, 0.4], [80, 80]), baselineEgfr: undefined }, [['MISSING_MEASURE', 'baselineEgfr']]],
    [
      'a negative UPCR and a non-numeric eGFR together',
      { ...visit([3, -1], [80, 80]), egfr: { value: 'high', unit: 'mL/min/1.73m²' } },
      [['OUT_OF_RANGE', 'upcr.value'], ['INVALID_VALUE', 'egfr.value']],
    ],
  ])('rejects %s', (_title, input, expected) => {
    const result = lnRenalResponse(input as unknown as LnRenalResponseInput);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
