import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { readBoolean, readNumber, type Errors } from '../common/read-input.js';
import {
  SLE_2019_ANA_MIN_TITRE_RECIPROCAL,
  SLE_2019_CLINICAL_DOMAINS,
  SLE_2019_CRITERIA,
  SLE_2019_POINTS_THRESHOLD,
  type Sle2019CriterionId,
  type Sle2019Domain,
} from './criteria.js';

export const SLE_2019_SOURCE = 'Aringer M et al. 2019 EULAR/ACR classification criteria for systemic lupus erythematosus. Ann Rheum Dis 2019;78:1151-9 / Arthritis Rheumatol 2019;71:1400-12';

export interface SleClassification2019Input {
  /**
   * Entry criterion. The highest ANA titre ever recorded on HEp-2 cells as its reciprocal (1:160 → 160), and/or
   * an equivalent positive test. Anti-dsDNA alone does not satisfy it (clinical-domain 6 row 3: the trial 2
   * inclusion "ANA ≥1:80 and/or anti-dsDNA ≥30 IU/mL" is a separate, protocol-level check).
   */
  readonly ana: { readonly hep2TitreReciprocal?: number; readonly equivalentPositiveTest?: boolean };
  /**
   * Criteria ever present, each only if there is no more likely explanation (that judgement is the assessor's;
   * occurrences need not be simultaneous).
   */
  readonly criteria: readonly Sle2019CriterionId[];
}

export interface SleClassification2019Components {
  readonly entryCriterionMet: boolean;
  /** Per domain with at least one criterion: the counted (highest-weighted) criterion. */
  readonly domains: readonly { readonly domain: Sle2019Domain; readonly counted: Sle2019CriterionId; readonly weight: number; readonly clinical: boolean }[];
  readonly points: number;
  readonly clinicalCriterionPresent: boolean;
  readonly rule: string;
}

export function sleClassification2019(input: SleClassification2019Input): Calculation<boolean, SleClassification2019Input, SleClassification2019Components> {
  const errors: Errors = [];
  const ana = input?.ana;
  let entryCriterionMet: boolean | undefined;
  if (ana === undefined || ana === null || typeof ana !== 'object' || (ana.hep2TitreReciprocal === undefined && ana.equivalentPositiveTest === undefined)) {
    errors.push(calculationError('MISSING_MEASURE', 'ana', 'the ANA entry criterion is required: hep2TitreReciprocal (0 if negative) and/or equivalentPositiveTest'));
  } else {
    const titre = ana.hep2TitreReciprocal === undefined ? undefined : readNumber(ana.hep2TitreReciprocal, 'ana.hep2TitreReciprocal', { min: 0, scale: 'reciprocal titre, e.g. 160 for 1:160' }, errors);
    const equivalent = ana.equivalentPositiveTest === undefined ? undefined : readBoolean(ana.equivalentPositiveTest, 'ana.equivalentPositiveTest', errors);
    entryCriterionMet = (titre !== undefined && titre >= SLE_2019_ANA_MIN_TITRE_RECIPROCAL) || equivalent === true;
  }

  const present = new Set<Sle2019CriterionId>();
  if (!Array.isArray(input?.criteria)) {
    errors.push(calculationError('MISSING_MEASURE', 'criteria', 'criteria is required ([] when none is present)'));
  } else {
    input.criteria.forEach((id: unknown, index) => {
      if (typeof id !== 'string' || !SLE_2019_CRITERIA.some((c) => c.id === id)) errors.push(calculationError('INVALID_VALUE', `criteria.${index}`, `${String(id)} is not a 2019 EULAR/ACR criterion`));
      else if (present.has(id as Sle2019CriterionId)) errors.push(calculationError('INVALID_VALUE', `criteria.${index}`, `${id} is listed twice`));
      else present.add(id as Sle2019CriterionId);
    });
  }
  if (errors.length > 0 || entryCriterionMet === undefined) return invalid(...errors);

  const best = new Map<Sle2019Domain, (typeof SLE_2019_CRITERIA)[number]>();
  for (const criterion of SLE_2019_CRITERIA) {
    if (!present.has(criterion.id)) continue;
    const current = best.get(criterion.domain);
    if (current === undefined || criterion.weight > current.weight) best.set(criterion.domain, criterion);
  }
  const domains = [...best.values()].map((c) => ({ domain: c.domain, counted: c.id, weight: c.weight, clinical: SLE_2019_CLINICAL_DOMAINS.includes(c.domain) }));
  const points = domains.reduce((sum, d) => sum + d.weight, 0);
  const clinicalCriterionPresent = domains.some((d) => d.clinical);
  const classified = entryCriterionMet && points >= SLE_2019_POINTS_THRESHOLD && clinicalCriterionPresent;
  const rule = !entryCriterionMet
    ? 'ANA entry criterion not met: not classifiable as SLE'
    : classified
      ? '≥10 points with at least one clinical criterion'
      : clinicalCriterionPresent
        ? 'fewer than 10 points'
        : 'no clinical criterion';

  return calculated({
    calculator: 'sle-classification-2019',
    algorithmVersion: '1.0.0',
    value: classified,
    components: { entryCriterionMet, domains, points, clinicalCriterionPresent, rule },
    inputs: input,
    source: SLE_2019_SOURCE,
  });
}
