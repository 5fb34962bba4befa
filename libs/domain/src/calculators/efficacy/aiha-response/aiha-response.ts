import { calculated, calculationError, invalid, type Calculation } from '../../shared/calculation.js';
import { acceptedUnits, toCanonical, type Dimension, type Quantity } from '../../shared/quantity.js';
import { readNumber, readQuantity, settle, type Errors } from '../common/read-input.js';
import { aihaResponseCriteriaSchema, defaultAihaResponseCriteria, type AihaResponseCategory, type AihaResponseCriteria, type HaemolysisMarker } from './criteria.schema.js';

export const AIHA_RESPONSE_SOURCE =
  'Jäger U et al. Diagnosis and treatment of autoimmune hemolytic anemia in adults: First International Consensus Meeting. Blood Rev 2020;41:100648 (defaults [lit, verify]); "CRi" per the trial 1 seed (clinical-domain 3.15)';

/** A marker with the laboratory's own reference limit, in any unit of the marker's dimension. */
export interface MarkerWithUpperLimit {
  readonly value: Quantity;
  readonly upperLimitOfNormal: Quantity;
}
export interface MarkerWithLowerLimit {
  readonly value: Quantity;
  readonly lowerLimitOfNormal: Quantity;
}

export interface AihaResponseInput {
  readonly baselineHaemoglobin: Quantity;
  readonly haemoglobin: Quantity;
  /** Days from the last red-cell transfusion to this assessment; null when none is on record. */
  readonly daysSinceLastTransfusion: number | null;
  readonly markers: {
    readonly ldh?: MarkerWithUpperLimit;
    readonly bilirubin?: MarkerWithUpperLimit;
    readonly haptoglobin?: MarkerWithLowerLimit;
    /** Either an absolute count (10^9/L) or a percentage, with the limit in the same kind. */
    readonly reticulocytes?: MarkerWithUpperLimit;
  };
}

export interface AihaResponseComponents {
  readonly criteria: AihaResponseCriteria;
  readonly haemoglobinGPerDl: number;
  readonly riseGPerDl: number;
  readonly transfusionFree: boolean;
  readonly completeResponseHaemoglobin: boolean;
  readonly partialResponseHaemoglobin: boolean;
  /** Marker → normal? Only evaluated when Hb reaches the CR level without transfusion. */
  readonly markersNormal?: Readonly<Partial<Record<HaemolysisMarker, boolean>>>;
  readonly rule: string;
}

const MARKER_DIMENSIONS: Readonly<Record<HaemolysisMarker, readonly [Dimension, ...Dimension[]]>> = {
  ldh: ['enzymeActivity'],
  bilirubin: ['bilirubin'],
  haptoglobin: ['haptoglobin'],
  reticulocytes: ['reticulocyteCount', 'reticulocytePercent'],
};

/** Criteria units were validated by the schema, so the conversion cannot fail. */
const gPerDl = (q: Quantity): number => {
  const converted = toCanonical('haemoglobin', q, 'criteria');
  return converted.ok ? converted.value : Number.NaN;
};

function markerNormal(marker: HaemolysisMarker, raw: unknown, errors: Errors): boolean | undefined {
  const field = `markers.${marker}`;
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    errors.push(calculationError('MISSING_MEASURE', field, `${field} is required to tell CR from compensated haemolysis (CRi)`));
    return undefined;
  }
  const limitKey = marker === 'haptoglobin' ? 'lowerLimitOfNormal' : 'upperLimitOfNormal';
  const m = raw as Record<string, unknown>;
  const unit = (m['value'] as Quantity | undefined)?.unit;
  // Reticulocytes come as a count or a percentage; pick the dimension the value's unit belongs to.
  const dimensions = MARKER_DIMENSIONS[marker];
  const dimension = dimensions.find((d) => typeof unit === 'string' && acceptedUnits(d).includes(unit)) ?? dimensions[0];
  const value = readQuantity(dimension, m['value'], `${field}.value`, errors, { min: 0 });
  const limit = readQuantity(dimension, m[limitKey], `${field}.${limitKey}`, errors, { positive: true });
  if (value === undefined || limit === undefined) return undefined;
  return marker === 'haptoglobin' ? settle(value) >= settle(limit) : settle(value) <= settle(limit);
}

/**
 * Categorises one assessment: CR (Hb at CR level, markers normal), CRi (Hb at CR level with compensated
 * haemolysis: at least one marker abnormal), PR (Hb ≥ PR level or rise ≥ PR rise), NR. Every category needs the
 * transfusion-free interval; a transfusion within it makes the assessment NR, since Hb then reflects donor cells.
 */
export function aihaResponse(input: AihaResponseInput, criteria: AihaResponseCriteria = defaultAihaResponseCriteria): Calculation<AihaResponseCategory, AihaResponseInput, AihaResponseComponents> {
  const parsed = aihaResponseCriteriaSchema.safeParse(criteria);
  if (!parsed.success) return invalid(...parsed.error.issues.map((i) => calculationError('INVALID_VALUE', ['criteria', ...i.path].join('.'), i.message)));
  const c = parsed.data;
  const errors: Errors = [];
  const baseline = readQuantity('haemoglobin', input?.baselineHaemoglobin, 'baselineHaemoglobin', errors, { positive: true });
  const hb = readQuantity('haemoglobin', input?.haemoglobin, 'haemoglobin', errors, { positive: true });
  const days = input?.daysSinceLastTransfusion;
  const since = days === null ? null : readNumber(days, 'daysSinceLastTransfusion', { min: 0, integer: true, scale: 'days, or null when never transfused' }, errors);
  if (baseline === undefined || hb === undefined || since === undefined) return invalid(...errors);

  const crHb = gPerDl(c.completeResponseMinHaemoglobin);
  const prHb = gPerDl(c.partialResponseMinHaemoglobin);
  const prRise = gPerDl(c.partialResponseMinRise);
  const rise = hb - baseline;
  const transfusionFree = since === null || since > c.transfusionFreeDays;
  const completeResponseHaemoglobin = settle(hb) >= settle(crHb);
  const partialResponseHaemoglobin = settle(hb) >= settle(prHb) || settle(rise) >= settle(prRise);
  const common = { criteria: c, haemoglobinGPerDl: hb, riseGPerDl: rise, transfusionFree, completeResponseHaemoglobin, partialResponseHaemoglobin };
  const done = (value: AihaResponseCategory, rule: string, markersNormal?: AihaResponseComponents['markersNormal']) =>
    calculated({ calculator: 'aiha-response', algorithmVersion: '1.0.0', value, components: { ...common, ...(markersNormal ? { markersNormal } : {}), rule }, inputs: input, source: AIHA_RESPONSE_SOURCE });

  if (!transfusionFree) return done('NR', `transfused within ${c.transfusionFreeDays} days: no response category applies`);
  if (completeResponseHaemoglobin) {
    const markersNormal: Partial<Record<HaemolysisMarker, boolean>> = {};
    for (const marker of c.completeResponseMarkers) {
      const normal = markerNormal(marker, (input.markers as Record<string, unknown> | undefined)?.[marker], errors);
      if (normal !== undefined) markersNormal[marker] = normal;
    }
    if (errors.length > 0) return invalid(...errors);
    return Object.values(markersNormal).every(Boolean)
      ? done('CR', 'Hb at CR level and every haemolysis marker normal', markersNormal)
      : done('CRi', 'Hb at CR level with compensated haemolysis (a marker still abnormal)', markersNormal);
  }
  if (partialResponseHaemoglobin) return done('PR', 'Hb at PR level or risen by the PR amount');
  return done('NR', 'Hb below the PR level and rise below the PR amount');
}
