import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { scoreComparator } from '../common/compare.js';
import { readBoolean, readNumber, settle, type Errors } from '../common/read-input.js';
import { percentChangeFromBaseline } from '../../shared/quantity.js';

export const IGG4_RD_RI_SOURCE =
  'Carruthers MN et al. Development of an IgG4-RD Responder Index. Int J Rheumatol 2012; Wallace ZS et al. multi-specialty validation (25 domains), 2018; scoring as in clinical-domain 3.13';

/**
 * Activity per organ/site [lit, wording unverified]: 0 normal or resolved, 1 improved, 2 persistent/unchanged,
 * 3 new, recurrent or worse despite treatment (clinical-domain 3.13).
 */
export type OrganActivity = 0 | 1 | 2 | 3;

export interface Igg4RdOrganAssessment {
  /** The organ/site domain code of the CRF (the validated RI has 25: 24 sites plus constitutional symptoms). */
  readonly site: string;
  readonly activity: OrganActivity;
  /** Needs urgent treatment: the organ's activity counts double [seed]. */
  readonly urgent: boolean;
  /** Recorded for the CRF; not scored. */
  readonly symptomatic?: boolean;
  /** Damage is recorded but never added to the activity score [lit]. */
  readonly damage?: boolean;
}

export interface Igg4RdRiInput {
  readonly organs: readonly Igg4RdOrganAssessment[];
  /**
   * The 2012 prototype also scored serum IgG4 (0-3, never doubled); whether the version in use does is open
   * (clinical-domain 3.13 [?], section 6 row 16). Scored only when given; leave it out for the 25-domain RI.
   */
  readonly serumIgG4Activity?: OrganActivity;
}

export interface Igg4RdRiComponents {
  readonly organs: readonly { readonly site: string; readonly activity: number; readonly urgent: boolean; readonly score: number }[];
  readonly organTotal: number;
  readonly serumIgG4: { readonly scored: false } | { readonly scored: true; readonly score: number };
}

const activityRule = { min: 0, max: 3, integer: true, scale: 'RI activity 0-3' };

export function igg4RdResponderIndex(input: Igg4RdRiInput): Calculation<number, Igg4RdRiInput, Igg4RdRiComponents> {
  const errors: Errors = [];
  if (!Array.isArray(input?.organs)) return invalid(calculationError('MISSING_MEASURE', 'organs', 'organs is required: one assessment per organ/site of the CRF'));
  const seen = new Set<string>();
  const organs: Igg4RdRiComponents['organs'][number][] = [];
  input.organs.forEach((organ: Partial<Igg4RdOrganAssessment> | undefined, index) => {
    const field = `organs.${index}`;
    const site = organ?.site;
    if (typeof site !== 'string' || site.trim() === '') errors.push(calculationError('MISSING_MEASURE', `${field}.site`, `${field}.site is required`));
    else if (seen.has(site)) errors.push(calculationError('INVALID_VALUE', `${field}.site`, `${site} is assessed twice`));
    else seen.add(site);
    const activity = readNumber(organ?.activity, `${field}.activity`, activityRule, errors);
    const urgent = readBoolean(organ?.urgent, `${field}.urgent`, errors);
    // An organ that is normal or resolved cannot need urgent treatment for IgG4-RD activity.
    if (activity === 0 && urgent === true) errors.push(calculationError('INVALID_VALUE', `${field}.urgent`, `${field} has activity 0 and cannot be urgent`));
    if (typeof site === 'string' && activity !== undefined && urgent !== undefined) organs.push({ site, activity, urgent, score: urgent ? activity * 2 : activity });
  });
  const serum = input.serumIgG4Activity === undefined ? undefined : readNumber(input.serumIgG4Activity, 'serumIgG4Activity', activityRule, errors);
  if (errors.length > 0) return invalid(...errors);

  const organTotal = organs.reduce((sum, o) => sum + o.score, 0);
  return calculated({
    calculator: 'igg4-rd-ri',
    algorithmVersion: '1.0.0',
    value: organTotal + (serum ?? 0),
    components: { organs, organTotal, serumIgG4: serum === undefined ? { scored: false } : { scored: true, score: serum } },
    inputs: input,
    source: IGG4_RD_RI_SOURCE,
  });
}

export const compareIgg4RdRi = scoreComparator({ calculator: 'igg4-rd-ri', source: IGG4_RD_RI_SOURCE, range: { min: 0, integer: true, scale: 'IgG4-RD RI ≥0' } });

/**
 * Response = a decrease of strictly more than 50% from baseline [src]; protocols that use a ≥2-point fall
 * instead [typ] compare the totals themselves. A zero baseline has no defined response.
 */
export function igg4RdRiResponse(baseline: number, followUp: number): Calculation<boolean, { baseline: number; followUp: number }, { percentChange: number }> {
  const errors: Errors = [];
  const b = readNumber(baseline, 'baseline', { min: 0, integer: true }, errors);
  const f = readNumber(followUp, 'followUp', { min: 0, integer: true }, errors);
  if (b === undefined || f === undefined) return invalid(...errors);
  const percentChange = percentChangeFromBaseline(b, f);
  if (percentChange === undefined) return invalid(calculationError('NOT_APPLICABLE', 'baseline', 'a baseline RI of 0 has no response: there is no activity to reduce'));
  return calculated({
    calculator: 'igg4-rd-ri.response',
    algorithmVersion: '1.0.0',
    value: settle(percentChange) < -50,
    components: { percentChange },
    inputs: { baseline, followUp },
    source: IGG4_RD_RI_SOURCE,
  });
}
