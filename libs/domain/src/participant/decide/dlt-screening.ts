import type { AeAttribution } from '../../calculators/toxicity/dlt/dlt-criteria.schema.js';
import { evaluateDltCandidates, type DltAdverseEvent } from '../../calculators/toxicity/dlt/dlt-evaluator.js';
import { summariseEpisodes, type ToxicityEpisode } from '../../calculators/toxicity/episodes/episode-summary.js';
import { addDaysToDate, toIso } from '../../shared/time.js';
import type { ParticipantEvent } from '../events.js';
import { evolve } from '../evolve.js';
import type { ParticipantContext } from '../rules/protocol-of.js';
import { localDateOf, startOfLocalDate } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';

/**
 * Runs the protocol's DLT criteria over every AE and CRS/ICANS episode of the participant (as of `asOf`) and
 * flags each newly met (rule, event) pair as a candidate for investigator adjudication. Candidates are never
 * final DLTs, and each is flagged once.
 */
export function dltCandidates(context: ParticipantContext, state: ParticipantState, asOf: Date): ParticipantEvent[] {
  const { protocol, site } = context;
  const infusion = state.infusion;
  if (!infusion || state.dlt.windowClosed) return [];
  const offset = site.utcOffsetMinutes;
  // An AE is dated, not timed. One with onset on the infusion day belongs to the DLT window (day 0 is inside it):
  // it counts from the infusion, not from the local midnight before it, which the evaluator would call pre-infusion.
  const infusionDay = localDateOf(infusion.startedAt, offset);
  const onsetOf = (onsetOn: string) => (onsetOn === infusionDay ? infusion.startedAt : startOfLocalDate(onsetOn, offset));
  const adverseEvents: DltAdverseEvent[] = state.adverseEvents.map((ae) => ({
    id: ae.entryId,
    term: ae.term,
    grade: ae.grade,
    haematological: ae.haematological ?? false,
    onsetAt: onsetOf(ae.onsetOn),
    ...(ae.resolvedOn === undefined ? {} : { resolvedAt: startOfLocalDate(addDaysToDate(ae.resolvedOn, 1), offset) }),
    attribution: ae.causality.toLowerCase() as AeAttribution,
  }));
  const episodes = (kind: 'CRS' | 'ICANS'): ToxicityEpisode[] => {
    const assessments = state.toxicityAssessments.filter((a) => a.value.kind === kind).map((a) => ({ at: a.value.assessedAt, grade: a.value.grade }));
    if (assessments.length === 0) return [];
    const summary = summariseEpisodes({ toxicity: kind === 'CRS' ? 'crs' : 'icans', infusionAt: infusion.startedAt, timeZone: site.timeZone, dayNumbering: protocol.dayNumbering, assessments });
    return summary.ok ? [...summary.result.value.episodes] : [];
  };
  const evaluation = evaluateDltCandidates({
    criteria: protocol.dlt,
    infusionAt: infusion.startedAt,
    timeZone: site.timeZone,
    asOf: toIso(asOf),
    adverseEvents,
    crsEpisodes: episodes('CRS'),
    icansEpisodes: episodes('ICANS'),
  });
  if (!evaluation.ok) return [];
  return evaluation.result.value.candidates.flatMap((candidate) =>
    candidate.matches
      .filter((m) => m.status === 'met' && !state.dlt.candidates.some((c) => c.candidateId === `${m.ruleId}:${candidate.eventId}`))
      .map(
        (m): ParticipantEvent => ({
          type: 'DltCandidateFlagged',
          schemaVersion: 1,
          occurredAt: toIso(asOf),
          data: { candidateId: `${m.ruleId}:${candidate.eventId}`, sourceEntryId: candidate.eventId, rule: m.ruleId, description: m.reason },
        }),
      ),
  );
}

/** The candidates newly met once `event` is recorded. */
export const dltCandidatesAfter = (context: ParticipantContext, state: ParticipantState, event: ParticipantEvent, now: Date): ParticipantEvent[] =>
  dltCandidates(context, evolve(state, event), now);
