import { calculated, invalid, type Calculation } from '../../shared/calculation.js';
import { changeFromBaseline, percentChangeFromBaseline } from '../../shared/quantity.js';
import { readNumber, type Errors, type NumberRule } from './read-input.js';

export interface ScoreComparison {
  readonly baseline: number;
  readonly followUp: number;
  /** Follow-up − baseline: negative is improvement on every instrument here except where noted. */
  readonly absoluteChange: number;
  /** Undefined when the baseline is zero: no percentage is defined (clinical-domain 3, general principles). */
  readonly percentChange: number | undefined;
}

export interface ComparisonComponents {
  readonly direction: 'lower-is-better' | 'higher-is-better';
  /** Present when the instrument has a published clinically meaningful change. */
  readonly meaningfulImprovement?: { readonly threshold: number; readonly met: boolean; readonly source: string };
}

export type ScoreComparator = (baseline: number, followUp: number) => Calculation<ScoreComparison, { baseline: number; followUp: number }, ComparisonComponents>;

/**
 * Builds the per-instrument `compare(baseline, followUp)`. Both scores are validated against the instrument's
 * range so a comparison can never be computed from a score the instrument cannot produce.
 */
export function scoreComparator(options: {
  readonly calculator: string;
  readonly source: string;
  readonly range: NumberRule;
  readonly direction?: ComparisonComponents['direction'];
  readonly meaningfulImprovement?: { readonly threshold: number; readonly source: string };
}): ScoreComparator {
  const direction = options.direction ?? 'lower-is-better';
  return (baseline, followUp) => {
    const errors: Errors = [];
    const b = readNumber(baseline, 'baseline', options.range, errors);
    const f = readNumber(followUp, 'followUp', options.range, errors);
    if (b === undefined || f === undefined) return invalid(...errors);
    const absoluteChange = changeFromBaseline(b, f);
    const improvement = direction === 'lower-is-better' ? -absoluteChange : absoluteChange;
    const meaningful = options.meaningfulImprovement;
    return calculated({
      calculator: `${options.calculator}.compare`,
      algorithmVersion: '1.0.0',
      value: { baseline: b, followUp: f, absoluteChange, percentChange: percentChangeFromBaseline(b, f) },
      components: {
        direction,
        ...(meaningful ? { meaningfulImprovement: { ...meaningful, met: improvement >= meaningful.threshold } } : {}),
      },
      inputs: { baseline, followUp },
      source: options.source,
    });
  };
}
