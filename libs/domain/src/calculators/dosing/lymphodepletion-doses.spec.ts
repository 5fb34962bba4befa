import { lymphodepletionDoses, type DailyDose, type LymphodepletionDoseInputs } from './lymphodepletion-doses.js';
import { lymphodepletionRegimenSchema, type LymphodepletionRegimenInput } from './lymphodepletion-regimen.schema.js';

const cm = (value: number) => ({ value, unit: 'cm' });
const kg = (value: number) => ({ value, unit: 'kg' });
const cg = (value: number) => ({ value, unit: 'mL/min', method: 'cockcroft-gault' }) as const;

/** Erlangen / RESET-SSc: Flu 25 mg/m² D-5..D-3, Cy 1000 mg/m² D-3 (clinical-domain 1.4.1 [src]). */
const erlangen = (doseBasis: 'rounded' | 'unrounded', ruleSet = 'us-fludara-label'): LymphodepletionRegimenInput => ({
  id: 'flu25x3-cy1000x1',
  bsa: { formula: 'mosteller', decimals: 2, doseBasis },
  drugs: [
    { drug: 'fludarabine', doseMgPerM2PerDay: 25, dayOffsets: [-5, -4, -3], rounding: { method: 'decimals', decimals: 1 }, renalAdjustment: { ruleSet } as never },
    { drug: 'cyclophosphamide', doseMgPerM2PerDay: 1000, dayOffsets: [-3], rounding: { method: 'decimals', decimals: 0 } },
  ],
});

const give = (drug: string, dayOffset: number, doseMg: number, doseMgPerM2: number): DailyDose => ({ drug, dayOffset, status: 'give', doseMg, doseMgPerM2 });

