import type { Protocol } from '../../api/protocol.js';
import type { JourneyState, Phase, TimelineEntry } from '../../api/types.js';
import { addDays } from '../../format/dates.js';

/**
 * What the journey plot draws, as site-local calendar dates: computed from the recorded events and the
 * protocol (the same rules as the domain's planner: visit windows from the actual infusion date, or from the
 * previous visit's actual date when anchored on it).
 */
export interface PhaseBar {
  readonly phase: Phase;
  readonly from: string;
  /** Undefined while the phase lasts. */
  readonly to: string | undefined;
}

export interface VisitMark {
  readonly visitId: string;
  readonly label: string;
  readonly target: string;
  readonly opens: string;
  readonly closes: string;
  readonly done?: { readonly on: string; readonly inWindow: boolean };
  readonly missed: boolean;
}

export interface Geometry {
  readonly phases: readonly PhaseBar[];
  readonly visits: readonly VisitMark[];
  readonly dltWindow: { readonly from: string; readonly to: string } | undefined;
  readonly infusionDate: string | undefined;
  readonly ldDoses: readonly { readonly on: string; readonly label: string }[];
  readonly adverseEvents: readonly { readonly aeId: string; readonly term: string; readonly grade: number; readonly serious: boolean; readonly from: string; readonly to: string | undefined }[];
  readonly toxicity: readonly { readonly kind: 'CRS' | 'ICANS'; readonly grade: number; readonly on: string }[];
}

const PHASE_OF_EVENT: Record<string, Phase> = {
  ParticipantRegistered: 'SCREENING',
  RescreeningStarted: 'SCREENING',
  ScreenFailed: 'SCREEN_FAILED',
  Enrolled: 'ENROLLED',
  LymphodepletionDoseAdministered: 'LYMPHODEPLETION',
  LymphodepletionCompleted: 'AWAITING_INFUSION',
  InfusionCompleted: 'DLT_WINDOW',
  DltWindowClosed: 'FOLLOW_UP',
  Withdrawn: 'ENDED',
  LostToFollowUp: 'ENDED',
  Died: 'ENDED',
  StudyCompleted: 'ENDED',
};

/** A date-time's calendar date at the site (fixed offset, as the domain counts days). */
export const siteDate = (iso: string, utcOffsetMinutes: number): string => new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** The date of a study day, under the protocol's day numbering (with "day 1" numbering there is no day 0). */
export function dateOfStudyDay(infusionDate: string, day: number, dayNumbering: string): string {
  return addDays(infusionDate, dayNumbering === 'infusion-day-1' && day > 0 ? day - 1 : day);
}

export function phaseBars(entries: readonly TimelineEntry[], utcOffsetMinutes: number): PhaseBar[] {
  const bars: PhaseBar[] = [];
  for (const e of entries) {
    if (e.voidedBy !== null) continue;
    const phase = PHASE_OF_EVENT[e.type];
    if (!phase || bars.at(-1)?.phase === phase) continue;
    const on = siteDate(e.occurredAt, utcOffsetMinutes);
    const last = bars.pop();
    if (last) bars.push({ ...last, to: on });
    bars.push({ phase, from: on, to: undefined });
  }
  return bars;
}

export function visitMarks(protocol: Protocol, state: JourneyState): VisitMark[] {
  const infusionDate = state.infusion?.infusionDate;
  if (!infusionDate) return [];
  const marks: VisitMark[] = [];
  let previous: { nominalDay: number; id: string; target: string } | undefined;
  for (const visit of protocol.visits) {
    const previousActual = previous ? state.visits.find((v) => v.value.visitId === previous!.id)?.value.actualDate : undefined;
    const target = visit.anchor === 'PREVIOUS_VISIT' && previous ? addDays(previousActual ?? previous.target, visit.nominalDay - previous.nominalDay) : dateOfStudyDay(infusionDate, visit.nominalDay, protocol.dayNumbering);
    const done = state.visits.find((v) => v.value.visitId === visit.id)?.value;
    marks.push({
      visitId: visit.id,
      label: visit.label,
      target,
      opens: addDays(target, -visit.windowBeforeDays),
      closes: addDays(target, visit.windowAfterDays),
      ...(done ? { done: { on: done.actualDate, inWindow: done.inWindow } } : {}),
      missed: state.missedVisits.includes(visit.id),
    });
    previous = { nominalDay: visit.nominalDay, id: visit.id, target };
  }
  return marks;
}

export function journeyGeometry(protocol: Protocol, state: JourneyState, entries: readonly TimelineEntry[], utcOffsetMinutes: number): Geometry {
  const infusionDate = state.infusion?.infusionDate;
  const w = protocol.dlt.window;
  const dltWindow = infusionDate
    ? { from: dateOfStudyDay(infusionDate, w.startInclusive ? w.startDay : w.startDay + 1, protocol.dayNumbering), to: dateOfStudyDay(infusionDate, w.endInclusive ? w.endDay : w.endDay - 1, protocol.dayNumbering) }
    : undefined;
  return {
    phases: phaseBars(entries, utcOffsetMinutes),
    visits: visitMarks(protocol, state),
    dltWindow,
    infusionDate,
    ldDoses: state.ld.administered.map((a) => ({ on: siteDate(a.value.at, utcOffsetMinutes), label: `D${a.value.day} ${a.value.drug} ${a.value.doseMg} mg` })),
    adverseEvents: state.adverseEvents.map((ae) => ({ aeId: ae.aeId, term: ae.term, grade: ae.grade, serious: ae.serious, from: ae.onsetOn, to: ae.resolvedOn })),
    toxicity: state.toxicityAssessments.map((t) => ({ kind: t.value.kind, grade: t.value.grade, on: siteDate(t.value.assessedAt, utcOffsetMinutes) })),
  };
}
