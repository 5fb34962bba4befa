import { calculated, calculationError, invalid, type Calculation, type CalculationError, type CalculatorResult } from '../../shared/calculation.js';
import type { ToxicityEpisode } from '../episodes/episode-summary.js';
import { isTimeZone, studyDay } from '../episodes/study-day.js';
import { ctcaeGrade } from '../ctcae/ctcae-grade.js';
import { instant, oneOf, type IsoInstant } from '../inputs.js';
import { AE_ATTRIBUTIONS, dltCriteriaSchema, type AeAttribution, type DltCriteriaInput, type DltWindow } from './dlt-criteria.schema.js';
import { checkAdverseEvent, checkEpisode, type AeFacts, type Check, type EpisodeFacts } from './dlt-rules.js';

export interface DltAdverseEvent {
  readonly id: string;
  /** CTCAE v5.0 term. */
  readonly term: string;
  /** CTCAE grade of this record; a grade change is recorded as a new record, as most CRFs do. */
  readonly grade: number;
  readonly haematological: boolean;
  readonly onsetAt: IsoInstant;
  /** When this record's grade period ended (resolution or downgrade); absent while ongoing. */
  readonly resolvedAt?: IsoInstant;
  /** Investigator's causality assessment; absent until assessed. */
  readonly attribution?: AeAttribution;
}

export interface DltEvaluationInputs {
  readonly criteria: DltCriteriaInput;
  readonly infusionAt: IsoInstant;
  readonly timeZone: string;
  /** Evaluation instant (no clock is read): ongoing events are measured up to it. */
  readonly asOf: IsoInstant;
  readonly adverseEvents: readonly DltAdverseEvent[];
  /** From summariseEpisodes. */
  readonly crsEpisodes?: readonly ToxicityEpisode[];
  readonly icansEpisodes?: readonly ToxicityEpisode[];
}

export interface DltRuleMatch {
  readonly ruleId: string;
  readonly status: 'met' | 'pending';
  readonly reason: string;
}

export interface DltCandidate {
  readonly eventId: string;
  readonly eventKind: 'adverse-event' | 'crs-episode' | 'icans-episode';
  readonly onsetDay: number;
  readonly matches: readonly DltRuleMatch[];
}

export interface DltEvaluation {
  /** Events inside the window meeting (or possibly meeting) at least one rule: for adjudication, not final DLTs. */
  readonly candidates: readonly DltCandidate[];
}

export interface DltEvaluationComponents {
  readonly window: DltWindow;
  readonly events: readonly { readonly eventId: string; readonly eventKind: DltCandidate['eventKind']; readonly onsetDay: number; readonly inWindow: boolean }[];
}

export type DltEvaluationResult = CalculatorResult<DltEvaluation, DltEvaluationInputs, DltEvaluationComponents>;

interface Event {
  readonly id: string;
  readonly kind: DltCandidate['eventKind'];
  readonly onsetMs: number;
  readonly check: (rule: Parameters<typeof checkAdverseEvent>[1]) => Check | undefined;
}

function parseAdverseEvents(list: unknown, asOfMs: number | undefined, errors: CalculationError[]): Event[] {
  if (!Array.isArray(list)) {
    errors.push(calculationError('MISSING_MEASURE', 'adverseEvents', 'adverseEvents must be a list (it may be empty)'));
    return [];
  }
  return list.flatMap((ae: Partial<DltAdverseEvent> | undefined, i): Event[] => {
    const at = `adverseEvents.${i}`;
    const before = errors.length;
    if (typeof ae?.id !== 'string' || ae.id === '') errors.push(calculationError('MISSING_MEASURE', `${at}.id`, 'id is required'));
    // The CTCAE check also enforces term-specific scales (e.g. no grade 5 neutrophil count decreased).
    const graded = ctcaeGrade({ term: ae?.term as string, grade: ae?.grade as number });
    if (!graded.ok) errors.push(...graded.errors.map((e) => ({ ...e, field: `${at}.${e.field}` })));
    const grade = graded.ok ? graded.result.value : undefined;
    if (typeof ae?.haematological !== 'boolean') errors.push(calculationError('MISSING_MEASURE', `${at}.haematological`, 'haematological (true/false) is required'));
    const onsetMs = instant(ae?.onsetAt, `${at}.onsetAt`, errors);
    const endMs = ae?.resolvedAt === undefined ? asOfMs : instant(ae.resolvedAt, `${at}.resolvedAt`, errors);
    const attribution = ae?.attribution === undefined ? undefined : oneOf(ae.attribution, AE_ATTRIBUTIONS, `${at}.attribution`, errors);
    if (onsetMs !== undefined && endMs !== undefined && endMs < onsetMs) {
      errors.push(calculationError('INVALID_VALUE', ae?.resolvedAt === undefined ? 'asOf' : `${at}.resolvedAt`, `${at} ends before its onset`));
    }
    if (errors.length > before || !ae || grade === undefined || onsetMs === undefined || endMs === undefined) return [];
    const facts: AeFacts = {
      term: ae.term as string,
      grade,
      haematological: ae.haematological as boolean,
      elapsedMs: endMs - onsetMs,
      ongoing: ae.resolvedAt === undefined,
      ...(attribution === undefined ? {} : { attribution }),
    };
    return [{ id: ae.id as string, kind: 'adverse-event', onsetMs, check: (rule) => checkAdverseEvent(facts, rule) }];
  });
}

