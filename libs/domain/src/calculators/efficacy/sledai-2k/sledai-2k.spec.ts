import type { Quantity } from '../../shared/quantity.js';
import { SLEDAI_2K_DESCRIPTOR_IDS, type Sledai2kDescriptorId } from './descriptors.js';
import { compareSledai2k, sledai2k, type Sledai2kInput } from './sledai-2k.js';

const none = Object.fromEntries(SLEDAI_2K_DESCRIPTOR_IDS.map((id) => [id, false])) as Record<Sledai2kDescriptorId, boolean>;
const withDescriptors = (present: Partial<Record<Sledai2kDescriptorId, boolean | Quantity>>): Sledai2kInput =>
  ({ descriptors: { ...none, ...present } }) as Sledai2kInput;
const all = Object.fromEntries(SLEDAI_2K_DESCRIPTOR_IDS.map((id) => [id, true])) as Record<Sledai2kDescriptorId, boolean>;

// Weights [src: medicalcriteria.com, pediatriconcall]; fever >38 °C threshold [lit, unverified] is attested, not computed.
describe('SLEDAI-2K (Gladman 2002)', () => {
  // Hand sums from the weights table (clinical-domain 3.1): 8 × 8 + 6 × 4 + 7 × 2 + 3 × 1 = 105.
  it.each([
    ['no active descriptor → 0', {}, 0, 0],
    ['every descriptor present → 105 (clinical 101)', all, 105, 101],
    ['arthritis 4 + rash 2 + low complement 2 + anti-dsDNA 2 → 10 (clinical 6)', { arthritis: true, rash: true, lowComplement: true, increasedDnaBinding: true }, 10, 6],
    ['seizure 8 + measured proteinuria 1.2 g/24h 4 + fever 1 → 13', { seizure: true, proteinuria: { value: 1.2, unit: 'g/24h' }, fever: true }, 13, 13],
    ['vasculitis 8 + urinary casts 4 + haematuria 4 + pyuria 4 → 20', { vasculitis: true, urinaryCasts: true, haematuria: true, pyuria: true }, 20, 20],
    ['thrombocytopenia 1 + leukopenia 1 + alopecia 2 + mucosal ulcers 2 → 6', { thrombocytopenia: true, leukopenia: true, alopecia: true, mucosalUlcers: true }, 6, 6],
  ])('%s', (_title, present, total, clinical) => {
    const result = sledai2k(withDescriptors(present));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.result.value).toBe(total);
    expect(result.result.components.clinicalTotal).toBe(clinical);
    expect(result.result.calculator).toBe('sledai-2k');
    expect(result.result.algorithmVersion).toBe('1.0.0');
    expect(result.result.source).toContain('Gladman');
  });

  // Proteinuria is scored only strictly above 0.5 g/24 h.
  it.each([
    [{ value: 0.5, unit: 'g/24h' }, false, 0],
    [{ value: 0.51, unit: 'g/24h' }, true, 4],
    [{ value: 500, unit: 'mg/24h' }, false, 0],
    [{ value: 501, unit: 'mg/24h' }, true, 4],
    [{ value: 0.5, unit: 'g/day' }, false, 0],
    [{ value: 0, unit: 'g/24h' }, false, 0],
  ])('measured proteinuria %j: present=%s, scores %i', (quantity, present, total) => {
    const result = sledai2k(withDescriptors({ proteinuria: quantity }));
    expect(result.ok && result.result.value).toBe(total);
    expect(result.ok && result.result.components.proteinuria).toMatchObject({ rule: 'measured > 0.5 g/24h', present });
  });

  it('records an attested proteinuria as such', () => {
    const result = sledai2k(withDescriptors({ proteinuria: true }));
    expect(result.ok && result.result.components.proteinuria).toEqual({ rule: 'attested', present: true });
    expect(result.ok && result.result.value).toBe(4);
  });

  it.each([
    ['a descriptor left unanswered', { descriptors: { ...none, seizure: undefined } }, [['MISSING_MEASURE', 'descriptors.seizure']]],
    ['a descriptor that is not boolean', { descriptors: { ...none, rash: 'yes' } }, [['INVALID_VALUE', 'descriptors.rash']]],
    ['a misspelt descriptor', { descriptors: { ...none, arthritus: true } }, [['INVALID_VALUE', 'descriptors.arthritus']]],
    ['proteinuria as a UPCR', { descriptors: { ...none, proteinuria: { value: 0.8, unit: 'g/g' } } }, [['WRONG_UNIT', 'descriptors.proteinuria.unit']]],
    ['negative proteinuria', { descriptors: { ...none, proteinuria: { value: -1, unit: 'g/24h' } } }, [['OUT_OF_RANGE', 'descriptors.proteinuria.value']]],
    ['no descriptors at all', {}, [['MISSING_MEASURE', 'descriptors']]],
    [
      'several bad fields at once',
      { descriptors: { ...none, seizure: undefined, fever: 1, proteinuria: { value: 1, unit: 'mg/dL' } } },
      [
        ['WRONG_UNIT', 'descriptors.proteinuria.unit'],
        ['MISSING_MEASURE', 'descriptors.seizure'],
        ['INVALID_VALUE', 'descriptors.fever'],
      ],
    ],
  ])('rejects %s', (_title, input, expected) => {
    const result = sledai2k(input as unknown as Sledai2kInput);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });

  it.each([
    [12, 8, -4, -100 / 3],
    [0, 4, 4, undefined],
    [10, 10, 0, 0],
  ])('compares %i → %i: change %d, %% change %s (undefined for a zero baseline)', (baseline, followUp, change, percent) => {
    const result = compareSledai2k(baseline, followUp);
    if (!result.ok) throw new Error('expected a comparison');
    expect(result.result.value.absoluteChange).toBe(change);
    if (percent === undefined) expect(result.result.value.percentChange).toBeUndefined();
    else expect(result.result.value.percentChange).toBeCloseTo(percent, 10);
  });

  it.each([
    [106, 4, 'baseline'],
    [4, 2.5, 'followUp'],
  ])('compare rejects scores SLEDAI-2K cannot produce (%d, %d)', (baseline, followUp, field) => {
    const result = compareSledai2k(baseline, followUp);
    expect(!result.ok && result.errors.map((e) => e.field)).toEqual([field]);
  });
});
