import type { Protocol } from '../../api/protocol.js';
import type { JourneyState, Participant, Phase } from '../../api/types.js';
import { daysBetween } from '../../format/dates.js';
import { dateOfStudyDay, siteDate, visitMarks } from '../participant/journey-geometry.js';

/**
 * One participant's lane of the swimmer plot, in study days (x = days from the infusion date, infusion at 0,
 * as the domain counts calendar days at the site). Participants not yet infused are screening lanes that end
 * at day 0 (negative days from registration).
 */
export interface Lane {
  readonly participantId: string;
  readonly participantCode: string;
  readonly cohortId: string;
  readonly phase: Phase;
  readonly infused: boolean;
  /** First day of the lane (registration; negative). */
  readonly from: number;
  /** Last day of the lane: today (or the end of study) when infused, 0 otherwise. */
  readonly to: number;
  readonly dltWindow: { readonly from: number; readonly to: number } | undefined;
  readonly adverseEvents: readonly { readonly day: number; readonly grade: number; readonly term: string; readonly serious: boolean }[];
  readonly toxicity: readonly { readonly day: number; readonly kind: 'CRS' | 'ICANS'; readonly grade: number }[];
  readonly visitsDone: readonly { readonly day: number; readonly label: string; readonly inWindow: boolean }[];
  /** Efficacy scores that met their instrument's response definition, on the day they were assessed. */
  readonly responses: readonly EfficacyResponseMark[];
  readonly end: { readonly day: number; readonly reason: string } | undefined;
}

export interface EfficacyResponseMark {
  readonly day: number;
  readonly instrument: string;
  readonly visitId: string;
  readonly value: number;
  readonly change: number | undefined;
  readonly definition: string;
}

export function laneOf(participant: Participant, state: JourneyState, protocol: Protocol, today: string, utcOffsetMinutes: number): Lane {
  const registeredOn = siteDate(participant.registeredAt, utcOffsetMinutes);
  const infusionDate = state.infusion?.infusionDate ?? participant.infusionDate ?? undefined;
  const base = { participantId: participant.participantId, participantCode: participant.participantCode, cohortId: participant.cohortId, phase: participant.phase };
  if (!infusionDate) {
    return { ...base, infused: false, from: Math.min(0, -daysBetween(registeredOn, today)), to: 0, dltWindow: undefined, adverseEvents: [], toxicity: [], visitsDone: [], responses: [], end: endOf(state, undefined, today) };
  }
  const day = (date: string): number => daysBetween(infusionDate, date);
  const w = protocol.dlt.window;
  const dltFrom = day(dateOfStudyDay(infusionDate, w.startInclusive ? w.startDay : w.startDay + 1, protocol.dayNumbering));
  const dltTo = day(dateOfStudyDay(infusionDate, w.endInclusive ? w.endDay : w.endDay - 1, protocol.dayNumbering));
  const end = endOf(state, day, today);
  return {
    ...base,
    infused: true,
    from: Math.min(0, day(registeredOn)),
    to: end ? end.day : Math.max(0, day(today)),
    dltWindow: { from: dltFrom, to: dltTo },
    adverseEvents: state.adverseEvents.map((ae) => ({ day: day(ae.onsetOn), grade: ae.grade, term: ae.term, serious: ae.serious })),
    toxicity: state.toxicityAssessments.map((t) => ({ day: day(siteDate(t.value.assessedAt, utcOffsetMinutes)), kind: t.value.kind, grade: t.value.grade })),
    visitsDone: visitMarks(protocol, state).flatMap((v) => (v.done ? [{ day: day(v.done.on), label: v.label, inWindow: v.done.inWindow }] : [])),
    responses: state.efficacyAssessments.flatMap(({ value: a }) =>
      a.response?.outcome === 'RESPONSE'
        ? [{ day: day(a.assessedOn), instrument: a.instrument, visitId: a.visitId, value: a.value, change: a.change?.absolute, definition: a.response.definition }]
        : [],
    ),
    end,
  };
}

function endOf(state: JourneyState, day: ((date: string) => number) | undefined, today: string): Lane['end'] {
  if (state.phase !== 'ENDED' && !state.endReason) return undefined;
  const on = state.endedOn ?? today;
  return { day: day ? day(on) : 0, reason: state.endReason ?? 'ended' };
}

/** Participants per cohort and phase (the enrolment table and bars). */
export function enrolmentByCohort(participants: readonly Participant[]): Map<string, Map<Phase, number>> {
  const out = new Map<string, Map<Phase, number>>();
  for (const p of participants) {
    const byPhase = out.get(p.cohortId) ?? new Map<Phase, number>();
    byPhase.set(p.phase, (byPhase.get(p.phase) ?? 0) + 1);
    out.set(p.cohortId, byPhase);
  }
  return out;
}
