import { wilsonInterval, type ProportionInterval } from './wilson-interval.js';

/** What the summary needs of an efficacy result row (a scored visit row of `rm_efficacy_results`). */
export interface ScoredResult {
  readonly participantId: string;
  readonly cohortId: string;
  readonly instrument: string;
  readonly timepoint: string;
  readonly timepointLabel: string;
  readonly nominalDay: number | null;
  readonly changeFromBaseline: number | null;
  /** `RESPONSE`, `NO_RESPONSE`, `NOT_EVALUABLE`; null when the instrument has no published response definition. */
  readonly response: string | null;
  readonly responseDefinition: string | null;
  readonly responseAlgorithm: string | null;
}

/** Response at one visit timepoint, for one cohort and instrument under one response definition. */
export interface ResponseSummaryLine {
  readonly cohortId: string;
  readonly instrument: string;
  readonly timepoint: string;
  readonly timepointLabel: string;
  readonly nominalDay: number | null;
  /** Participants with a response call at the timepoint: responders + non-responders + not evaluable. */
  readonly assessed: number;
  readonly responders: number;
  readonly nonResponders: number;
  readonly notEvaluable: number;
  /** responders / assessed (not evaluable counts as not responding); null when none assessed. */
  readonly responseRate: number | null;
  readonly ci95: ProportionInterval | null;
  /** Median of the assessed participants' change from baseline (those with one); null when none has one. */
  readonly medianChangeFromBaseline: number | null;
  readonly responseDefinition: string;
  readonly responseAlgorithm: string;
}

/** The middle value (mean of the two middle ones for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const BASELINE_DAY = -1_000_000;

/**
 * Response rates per cohort, instrument and visit timepoint. Only rows with a response call count: an
 * instrument without a published response definition has none, and a visit without a score has no row here.
 * Results under different definitions or algorithm versions are never pooled (a protocol amendment can change
 * the SRI-4 SLEDAI reduction): each gets its own line. The rate is responders over all assessed, so a
 * not-evaluable result counts against the rate (the conservative reading, as missing = non-responder).
 */
export function summariseResponses(rows: readonly ScoredResult[]): ResponseSummaryLine[] {
  const groups = new Map<string, ScoredResult[]>();
  for (const row of rows) {
    if (row.response === null || row.responseDefinition === null || row.timepoint === 'BASELINE') continue;
    const key = JSON.stringify([row.cohortId, row.instrument, row.timepoint, row.responseDefinition, row.responseAlgorithm ?? '']);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()]
    .map((group): ResponseSummaryLine => {
      const first = group[0]!;
      const count = (response: string) => group.filter((r) => r.response === response).length;
      const responders = count('RESPONSE');
      const assessed = group.length;
      return {
        cohortId: first.cohortId,
        instrument: first.instrument,
        timepoint: first.timepoint,
        timepointLabel: first.timepointLabel,
        nominalDay: first.nominalDay,
        assessed,
        responders,
        nonResponders: count('NO_RESPONSE'),
        notEvaluable: count('NOT_EVALUABLE'),
        responseRate: assessed === 0 ? null : responders / assessed,
        ci95: wilsonInterval(responders, assessed),
        medianChangeFromBaseline: median(group.flatMap((r) => (r.changeFromBaseline === null ? [] : [r.changeFromBaseline]))),
        responseDefinition: first.responseDefinition ?? '',
        responseAlgorithm: first.responseAlgorithm ?? '',
      };
    })
    .sort(
      (a, b) =>
        a.cohortId.localeCompare(b.cohortId) ||
        a.instrument.localeCompare(b.instrument) ||
        (a.nominalDay ?? BASELINE_DAY) - (b.nominalDay ?? BASELINE_DAY) ||
        a.timepoint.localeCompare(b.timepoint) ||
        a.responseAlgorithm.localeCompare(b.responseAlgorithm),
    );
}