function parseEpisodes(list: readonly ToxicityEpisode[] | undefined, kind: 'crs' | 'icans', errors: CalculationError[]): Event[] {
  return (list ?? []).flatMap((episode, i): Event[] => {
    const onsetMs = instant(episode?.onsetAt, `${kind}Episodes.${i}.onsetAt`, errors);
    if (onsetMs === undefined) return [];
    const facts: EpisodeFacts = { kind, maxGrade: episode.maxGrade, lastGrade: episode.lastGrade, ongoing: !episode.resolved && !episode.fatal, hoursAtOrAboveGrade: episode.hoursAtOrAboveGrade };
    return [{ id: episode.id, kind: `${kind}-episode`, onsetMs, check: (rule) => checkEpisode(facts, rule) }];
  });
}

const inWindow = (day: number, w: DltWindow) => (w.startInclusive ? day >= w.startDay : day > w.startDay) && (w.endInclusive ? day <= w.endDay : day < w.endDay);

/** Which DLT rules each AE and CRS/ICANS episode with onset inside the DLT window meets (or may still meet). */
export function evaluateDltCandidates(inputs: DltEvaluationInputs): Calculation<DltEvaluation, DltEvaluationInputs, DltEvaluationComponents> {
  const errors: CalculationError[] = [];
  const parsed = dltCriteriaSchema.safeParse(inputs.criteria);
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => calculationError('INVALID_VALUE', ['criteria', ...i.path.map(String)].join('.'), i.message)));
  const infusionMs = instant(inputs.infusionAt, 'infusionAt', errors);
  const asOfMs = instant(inputs.asOf, 'asOf', errors);
  if (!isTimeZone(inputs.timeZone)) errors.push(calculationError('INVALID_VALUE', 'timeZone', `timeZone must be an IANA zone (got ${String(inputs.timeZone)})`));
  const events = [
    ...parseAdverseEvents(inputs.adverseEvents, asOfMs, errors),
    ...parseEpisodes(inputs.crsEpisodes, 'crs', errors),
    ...parseEpisodes(inputs.icansEpisodes, 'icans', errors),
  ];
  if (errors.length > 0 || !parsed.success || infusionMs === undefined) return invalid(...errors);

  const { window, rules } = parsed.data;
  const evaluated = events.map((event) => {
    const onsetDay = studyDay(event.onsetMs, infusionMs, inputs.timeZone, window.dayNumbering);
    const beforeInfusion = window.excludeEventsBeforeInfusion && event.onsetMs < infusionMs;
    return { event, onsetDay, inWindow: inWindow(onsetDay, window) && !beforeInfusion };
  });
  const candidates: DltCandidate[] = evaluated
    .filter((e) => e.inWindow)
    .map(({ event, onsetDay }) => {
      const matches = rules.flatMap((rule): DltRuleMatch[] => {
        const result = event.check(rule);
        return result && result.status !== 'not-met' ? [{ ruleId: rule.id, status: result.status, reason: result.reason }] : [];
      });
      return { eventId: event.id, eventKind: event.kind, onsetDay, matches };
    })
    .filter((c) => c.matches.length > 0);
  return calculated({
    calculator: 'dlt.candidates',
    algorithmVersion: '1.0.0',
    value: { candidates },
    components: { window, events: evaluated.map((e) => ({ eventId: e.event.id, eventKind: e.event.kind, onsetDay: e.onsetDay, inWindow: e.inWindow })) },
    inputs,
    source: 'Protocol DLT criteria (clinical-domain 2.6; window conventions 0.2); grades per CTCAE v5.0 and ASTCT 2019. Candidates require investigator adjudication.',
  });
}
