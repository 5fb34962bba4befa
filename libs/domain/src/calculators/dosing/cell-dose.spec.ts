import { carTCellDose, type CellDose, type CellDoseInputs } from './cell-dose.js';

const kg = (value: number) => ({ value, unit: 'kg' });

// Dose levels from clinical-domain 1.4.1 [src] (Erlangen 1×10^6/kg, axi-cel 2×10^6/kg, KYSA-1 fixed doses); caps for heavy
// adults 1.10 [typ]; CoA-based count (viable x %CAR+ x fraction infused) from the 1.6 data items [typ].
describe('CAR-T cell dose', () => {
  it.each<[string, CellDoseInputs, CellDose]>([
    // Erlangen 1×10^6 CAR+ cells/kg x 60 kg = 6.0×10^7; full dose infused = 100%
    ['1×10^6/kg at 60 kg = 6×10^7 target; 6×10^7 given = 100%', { target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6 }, weight: kg(60), administered: { carPositiveCells: 6e7 } }, { targetCarPositiveCells: 6e7, administeredCarPositiveCells: 6e7, percentOfTarget: 100, administeredCellsPerKg: 1e6 }],
    // axi-cel 2×10^6/kg x 72.5 kg = 1.45×10^8; CoA 3.0×10^8 viable x 50% CAR+ x 0.9 of bag = 1.35×10^8 -> 93.1%, 1 862 069 /kg
    ['2×10^6/kg at 72.5 kg, 90% of a bag of 3×10^8 viable cells 50% CAR+ = 93.1%', { target: { kind: 'per-kg', carPositiveCellsPerKg: 2e6 }, weight: kg(72.5), administered: { totalViableCells: 3e8, carPositivePercent: 50, fractionInfused: 0.9 } }, { targetCarPositiveCells: 1.45e8, administeredCarPositiveCells: 1.35e8, percentOfTarget: 93.1, administeredCellsPerKg: 1862069 }],
    // 1×10^6/kg x 120 kg = 1.2×10^8 capped at 1×10^8
    ['per-kg dose capped at 1×10^8 for a 120 kg adult', { target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6, maxTotalCarPositiveCells: 1e8 }, weight: kg(120), administered: { carPositiveCells: 1e8 } }, { targetCarPositiveCells: 1e8, administeredCarPositiveCells: 1e8, percentOfTarget: 100, administeredCellsPerKg: 833333 }],
    // KYSA-1 DL2 fixed 1×10^8; 0.95×10^8 given = 95.0%; 9.5×10^7 / 70 kg = 1 357 143 /kg
    ['fixed 1×10^8 (KYSA-1 DL2), 9.5×10^7 given = 95%', { target: { kind: 'fixed', carPositiveCells: 1e8 }, weight: kg(70), administered: { carPositiveCells: 9.5e7 } }, { targetCarPositiveCells: 1e8, administeredCarPositiveCells: 9.5e7, percentOfTarget: 95, administeredCellsPerKg: 1357143 }],
    // child: 1×10^6/kg x 16 kg = 1.6×10^7, not yet infused
    ['child 16 kg at 1×10^6/kg = 1.6×10^7 target before infusion', { target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6 }, weight: kg(16) }, { targetCarPositiveCells: 1.6e7 }],
    ['weight in pounds converted: 132.277 lb = 60 kg', { target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6 }, weight: { value: 132.27735731, unit: 'lb' } }, { targetCarPositiveCells: 6e7 }],
  ])('%s', (_title, inputs, expected) => {
    const outcome = carTCellDose(inputs);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toEqual(expected);
    expect(outcome.result.calculator).toBe('dosing.car-t-cell-dose');
  });

  it('records the uncapped target and the cap in the components', () => {
    const outcome = carTCellDose({ target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6, maxTotalCarPositiveCells: 1e8 }, weight: kg(120) });
    expect(outcome.ok && outcome.result.components).toEqual({ weightKg: 120, uncappedTargetCarPositiveCells: 1.2e8, capApplied: true });
  });

  it.each([
    ['a per-kg target without weight', { target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6 } }, [['MISSING_MEASURE', 'weight']]],
    ['weight in stone', { target: { kind: 'per-kg', carPositiveCellsPerKg: 1e6 }, weight: { value: 9, unit: 'st' } }, [['WRONG_UNIT', 'weight.unit']]],
    ['no target', { weight: kg(60) }, [['MISSING_MEASURE', 'target']]],
    ['an unknown target kind', { target: { kind: 'per-m2', cells: 1 }, weight: kg(60) }, [['INVALID_VALUE', 'target']]],
    ['a negative fixed dose', { target: { kind: 'fixed', carPositiveCells: -1 } }, [['OUT_OF_RANGE', 'target.carPositiveCells']]],
    ['an exponent slip (10^13 cells)', { target: { kind: 'fixed', carPositiveCells: 1e13 } }, [['OUT_OF_RANGE', 'target.carPositiveCells']]],
    [
      'a CAR+ percentage of 120 and a fraction of 1.5',
      { target: { kind: 'fixed', carPositiveCells: 1e8 }, administered: { totalViableCells: 3e8, carPositivePercent: 120, fractionInfused: 1.5 } },
      [['OUT_OF_RANGE', 'administered.carPositivePercent'], ['OUT_OF_RANGE', 'administered.fractionInfused']],
    ],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = carTCellDose(inputs as unknown as CellDoseInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