function doses(inputs: LymphodepletionDoseInputs) {
  const outcome = lymphodepletionDoses(inputs);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

describe('daily lymphodepletion doses from a regimen', () => {
  it.each<[string, LymphodepletionRegimenInput, number, DailyDose[]]>([
    [
      // reference worked example 1.4.2: BSA 1.63299 -> Flu 25 x 1.63299 = 40.82 -> 40.8 mg; Cy 1000 x 1.63299 = 1632.99 -> 1633 mg
      'reference example on the unrounded BSA: Flu 40.8 mg x3, Cy 1633 mg',
      erlangen('unrounded'),
      97,
      [give('fludarabine', -5, 40.8, 25), give('fludarabine', -4, 40.8, 25), give('fludarabine', -3, 40.8, 25), give('cyclophosphamide', -3, 1633, 1000)],
    ],
    [
      // rounded BSA 1.63: Flu 25 x 1.63 = 40.75 -> 40.8 (half-up); Cy 1000 x 1.63 = 1630
      'same patient on the rounded BSA 1.63 m²: Flu 40.8 mg, Cy 1630 mg',
      erlangen('rounded'),
      97,
      [give('fludarabine', -5, 40.8, 25), give('fludarabine', -4, 40.8, 25), give('fludarabine', -3, 40.8, 25), give('cyclophosphamide', -3, 1630, 1000)],
    ],
    [
      // Fludara label, CG 45 (30-49): 15 mg/m² x 1.63 = 24.45 -> 24.5 mg; Cy unaffected
      'Fludara label, CrCl 45 mL/min: Flu 15 mg/m² = 24.5 mg, Cy 1630 mg',
      erlangen('rounded'),
      45,
      [give('fludarabine', -5, 24.5, 15), give('fludarabine', -4, 24.5, 15), give('fludarabine', -3, 24.5, 15), give('cyclophosphamide', -3, 1630, 1000)],
    ],
    [
      // EU SmPC/EBMT, CG 60 (30-70): 12.5 mg/m² x 1.63 = 20.375 -> 20.4 mg
      'EU SmPC/EBMT, CrCl 60 mL/min: Flu 12.5 mg/m² = 20.4 mg',
      erlangen('rounded', 'eu-smpc-ebmt-2024'),
      60,
      [give('fludarabine', -5, 20.4, 12.5), give('fludarabine', -4, 20.4, 12.5), give('fludarabine', -3, 20.4, 12.5), give('cyclophosphamide', -3, 1630, 1000)],
    ],
  ])('%s', (_title, regimen, crcl, expected) => {
    const result = doses({ regimen, height: cm(160), weight: kg(60), renalFunction: cg(crcl) });
    expect(result.value.days).toEqual(expected);
    expect(result.value.doNotGive).toBe(false);
    expect(result.calculator).toBe('dosing.lymphodepletion-daily-doses');
  });

  it('keeps the unrounded daily amounts in the components', () => {
    const result = doses({ regimen: erlangen('unrounded'), height: cm(160), weight: kg(60), renalFunction: cg(97) });
    const [flu, cy] = result.components.drugs;
    expect(flu?.unroundedDailyMg).toBeCloseTo(40.8248, 4);
    expect(cy?.unroundedDailyMg).toBeCloseTo(1632.993, 3);
    expect(result.components.bsa).toEqual({ formula: 'mosteller', reportedM2: 1.63, unroundedM2: expect.closeTo(1.632993, 6), capApplied: false });
  });

  it('says "do not give" for fludarabine below CrCl 30, with no number, and flags the regimen', () => {
    const result = doses({ regimen: erlangen('rounded'), height: cm(160), weight: kg(60), renalFunction: cg(29) });
    expect(result.value.doNotGive).toBe(true);
    const flu = result.value.days.filter((d) => d.drug === 'fludarabine');
    expect(flu).toHaveLength(3);
    for (const day of flu) {
      expect(day.status).toBe('do-not-give');
      expect(day).not.toHaveProperty('doseMg');
    }
    expect(result.value.days.find((d) => d.drug === 'cyclophosphamide')).toEqual(give('cyclophosphamide', -3, 1630, 1000));
  });

  it('CrCl exactly 30 is dosed (reduced), not withheld', () => {
    const result = doses({ regimen: erlangen('rounded'), height: cm(160), weight: kg(60), renalFunction: cg(30) });
    expect(result.value.days[0]).toEqual(give('fludarabine', -5, 24.5, 15));
  });

  it('rounds to a pharmacy step and applies the BSA cap (Flu 30 x3 / Cy 300 x3, KYSA-1-like, cap 2.0 m²)', () => {
    const regimen: LymphodepletionRegimenInput = {
      id: 'flu30x3-cy300x3',
      bsa: { formula: 'mosteller', decimals: 2, capM2: 2.0, doseBasis: 'rounded' },
      drugs: [
        { drug: 'fludarabine', doseMgPerM2PerDay: 30, dayOffsets: [-7, -6, -5], rounding: { method: 'step', stepMg: 5 } },
        { drug: 'cyclophosphamide', doseMgPerM2PerDay: 300, dayOffsets: [-7, -6, -5], rounding: { method: 'step', stepMg: 10 } },
      ],
    };
    // 190 cm / 110 kg: BSA 2.41 capped to 2.00 -> Flu 60 mg, Cy 600 mg
    const capped = doses({ regimen, height: cm(190), weight: kg(110) });
    expect(capped.value.days.slice(0, 2)).toEqual([give('fludarabine', -7, 60, 30), give('cyclophosphamide', -7, 600, 300)]);
    expect(capped.components.bsa.capApplied).toBe(true);
    // 160 cm / 60 kg: Flu 30 x 1.63 = 48.9 -> 50 (step 5); Cy 300 x 1.63 = 489 -> 490 (step 10)
    const small = doses({ regimen, height: cm(160), weight: kg(60) });
    expect(small.value.days.slice(0, 2)).toEqual([give('fludarabine', -7, 50, 30), give('cyclophosphamide', -7, 490, 300)]);
  });

  it('converts a CG mL/min value for the US generic label only when told to: 66 x 1.73 / 1.63299 = 69.92 -> −20%', () => {
    const regimen = erlangen('rounded', 'us-generic-injection-label');
    const refused = lymphodepletionDoses({ regimen, height: cm(160), weight: kg(60), renalFunction: cg(66) });
    expect(!refused.ok && refused.errors.map((e) => [e.code, e.field])).toEqual([['WRONG_UNIT', 'renalFunction.unit']]);
    const converted = doses({ regimen, height: cm(160), weight: kg(60), renalFunction: cg(66), convertRenalUnitWithBsa: true });
    // 20 mg/m² x 1.63 = 32.6 mg
    expect(converted.value.days[0]).toEqual(give('fludarabine', -5, 32.6, 20));
    expect(converted.components.drugs[0]?.renal?.comparedValue).toBeCloseTo(69.921, 3);
  });

  it.each([
    ['renal rule on cyclophosphamide', { drugs: [{ drug: 'cyclophosphamide', doseMgPerM2PerDay: 300, dayOffsets: [-3], rounding: { method: 'decimals', decimals: 0 }, renalAdjustment: { ruleSet: 'eu-smpc-ebmt-2024' } }] }, 'regimen.drugs.0.renalAdjustment'],
    ['a day offset on infusion day', { drugs: [{ drug: 'fludarabine', doseMgPerM2PerDay: 25, dayOffsets: [0], rounding: { method: 'decimals', decimals: 1 } }] }, 'regimen.drugs.0.dayOffsets.0'],
    ['a duplicated day', { drugs: [{ drug: 'fludarabine', doseMgPerM2PerDay: 25, dayOffsets: [-5, -5], rounding: { method: 'decimals', decimals: 1 } }] }, 'regimen.drugs.0.dayOffsets'],
    ['a drug listed twice', { drugs: [erlangen('rounded').drugs[1], erlangen('rounded').drugs[1]] }, 'regimen.drugs.1.drug'],
    ['an unknown rule set', { drugs: [{ ...erlangen('rounded').drugs[0], renalAdjustment: { ruleSet: 'bnf' } }] }, 'regimen.drugs.0.renalAdjustment.ruleSet'],
    ['a zero dose', { drugs: [{ drug: 'fludarabine', doseMgPerM2PerDay: 0, dayOffsets: [-5], rounding: { method: 'decimals', decimals: 1 } }] }, 'regimen.drugs.0.doseMgPerM2PerDay'],
  ])('rejects a regimen with %s, naming the path', (_title, patch, path) => {
    const regimen = { ...erlangen('rounded'), ...patch };
    expect(lymphodepletionRegimenSchema.safeParse(regimen).success).toBe(false);
    const outcome = lymphodepletionDoses({ regimen: regimen as LymphodepletionRegimenInput, height: cm(160), weight: kg(60), renalFunction: cg(97) });
    expect(!outcome.ok && outcome.errors.map((e) => e.field)).toContain(path);
  });

  it('collects regimen, measurement and renal errors together', () => {
    const outcome = lymphodepletionDoses({ regimen: { ...erlangen('rounded'), id: 'Bad Id' }, height: cm(160), weight: { value: 60, unit: 'stone' } });
    expect(!outcome.ok && outcome.errors.map((e) => [e.code, e.field])).toEqual([['INVALID_VALUE', 'regimen.id'], ['WRONG_UNIT', 'weight.unit']]);
    const noRenal = lymphodepletionDoses({ regimen: erlangen('rounded'), height: cm(160), weight: kg(60) });
    expect(!noRenal.ok && noRenal.errors.map((e) => [e.code, e.field])).toEqual([['MISSING_MEASURE', 'renalFunction']]);
  });
});
