import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { scoreComparator } from '../common/compare.js';
import { readBoolean, type Errors } from '../common/read-input.js';
import { BVAS_V3_CREATININE_BANDS, BVAS_V3_ITEMS, BVAS_V3_MAX, BVAS_V3_SYSTEMS, type BvasItemId, type BvasSystemId } from './items.js';

export const BVAS_V3_SOURCE =
  'Mukhtyar C et al. Modification and validation of the Birmingham Vasculitis Activity Score (version 3). Ann Rheum Dis 2009;68:1827-32 (form scoring rules; weights as encoded in items.ts)';

export const BVAS_ITEM_STATUSES = ['persistent', 'new-or-worse'] as const;
export type BvasItemStatus = (typeof BVAS_ITEM_STATUSES)[number];

/**
 * Only items attributable to active vasculitis in the previous 4 weeks are listed, each flagged persistent or
 * new/worse. The form's single PERSISTENT box is derived: it applies only when every listed item is persistent.
 */
export interface BvasV3Input {
  readonly firstAssessment: boolean;
  readonly items: Readonly<Partial<Record<BvasItemId, BvasItemStatus>>>;
}

export type BvasScale = 'persistent' | 'new-or-worse' | 'no-active-disease';

export interface BvasSystemScore {
  readonly system: BvasSystemId;
  readonly items: readonly { readonly item: BvasItemId; readonly weight: number }[];
  readonly sum: number;
  readonly max: number;
  /** min(sum, max): a system never scores above its published maximum. */
  readonly score: number;
}

export interface BvasV3Components {
  readonly scale: BvasScale;
  readonly scaleMax: number;
  readonly systems: readonly BvasSystemScore[];
}

export function bvasV3(input: BvasV3Input): Calculation<number, BvasV3Input, BvasV3Components> {
  const errors: Errors = [];
  const firstAssessment = readBoolean(input?.firstAssessment, 'firstAssessment', errors);
  const raw = input?.items;
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    errors.push(calculationError('MISSING_MEASURE', 'items', 'items is required ({} when no item is attributable to active vasculitis)'));
    return invalid(...errors);
  }

  const ticked = new Map<BvasItemId, BvasItemStatus>();
  for (const [id, status] of Object.entries(raw as Record<string, unknown>)) {
    const entry = BVAS_V3_ITEMS.get(id);
    if (entry === undefined) {
      errors.push(calculationError('INVALID_VALUE', `items.${id}`, `${id} is not a BVAS v3 item`));
      continue;
    }
    if (typeof status !== 'string' || !(BVAS_ITEM_STATUSES as readonly string[]).includes(status)) {
      errors.push(calculationError('INVALID_VALUE', `items.${id}`, `items.${id} must be one of ${BVAS_ITEM_STATUSES.join(', ')}`));
      continue;
    }
    // Form rule 5: asterisked manifestations always mean new or worse disease when due to active vasculitis.
    if (status === 'persistent' && entry.item.persistent === null) {
      errors.push(calculationError('INVALID_VALUE', `items.${id}`, `${entry.item.label} is not compatible with persistent disease; record it as new-or-worse`));
      continue;
    }
    // Form rule 4: creatinine bands describe the presenting renal function and are scored only at the first assessment.
    if (entry.item.firstAssessmentOnly && firstAssessment === false) {
      errors.push(calculationError('NOT_APPLICABLE', `items.${id}`, `${entry.item.label} can only be scored at the first assessment`));
      continue;
    }
    ticked.set(id as BvasItemId, status as BvasItemStatus);
  }
  const bands = BVAS_V3_CREATININE_BANDS.filter((band) => ticked.has(band));
  if (bands.length > 1) errors.push(calculationError('INVALID_VALUE', 'items', `serum creatinine bands are mutually exclusive; got ${bands.join(', ')}`));
  if (errors.length > 0) return invalid(...errors);

  const scale: BvasScale = ticked.size === 0 ? 'no-active-disease' : [...ticked.values()].every((s) => s === 'persistent') ? 'persistent' : 'new-or-worse';
  const weightKey = scale === 'persistent' ? 'persistent' : 'newOrWorse';
  const systems: BvasSystemScore[] = BVAS_V3_SYSTEMS.map((system) => {
    const items = system.items.filter((i) => ticked.has(i.id)).map((i) => ({ item: i.id as BvasItemId, weight: (weightKey === 'persistent' ? i.persistent : i.newOrWorse) ?? 0 }));
    const sum = items.reduce((total, i) => total + i.weight, 0);
    const max = system.max[weightKey];
    return { system: system.id, items, sum, max, score: Math.min(sum, max) };
  });

  return calculated({
    calculator: 'bvas-v3',
    algorithmVersion: '1.0.0',
    value: systems.reduce((total, s) => total + s.score, 0),
    components: { scale, scaleMax: BVAS_V3_MAX[weightKey], systems },
    inputs: input,
    source: BVAS_V3_SOURCE,
  });
}

/** Negative % change is improvement; a ≥50% fall is the usual "response" and BVAS 0 "remission" [lit]. */
export const compareBvasV3 = scoreComparator({ calculator: 'bvas-v3', source: BVAS_V3_SOURCE, range: { min: 0, max: BVAS_V3_MAX.newOrWorse, integer: true, scale: 'BVAS v3 0-63' } });
