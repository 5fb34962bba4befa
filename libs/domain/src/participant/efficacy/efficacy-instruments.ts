import type { Calculation } from '../../calculators/shared/calculation.js';
import { scoreComparator, type ScoreComparator } from '../../calculators/efficacy/common/compare.js';
import type { NumberRule } from '../../calculators/efficacy/common/read-input.js';
import { compareBvasV3 } from '../../calculators/efficacy/bvas-v3/bvas-v3.js';
import { ECOG_SOURCE } from '../../calculators/efficacy/ecog/ecog.js';
import { compareIgg4RdRi, igg4RdRiResponse } from '../../calculators/efficacy/igg4-rd-ri/igg4-rd-ri.js';
import { compareMgAdl } from '../../calculators/efficacy/mg-adl/mg-adl.js';
import { compareMrss } from '../../calculators/efficacy/mrss/mrss.js';
import { compareQmg } from '../../calculators/efficacy/qmg/qmg.js';
import { compareSledai2k } from '../../calculators/efficacy/sledai-2k/sledai-2k.js';
import { SLEDAI_2K_MAX } from '../../calculators/efficacy/sledai-2k/descriptors.js';
import { SRI_SOURCE, type SriCriteria } from '../../calculators/efficacy/sri-4/sri.js';
import type { Protocol } from '../../protocols/protocol.schema.js';

/**
 * The efficacy instruments a visit can record a score for (RecordEfficacyAssessment), keyed by the name the
 * protocol's schedule uses. Each one says its range (checked before anything is recorded), its unit, how a
 * score compares with the screening baseline (the calculators' own comparator, versioned) and, where the
 * calculators define one, the published response rule. The other scheduled instruments (BILAG-2004, the
 * laboratory panels, the myositis core set, PFT, right-heart catheter) are multi-item or multi-measure records
 * that have no single score: they stay "done" with the visit until they get their own commands.
 */
export interface ResponseRule {
  /** What counts as a response, in words, for the reader of the record. */
  readonly definition: (protocol: Protocol) => string;
  /** `true` response, `false` no response; a calculator error (e.g. a baseline of 0) makes it not evaluable. */
  readonly decide: (baseline: number, followUp: number, protocol: Protocol) => Calculation<boolean, unknown, object>;
}

export interface EfficacyInstrument {
  readonly instrument: string;
  readonly label: string;
  /** Unit of the recorded value, as screening observations of the same instrument carry it. */
  readonly unit: string;
  readonly range: NumberRule;
  readonly compare: ScoreComparator;
  readonly response?: ResponseRule;
}

const SCORE = 'score';

/** SRI's SLEDAI-2K condition (Furie 2009): the only SRI component a SLEDAI-2K score can decide on its own. */
const sriSledaiComponent = (baseline: number, followUp: number, protocol: Protocol): Calculation<boolean, unknown, object> => {
  const criteria: SriCriteria = protocol.efficacy.sri;
  const compared = compareSledai2k(baseline, followUp);
  if (!compared.ok) return compared;
  const reduction = -compared.result.value.absoluteChange;
  return {
    ok: true,
    result: {
      calculator: `sri-${criteria.sledaiReduction}.sledai-component`,
      algorithmVersion: '1.0.0',
      value: reduction >= criteria.sledaiReduction,
      components: { reduction, required: criteria.sledaiReduction },
      inputs: { baseline, followUp },
      source: SRI_SOURCE,
    },
  };
};

/** The calculators' "clinically meaningful improvement" of a comparator, as a response. */
const meaningfulImprovement =
  (compare: ScoreComparator) =>
  (baseline: number, followUp: number): Calculation<boolean, unknown, object> => {
    const compared = compare(baseline, followUp);
    if (!compared.ok) return compared;
    const met = compared.result.components.meaningfulImprovement?.met ?? false;
    return { ok: true, result: { ...compared.result, value: met } };
  };

export const EFFICACY_INSTRUMENTS: readonly EfficacyInstrument[] = [
  {
    instrument: 'SLEDAI-2K',
    label: 'SLEDAI-2K',
    unit: SCORE,
    range: { min: 0, max: SLEDAI_2K_MAX, integer: true, scale: 'SLEDAI-2K 0-105' },
    compare: compareSledai2k,
    response: {
      definition: (p) => `SRI-${p.efficacy.sri.sledaiReduction} SLEDAI-2K component: a reduction of ≥${p.efficacy.sri.sledaiReduction} points from baseline (BILAG-2004 and PGA conditions are judged separately)`,
      decide: sriSledaiComponent,
    },
  },
  {
    instrument: 'PGA',
    label: "Physician's Global Assessment",
    unit: SCORE,
    range: { min: 0, max: 3, scale: 'PGA 0-3' },
    compare: scoreComparator({ calculator: 'pga', source: SRI_SOURCE, range: { min: 0, max: 3, scale: 'PGA 0-3' } }),
  },
  { instrument: 'MRSS', label: 'Modified Rodnan skin score', unit: SCORE, range: { min: 0, max: 51, integer: true, scale: 'mRSS 0-51' }, compare: compareMrss },
  { instrument: 'BVAS-V3', label: 'BVAS v3', unit: SCORE, range: { min: 0, max: 63, integer: true, scale: 'BVAS v3 0-63' }, compare: compareBvasV3 },
  {
    instrument: 'MG-ADL',
    label: 'MG-ADL',
    unit: SCORE,
    range: { min: 0, max: 24, integer: true, scale: 'MG-ADL 0-24' },
    compare: compareMgAdl,
    response: { definition: () => 'MG-ADL fall of ≥2 points from baseline (clinically meaningful improvement)', decide: meaningfulImprovement(compareMgAdl) },
  },
  { instrument: 'QMG', label: 'Quantitative MG score', unit: SCORE, range: { min: 0, max: 39, integer: true, scale: 'QMG 0-39' }, compare: compareQmg },
  {
    instrument: 'IGG4-RD-RI',
    label: 'IgG4-RD Responder Index',
    unit: SCORE,
    range: { min: 0, integer: true, scale: 'IgG4-RD RI ≥0' },
    compare: compareIgg4RdRi,
    response: { definition: () => 'IgG4-RD RI fall of more than 50% from baseline', decide: (b, f) => igg4RdRiResponse(b, f) },
  },
  {
    instrument: 'ECOG',
    label: 'ECOG performance status',
    unit: SCORE,
    range: { min: 0, max: 5, integer: true, scale: 'ECOG 0-5' },
    compare: scoreComparator({ calculator: 'ecog', source: ECOG_SOURCE, range: { min: 0, max: 5, integer: true, scale: 'ECOG 0-5' } }),
  },
];

export const efficacyInstrument = (instrument: string): EfficacyInstrument | undefined => EFFICACY_INSTRUMENTS.find((i) => i.instrument === instrument);

/** A screening observation is an instrument's baseline when its code is the instrument's name in code form (SLEDAI-2K → SLEDAI_2K). */
export const baselineCodeOf = (instrument: string): string => instrument.toUpperCase().replaceAll('-', '_');
