import { sleClassification2019, type SleClassification2019Input } from './classify.js';

const ana160 = { hep2TitreReciprocal: 160 };

describe('2019 EULAR/ACR SLE classification (Aringer 2019)', () => {
  it.each([
    ['acute pericarditis 6 + low C3 or C4 3 = 9 → not classified', { ana: ana160, criteria: ['acutePericarditis', 'lowC3OrLowC4'] }, false, 9],
    ['acute pericarditis 6 + low C3 and C4 4 = exactly 10 → classified', { ana: ana160, criteria: ['acutePericarditis', 'lowC3AndLowC4'] }, true, 10],
    ['both complement items list: only the higher (4) counts → 10', { ana: ana160, criteria: ['acutePericarditis', 'lowC3OrLowC4', 'lowC3AndLowC4'] }, true, 10],
    ['oral ulcers 2 + alopecia 2 + acute cutaneous lupus 6: mucocutaneous counts 6 only → 6', { ana: ana160, criteria: ['oralUlcers', 'nonScarringAlopecia', 'acuteCutaneousLupus'] }, false, 6],
    ['class III/IV nephritis 10 alone → classified', { ana: ana160, criteria: ['lupusNephritisClassIIIorIV'] }, true, 10],
    ['class III/IV nephritis 10 + proteinuria 4: renal counts 10 → 10', { ana: ana160, criteria: ['lupusNephritisClassIIIorIV', 'proteinuria'] }, true, 10],
    ['anti-dsDNA 6 + complement 4 + aPL 2 = 12 but no clinical criterion → not classified', { ana: ana160, criteria: ['antiDsDnaOrAntiSmith', 'lowC3AndLowC4', 'antiphospholipidAntibodies'] }, false, 12],
    ['fever 2 + anti-dsDNA 6 + complement 4 = 12 with a clinical criterion → classified', { ana: ana160, criteria: ['fever', 'antiDsDnaOrAntiSmith', 'lowC3AndLowC4'] }, true, 12],
    ['leukopenia 3 + thrombocytopenia 4 + haemolysis 4: haematological counts 4 → 4', { ana: ana160, criteria: ['leukopenia', 'thrombocytopenia', 'autoimmuneHaemolysis'] }, false, 4],
    ['delirium 2 + psychosis 3 + seizure 5 + effusion 5 + arthritis 6 → 5 + 5 + 6 = 16', { ana: ana160, criteria: ['delirium', 'psychosis', 'seizure', 'pleuralOrPericardialEffusion', 'jointInvolvement'] }, true, 16],
    ['ANA exactly 1:80 meets entry → 10 classified', { ana: { hep2TitreReciprocal: 80 }, criteria: ['lupusNephritisClassIIIorIV'] }, true, 10],
    ['ANA 1:40 fails entry despite 16 points → not classified', { ana: { hep2TitreReciprocal: 40 }, criteria: ['jointInvolvement', 'antiDsDnaOrAntiSmith', 'lowC3AndLowC4'] }, false, 16],
    ['an equivalent positive ANA test meets entry', { ana: { hep2TitreReciprocal: 0, equivalentPositiveTest: true }, criteria: ['jointInvolvement', 'lowC3AndLowC4'] }, true, 10],
    ['no criteria', { ana: ana160, criteria: [] }, false, 0],
  ])('%s', (_title, input, classified, points) => {
    const result = sleClassification2019(input as SleClassification2019Input);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.result.value).toBe(classified);
    expect(result.result.components.points).toBe(points);
  });

  it('records the counted criterion per domain and the rule applied', () => {
    const result = sleClassification2019({ ana: { hep2TitreReciprocal: 40 }, criteria: ['oralUlcers', 'acuteCutaneousLupus', 'antiDsDnaOrAntiSmith'] });
    expect(result.ok && result.result.components).toEqual({
      entryCriterionMet: false,
      domains: [
        { domain: 'mucocutaneous', counted: 'acuteCutaneousLupus', weight: 6, clinical: true },
        { domain: 'sleSpecificAntibodies', counted: 'antiDsDnaOrAntiSmith', weight: 6, clinical: false },
      ],
      points: 12,
      clinicalCriterionPresent: true,
      rule: 'ANA entry criterion not met: not classifiable as SLE',
    });
  });

  it.each([
    ['no ANA result', { criteria: ['fever'] }, [['MISSING_MEASURE', 'ana']]],
    ['a negative titre', { ana: { hep2TitreReciprocal: -80 }, criteria: [] }, [['OUT_OF_RANGE', 'ana.hep2TitreReciprocal']]],
    ['an unknown criterion', { ana: ana160, criteria: ['rash'] }, [['INVALID_VALUE', 'criteria.0']]],
    ['a criterion listed twice', { ana: ana160, criteria: ['fever', 'fever'] }, [['INVALID_VALUE', 'criteria.1']]],
    ['no criteria list', { ana: ana160 }, [['MISSING_MEASURE', 'criteria']]],
  ])('rejects %s', (_title, input, expected) => {
    const result = sleClassification2019(input as unknown as SleClassification2019Input);
    expect(!result.ok && result.errors.map((e) => [e.code, e.field])).toEqual(expected);
  });
});
