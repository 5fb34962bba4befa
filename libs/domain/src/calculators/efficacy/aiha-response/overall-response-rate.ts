import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { readChoice, type Errors } from '../common/read-input.js';
import { AIHA_RESPONSE_CATEGORIES, aihaResponseCriteriaSchema, defaultAihaResponseCriteria, type AihaResponseCategory, type AihaResponseCriteria } from './criteria.schema.js';
import { AIHA_RESPONSE_SOURCE } from './aiha-response.js';

export interface AihaOverallResponse {
  readonly evaluable: number;
  readonly responders: number;
  /** Responders / evaluable, unrounded fraction 0-1. */
  readonly rate: number;
}

export interface AihaOverallResponseComponents {
  readonly counts: Readonly<Record<AihaResponseCategory, number>>;
  readonly respondingCategories: AihaResponseCriteria['overallResponseCategories'];
}

/**
 * Overall response rate over a cohort: one best-response category per evaluable participant (which visit counts
 * is the protocol's choice, made before calling). ORR = CR + CRi + PR unless the protocol says otherwise [?].
 */
export function aihaOverallResponseRate(
  categories: readonly AihaResponseCategory[],
  criteria: AihaResponseCriteria = defaultAihaResponseCriteria,
): Calculation<AihaOverallResponse, readonly AihaResponseCategory[], AihaOverallResponseComponents> {
  const parsed = aihaResponseCriteriaSchema.safeParse(criteria);
  if (!parsed.success) return invalid(...parsed.error.issues.map((i) => calculationError('INVALID_VALUE', ['criteria', ...i.path].join('.'), i.message)));
  if (!Array.isArray(categories) || categories.length === 0) {
    return invalid(calculationError('NOT_APPLICABLE', 'categories', 'an overall response rate needs at least one evaluable participant'));
  }
  const errors: Errors = [];
  const counts: Record<AihaResponseCategory, number> = { CR: 0, CRi: 0, PR: 0, NR: 0 };
  categories.forEach((category, index) => {
    const read = readChoice(category, `categories.${index}`, AIHA_RESPONSE_CATEGORIES, errors);
    if (read !== undefined) counts[read] += 1;
  });
  if (errors.length > 0) return invalid(...errors);
  const responding = parsed.data.overallResponseCategories;
  const responders = responding.reduce((sum, category) => sum + counts[category], 0);
  return calculated({
    calculator: 'aiha-response.orr',
    algorithmVersion: '1.0.0',
    value: { evaluable: categories.length, responders, rate: responders / categories.length },
    components: { counts, respondingCategories: responding },
    inputs: categories,
    source: AIHA_RESPONSE_SOURCE,
  });
}
