import { roundHalfUp } from '../../shared/calculation.js';
import { ctcaeTermKey } from '../ctcae/ctcae-terms.js';
import type { GradeKey } from '../episodes/episode-summary.js';
import type { AeAttribution, DltDuration, DltRule } from './dlt-criteria.schema.js';

/** One condition of a rule: met, not met, or not decidable yet (ongoing event, attribution not assessed). */
export interface Check {
  readonly status: 'met' | 'pending' | 'not-met';
  readonly reason: string;
}

export interface AeFacts {
  readonly term: string;
  readonly grade: number;
  readonly haematological: boolean;
  /** Onset to resolution, or to `asOf` while ongoing. */
  readonly elapsedMs: number;
  readonly ongoing: boolean;
  readonly attribution?: AeAttribution;
}

export interface EpisodeFacts {
  readonly kind: 'crs' | 'icans';
  readonly maxGrade: number;
  readonly lastGrade: number;
  readonly ongoing: boolean;
  readonly hoursAtOrAboveGrade: Readonly<Record<GradeKey, number>>;
}

const HOUR_MS = 3_600_000;
const durationMs = (d: DltDuration) => d.value * (d.unit === 'hours' ? HOUR_MS : 24 * HOUR_MS);
const show = (ms: number, d: DltDuration) => `${roundHalfUp(ms / (d.unit === 'hours' ? HOUR_MS : 24 * HOUR_MS), 1)} ${d.unit}`;
const check = (status: Check['status'], reason: string): Check => ({ status, reason });

/** All conditions must hold; one failure fails the rule; otherwise any undecided condition leaves it pending. */
export function combine(checks: readonly Check[]): Check {
  const failed = checks.find((c) => c.status === 'not-met');
  if (failed) return failed;
  const status = checks.some((c) => c.status === 'pending') ? 'pending' : 'met';
  return check(status, checks.map((c) => c.reason).join('; '));
}

const gradeAtLeast = (grade: number, min: number): Check => check(grade >= min ? 'met' : 'not-met', `grade ${grade} ${grade >= min ? '≥' : '<'} ${min}`);

function attributionIn(attribution: AeAttribution | undefined, allowed: readonly AeAttribution[] | undefined): Check {
  if (allowed === undefined) return check('met', 'any attribution');
  if (attribution === undefined) return check('pending', 'attribution not yet assessed');
  return check(allowed.includes(attribution) ? 'met' : 'not-met', `attribution ${attribution}`);
}

/** "Lasting more than" is strict: exactly 7 days does not exceed 7 days. */
function lastedMoreThan(elapsedMs: number, ongoing: boolean, limit: DltDuration | undefined): Check {
  if (limit === undefined) return check('met', 'no duration condition');
  const text = `lasted ${show(elapsedMs, limit)}${ongoing ? ' so far' : ''}`;
  if (elapsedMs > durationMs(limit)) return check('met', `${text} > ${limit.value} ${limit.unit}`);
  return check(ongoing ? 'pending' : 'not-met', `${text}, not more than ${limit.value} ${limit.unit}`);
}

const matchesTerm = (term: string, list: readonly string[]) => list.some((t) => ctcaeTermKey(t) === ctcaeTermKey(term));

function exclusion(ae: AeFacts, rule: Extract<DltRule, { kind: 'non-haematological-ae' }>): Check {
  for (const ex of rule.exclusions) {
    if (!matchesTerm(ae.term, ex.terms)) continue;
    if (ex.onlyIfResolvedWithin === undefined) return check('not-met', `excluded term ${ae.term}`);
    const within = ae.elapsedMs <= durationMs(ex.onlyIfResolvedWithin);
    if (within && !ae.ongoing) return check('not-met', `excluded: ${ae.term} resolved within ${ex.onlyIfResolvedWithin.value} ${ex.onlyIfResolvedWithin.unit}`);
    if (within) return check('pending', `${ae.term} is excluded only if it resolves within ${ex.onlyIfResolvedWithin.value} ${ex.onlyIfResolvedWithin.unit}`);
    return check('met', `${ae.term} not resolved within ${ex.onlyIfResolvedWithin.value} ${ex.onlyIfResolvedWithin.unit}, exclusion does not apply`);
  }
  return check('met', 'not excluded');
}

/** How an adverse event stands against one rule; undefined when the rule is not about AEs. */
export function checkAdverseEvent(ae: AeFacts, rule: DltRule): Check | undefined {
  switch (rule.kind) {
    case 'crs':
    case 'icans':
      return undefined;
    case 'any-event':
      return combine([gradeAtLeast(ae.grade, rule.minGrade), attributionIn(ae.attribution, rule.attributions)]);
    case 'ae-term':
      if (!matchesTerm(ae.term, rule.terms)) return check('not-met', `term ${ae.term} not listed`);
      return combine([gradeAtLeast(ae.grade, rule.minGrade), attributionIn(ae.attribution, rule.attributions), lastedMoreThan(ae.elapsedMs, ae.ongoing, rule.lastingMoreThan)]);
    case 'non-haematological-ae':
      if (ae.haematological) return check('not-met', 'haematological event');
      return combine([
        gradeAtLeast(ae.grade, rule.minGrade),
        exclusion(ae, rule),
        attributionIn(ae.attribution, rule.attributions),
        lastedMoreThan(ae.elapsedMs, ae.ongoing, rule.lastingMoreThan),
      ]);
  }
}

/**
 * How a CRS or ICANS episode stands against one rule. Episodes are by definition attributed to the cell therapy
 * (ASTCT grades only findings not attributable to another cause), so attribution filters pass them.
 */
export function checkEpisode(episode: EpisodeFacts, rule: DltRule): Check | undefined {
  if (rule.kind === 'any-event') return gradeAtLeast(episode.maxGrade, rule.minGrade);
  if (rule.kind !== episode.kind) return undefined;
  const grade = gradeAtLeast(episode.maxGrade, rule.minGrade);
  if (rule.lastingMoreThan === undefined || grade.status !== 'met') return grade;
  const key = String(rule.minGrade) as GradeKey;
  const stillAtGrade = episode.ongoing && episode.lastGrade >= rule.minGrade;
  return combine([grade, lastedMoreThan(episode.hoursAtOrAboveGrade[key] * HOUR_MS, stillAtGrade, rule.lastingMoreThan)]);
}
