import { doseTolerance, type DoseToleranceInputs, type DoseToleranceResult } from './dose-tolerance.js';

const mg = (value: number) => ({ value, unit: 'mg' });
const tenPercent = { percent: 10 };

// Tolerance semantics from clinical-domain 4.7: a deviation is raised when the dose differs "beyond tolerance
// (e.g. >10%)", so exactly 10% is within. Expected deviations worked by hand: (administered − calculated) / calculated.
describe('tolerance check between calculated and administered dose', () => {
  it.each<[string, DoseToleranceInputs, DoseToleranceResult]>([
    ['identical doses', { calculated: mg(40.8), administered: mg(40.8), tolerance: tenPercent }, { percentDeviation: 0, withinTolerance: true, direction: 'exact' }],
    // 4.08 / 40.8 = +10% exactly (binary float gives 10.000000000000014; compared at 1e-9 %)
    ['+10% exactly is within a 10% tolerance', { calculated: mg(40.8), administered: mg(44.88), tolerance: tenPercent }, { percentDeviation: 10, withinTolerance: true, direction: 'over' }],
    // 4.1 / 40.8 = +10.049%
    ['+10.05% is outside', { calculated: mg(40.8), administered: mg(44.9), tolerance: tenPercent }, { percentDeviation: 10.05, withinTolerance: false, direction: 'over' }],
    ['−10% exactly is within', { calculated: mg(40.8), administered: mg(36.72), tolerance: tenPercent }, { percentDeviation: -10, withinTolerance: true, direction: 'under' }],
    ['−10.05% is outside', { calculated: mg(40.8), administered: mg(36.7), tolerance: tenPercent }, { percentDeviation: -10.05, withinTolerance: false, direction: 'under' }],
    // units converted: 1.6 g = 1600 mg; (1600 − 1633) / 1633 = −2.021%
    ['1.6 g given for 1633 mg calculated (units converted)', { calculated: mg(1633), administered: { value: 1.6, unit: 'g' }, tolerance: tenPercent }, { percentDeviation: -2.02, withinTolerance: true, direction: 'under' }],
    // asymmetric: +5.39% over a 5% overdose limit; −6.86% inside a 10% underdose limit
    ['+5.39% against an asymmetric −10/+5% tolerance', { calculated: mg(40.8), administered: mg(43), tolerance: { belowPercent: 10, abovePercent: 5 } }, { percentDeviation: 5.39, withinTolerance: false, direction: 'over' }],
    ['−6.86% against an asymmetric −10/+5% tolerance', { calculated: mg(40.8), administered: mg(38), tolerance: { belowPercent: 10, abovePercent: 5 } }, { percentDeviation: -6.86, withinTolerance: true, direction: 'under' }],
    // cell doses compare in the same unit: 5.4e7 / 6e7 = −10%
    ['CAR+ cells: 5.4×10^7 given for 6×10^7 target', { calculated: { value: 6e7, unit: 'cells' }, administered: { value: 5.4e7, unit: 'cells' }, tolerance: tenPercent }, { percentDeviation: -10, withinTolerance: true, direction: 'under' }],
    ['nothing given is −100%', { calculated: mg(40.8), administered: mg(0), tolerance: tenPercent }, { percentDeviation: -100, withinTolerance: false, direction: 'under' }],
  ])('%s', (_title, inputs, expected) => {
    const outcome = doseTolerance(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toEqual(expected);
    expect(outcome.result.calculator).toBe('dosing.tolerance-check');
  });

  it('keeps the unrounded deviation in the components', () => {
    const outcome = doseTolerance({ calculated: mg(40.8), administered: mg(44.9), tolerance: tenPercent });
    expect(outcome.ok && outcome.result.components.unroundedPercentDeviation).toBeCloseTo(10.04902, 5);
  });

  it.each([
    ['mg against cells', { calculated: mg(40.8), administered: { value: 40, unit: 'cells' }, tolerance: tenPercent }, [['WRONG_UNIT', 'administered.unit']]],
    ['a calculated dose of zero', { calculated: mg(0), administered: mg(1), tolerance: tenPercent }, [['OUT_OF_RANGE', 'calculated.value']]],
    ['a negative administered dose', { calculated: mg(10), administered: mg(-1), tolerance: tenPercent }, [['OUT_OF_RANGE', 'administered.value']]],
    ['no tolerance', { calculated: mg(10), administered: mg(10) }, [['MISSING_MEASURE', 'tolerance']]],
    ['a negative tolerance', { calculated: mg(10), administered: mg(10), tolerance: { percent: -5 } }, [['OUT_OF_RANGE', 'tolerance.percent']]],
    ['missing administered dose and half a tolerance', { calculated: mg(10), tolerance: { belowPercent: 5 } }, [['MISSING_MEASURE', 'administered'], ['MISSING_MEASURE', 'tolerance.abovePercent']]],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = doseTolerance(inputs as unknown as DoseToleranceInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
