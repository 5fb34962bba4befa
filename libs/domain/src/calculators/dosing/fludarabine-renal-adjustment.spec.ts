import { fludarabineRenalAdjustment, type FludarabineDecision, type FludarabineRenalAdjustmentInputs } from './fludarabine-renal-adjustment.js';
import { fludarabineRenalRuleSetSchema, type FludarabineRenalRuleSet, type FludarabineRuleSetId } from './fludarabine-rule-sets.js';

const normalised = (value: number) => ({ value, unit: 'mL/min/1.73m²', method: 'measured-clearance' }) as const;
const cg = (value: number) => ({ value, unit: 'mL/min', method: 'cockcroft-gault' }) as const;
const dose = (doseMgPerM2: number, reductionPercent: number): FludarabineDecision =>
  reductionPercent === 0 ? { kind: 'full-dose', doseMgPerM2, reductionPercent: 0 } : { kind: 'reduced', doseMgPerM2, reductionPercent };
const doNotGive: FludarabineDecision = { kind: 'do-not-give' };

function decide(ruleSet: FludarabineRuleSetId | FludarabineRenalRuleSet, renalFunction: FludarabineRenalAdjustmentInputs['renalFunction'], standard = 25) {
  const outcome = fludarabineRenalAdjustment({ ruleSet, renalFunction, standardDoseMgPerM2: standard });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

describe('fludarabine renal adjustment', () => {
  // [src] Pfizer fludarabine phosphate for injection USP: >70 full; 30-70 mL/min/1.73 m² −20%; <30 do not give.
  it.each<[number, FludarabineDecision, string]>([
    [29, doNotGive, '<30'],
    [29.9, doNotGive, '<30'],
    [30, dose(20, 20), '30-70'],
    [50, dose(20, 20), '30-70'],
    [70, dose(20, 20), '30-70'],
    [70.1, dose(25, 0), '>70'],
    [80, dose(25, 0), '>70'],
  ])('US generic injection label [src: Pfizer]: CrCl %p mL/min/1.73m² -> %j', (crcl, expected, band) => {
    const result = decide('us-generic-injection-label', normalised(crcl));
    expect(result.value).toEqual(expected);
    expect(result.components.band).toBe(band);
    expect(result.source).toMatch(/Pfizer/);
  });

  // [src] US Fludara label (Drugs.com): ≥80 25 mg/m²; 50-79 20 mg/m²; 30-49 15 mg/m²; <30 do not administer.
  it.each<[number, FludarabineDecision, string]>([
    [29.9, doNotGive, '<30'],
    [30, dose(15, 40), '30-49'],
    [49, dose(15, 40), '30-49'],
    [49.9, dose(15, 40), '30-49'],
    [50, dose(20, 20), '50-79'],
    [70, dose(20, 20), '50-79'],
    [79, dose(20, 20), '50-79'],
    [79.5, dose(20, 20), '50-79'],
    [80, dose(25, 0), '≥80'],
    [97, dose(25, 0), '≥80'],
  ])('US Fludara label [src: Drugs.com Fludara]: CG CrCl %p mL/min -> %j', (crcl, expected, band) => {
    const result = decide('us-fludara-label', cg(crcl));
    expect(result.value).toEqual(expected);
    expect(result.components.band).toBe(band);
  });

  // [src] EU SmPC "reduced by up to 50%" for 30-70 mL/min, contraindicated <30; EBMT 2024 Table 6 reads it as 50%.
  it.each<[number, FludarabineDecision, string]>([
    [29.9, doNotGive, '<30'],
    [30, dose(12.5, 50), '30-70'],
    [50, dose(12.5, 50), '30-70'],
    [69, dose(12.5, 50), '30-70'],
    // the reference's "≥70 full" column heading conflicts with the SmPC "between 30 and 70": SmPC wording applied
    [70, dose(12.5, 50), '30-70'],
    [70.1, dose(25, 0), '>70'],
    [80, dose(25, 0), '>70'],
  ])('EU SmPC / EBMT 2024 [src: Fludara SmPC 4.2, EBMT Table 6]: CrCl %p mL/min -> %j', (crcl, expected, band) => {
    const result = decide('eu-smpc-ebmt-2024', cg(crcl));
    expect(result.value).toEqual(expected);
    expect(result.components.band).toBe(band);
    expect(result.components.note).toMatch(/up to 50%/);
  });

  it.each<[FludarabineRuleSetId, number, FludarabineDecision]>([
    // 30 mg/m² regimens (KYSA-1, axi-cel): 30 x 0.8 = 24; 30 x 0.6 = 18; 30 x 0.5 = 15
    ['us-generic-injection-label', 45, dose(24, 20)],
    ['us-fludara-label', 45, dose(18, 40)],
    ['us-fludara-label', 60, dose(24, 20)],
    ['eu-smpc-ebmt-2024', 45, dose(15, 50)],
  ])('applies %s to a 30 mg/m² standard dose at CrCl %p', (ruleSet, crcl, expected) => {
    const rf = ruleSet === 'us-generic-injection-label' ? normalised(crcl) : cg(crcl);
    expect(decide(ruleSet, rf, 30).value).toEqual(expected);
  });

  it('converts a Cockcroft-Gault mL/min value to mL/min/1.73m² only when a BSA is given: 66 x 1.73 / 1.63 = 70.05 -> full dose', () => {
    const outcome = fludarabineRenalAdjustment({ ruleSet: 'us-generic-injection-label', renalFunction: cg(66), standardDoseMgPerM2: 25, bsaM2ForUnitConversion: 1.63 });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.result.value).toEqual(dose(25, 0));
    expect(outcome.result.components.comparedValue).toBeCloseTo(70.049, 3);
    expect(outcome.result.components.convertedWithBsaM2).toBe(1.63);
  });

  it('converts a Schwartz mL/min/1.73m² value to mL/min for an mL/min rule set: 60 x 1.0 / 1.73 = 34.7 -> −50%', () => {
    const outcome = fludarabineRenalAdjustment({
      ruleSet: 'eu-smpc-ebmt-2024',
      renalFunction: { value: 60, unit: 'mL/min/1.73 m²', method: 'schwartz-bedside' },
      standardDoseMgPerM2: 25,
      bsaM2ForUnitConversion: 1.0,
    });
    expect(outcome.ok && outcome.result.value).toEqual(dose(12.5, 50));
  });

  it('accepts a protocol-defined rule set (e.g. an institutional 30-49 −40% rule)', () => {
    const institutional: FludarabineRenalRuleSet = {
      id: 'site-dfci-like',
      source: 'protocol section 6.2',
      unit: 'mL/min',
      bands: [
        { label: '<30', upper: { value: 30, inclusive: false }, action: { kind: 'do-not-give' } },
        { label: '30-49', lower: { value: 30, inclusive: true }, upper: { value: 50, inclusive: false }, action: { kind: 'reduce', percent: 40 } },
        { label: '≥50', lower: { value: 50, inclusive: true }, action: { kind: 'full-dose' } },
      ],
    };
    expect(decide(institutional, cg(50)).value).toEqual(dose(25, 0));
    expect(decide(institutional, cg(49)).value).toEqual(dose(15, 40));
    expect(decide(institutional, cg(49)).source).toBe('protocol section 6.2');
  });

  it.each([
    ['an unknown rule set id', { ruleSet: 'uk-bnf', renalFunction: cg(60), standardDoseMgPerM2: 25 }, [['INVALID_VALUE', 'ruleSet']]],
    ['a missing rule set', { renalFunction: cg(60), standardDoseMgPerM2: 25 }, [['MISSING_MEASURE', 'ruleSet']]],
    [
      'normalised CrCl against an mL/min rule set without a BSA',
      { ruleSet: 'eu-smpc-ebmt-2024', renalFunction: normalised(60), standardDoseMgPerM2: 25 },
      [['WRONG_UNIT', 'renalFunction.unit']],
    ],
    [
      'a Schwartz eGFR against the Fludara label (defined on Cockcroft-Gault)',
      { ruleSet: 'us-fludara-label', renalFunction: { value: 60, unit: 'mL/min', method: 'schwartz-bedside' }, standardDoseMgPerM2: 25 },
      [['NOT_APPLICABLE', 'renalFunction.method']],
    ],
    ['a renal function in mL/s', { ruleSet: 'eu-smpc-ebmt-2024', renalFunction: { value: 1, unit: 'mL/s', method: 'cockcroft-gault' }, standardDoseMgPerM2: 25 }, [['WRONG_UNIT', 'renalFunction.unit']]],
    ['a missing renal function', { ruleSet: 'eu-smpc-ebmt-2024', standardDoseMgPerM2: 25 }, [['MISSING_MEASURE', 'renalFunction']]],
    ['a negative CrCl and a zero dose', { ruleSet: 'eu-smpc-ebmt-2024', renalFunction: cg(-5), standardDoseMgPerM2: 0 }, [['OUT_OF_RANGE', 'standardDoseMgPerM2'], ['OUT_OF_RANGE', 'renalFunction.value']]],
  ])('rejects %s', (_title, inputs, expected) => {
    const outcome = fludarabineRenalAdjustment(inputs as unknown as FludarabineRenalAdjustmentInputs);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it.each([
    ['a gap between bands (49 to 50)', [{ label: 'a', upper: { value: 49, inclusive: true }, action: { kind: 'do-not-give' } }, { label: 'b', lower: { value: 50, inclusive: true }, action: { kind: 'full-dose' } }], 'bands.1.lower'],
    ['an overlap at 50 (both inclusive)', [{ label: 'a', upper: { value: 50, inclusive: true }, action: { kind: 'do-not-give' } }, { label: 'b', lower: { value: 50, inclusive: true }, action: { kind: 'full-dose' } }], 'bands.1.lower'],
    ['an open top that is closed', [{ label: 'a', upper: { value: 50, inclusive: false }, action: { kind: 'do-not-give' } }, { label: 'b', lower: { value: 50, inclusive: true }, upper: { value: 200, inclusive: true }, action: { kind: 'full-dose' } }], 'bands.1.upper'],
    ['a 100% reduction', [{ label: 'a', action: { kind: 'reduce', percent: 100 } }], 'bands.0.action.percent'],
  ])('a protocol rule set with %s is rejected with the path of the bad band', (_title, bands, path) => {
    const parsed = fludarabineRenalRuleSetSchema.safeParse({ id: 'custom-set', source: 'x', unit: 'mL/min', bands });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(path);
    const outcome = fludarabineRenalAdjustment({ ruleSet: { id: 'custom-set', source: 'x', unit: 'mL/min', bands } as never, renalFunction: cg(60), standardDoseMgPerM2: 25 });
    expect(!outcome.ok && outcome.errors.map((e) => e.field)).toContain(`ruleSet.${path}`);
  });
});
