import { addDays, addDaysToDate, type IsoInstant } from '../../shared/time.js';
import { contextOf } from '../rules/protocol-of.js';
import { dateOfStudyDay, localDateOf, localTimeOn, startOfLocalDate } from '../rules/study-days.js';
import type { ParticipantState } from '../state.js';
import type { Deadline } from './deadline.js';
import { visitWindows } from './visit-windows.js';
import { washoutCompleteOn } from './washout.js';

const hasDeviation = (state: ParticipantState, deviationId: string) => state.deviations.some((d) => d.deviationId === deviationId);

/**
 * Every future obligation of the journey, derived afresh from the state alone. Nothing is scheduled
 * incrementally, so a corrected infusion date, a moved visit or a new protocol version moves every later
 * deadline by construction. Each deadline has a stable id; deadlines are never earlier than the fact that
 * caused them; the list is sorted by due time.
 */
export function plan(state: ParticipantState): Deadline[] {
  const context = contextOf(state);
  if (!context || state.phase === 'UNREGISTERED') return [];
  const { protocol, site } = context;
  const offset = site.utcOffsetMinutes;
  const endOfDate = (date: string): IsoInstant => startOfLocalDate(addDaysToDate(date, 1), offset);
  const deadlines: Deadline[] = [];
  const ended = state.phase === 'ENDED';

  // Screening period, from consent (or registration until consent is signed).
  if (state.phase === 'SCREENING' && !state.screening.windowElapsed && state.screening.openedAt) {
    deadlines.push({
      id: `screening-window:${state.screening.episode}`,
      kind: 'SCREENING_WINDOW_CLOSES',
      dueAt: addDays(state.screening.openedAt, protocol.screening.windowDays),
      causedAt: state.screening.openedAt,
      label: `Screening period (${protocol.screening.windowDays} days) closes`,
    });
  }

  // Washout: the day every recorded stop has served its minimum, while lymphodepletion has not started.
  const washout = washoutCompleteOn(protocol, state);
  if (!ended && washout && !state.ld.startedAt && (!state.washoutSatisfiedOn || state.washoutSatisfiedOn < washout.date)) {
    const stoppedAt = state.medicationStops.find((s) => s.entryId === washout.entryId);
    const causedAt = startOfLocalDate(stoppedAt?.value.lastDoseOn ?? washout.date, offset);
    deadlines.push({ id: `washout:${washout.date}`, kind: 'WASHOUT_SATISFIED', dueAt: startOfLocalDate(washout.date, offset), causedAt, label: 'Washout complete' });
  }

  // Thaw-to-infusion limit and the longest allowed delay between lymphodepletion and infusion.
  if (!state.infusion && state.thawStartedAt && !hasDeviation(state, 'thaw-limit-exceeded')) {
    deadlines.push({ id: 'thaw-limit', kind: 'THAW_LIMIT', dueAt: new Date(Date.parse(state.thawStartedAt) + protocol.infusion.thawToInfusionLimitMinutes * 60_000).toISOString(), causedAt: state.thawStartedAt, label: 'Thawed product must be infused' });
  }
  if (!ended && !state.infusion && state.ld.completedAt && !hasDeviation(state, 'infusion-delayed-after-ld')) {
    const lastLdDate = localDateOf(state.ld.completedAt, offset);
    deadlines.push({ id: 'infusion-delay-limit', kind: 'INFUSION_DELAY_LIMIT', dueAt: endOfDate(addDaysToDate(lastLdDate, protocol.infusion.maxDaysFromLymphodepletionEnd)), causedAt: state.ld.completedAt, label: 'Latest infusion after lymphodepletion' });
  }

  // SAE reporting clock: from the site's awareness, for each serious AE not yet reported to the sponsor.
  for (const ae of state.adverseEvents) {
    if (ae.serious && !ae.reportedToSponsorAt && !hasDeviation(state, `sae-reported-late:${ae.aeId}`)) {
      deadlines.push({ id: `sae-report:${ae.aeId}`, kind: 'SAE_REPORT_DUE', dueAt: addDays(ae.awareAt, protocol.safetyReporting.saeReportHours / 24), causedAt: ae.awareAt, aeId: ae.aeId, label: `SAE report to sponsor due (${ae.term})` });
    }
  }

  const infusion = state.infusion;
  if (infusion) {
    const causedAt = infusion.completedAt;
    const { window } = protocol.dlt;
    if (!state.dlt.windowClosed) {
      const lastDay = dateOfStudyDay(infusion.infusionDate, window.endInclusive ? window.endDay : window.endDay - 1, protocol.dayNumbering);
      deadlines.push({ id: 'dlt-window:closes', kind: 'DLT_WINDOW_CLOSES', dueAt: endOfDate(lastDay), causedAt, label: 'DLT observation window closes' });
    }
    if (!state.aeCollectionEnded) {
      const lastDay = dateOfStudyDay(infusion.infusionDate, protocol.aeCollection.endDay, protocol.dayNumbering);
      deadlines.push({ id: 'ae-collection:ends', kind: 'AE_COLLECTION_ENDS', dueAt: endOfDate(lastDay), causedAt, label: 'Full AE collection ends' });
    }
    if (!ended) {
      const { reminders } = protocol;
      for (const w of visitWindows(protocol, state)) {
        const id = w.visit.id;
        if (state.visits.some((v) => v.value.visitId === id) || state.missedVisits.includes(id)) continue;
        const remind = (key: string, date: string, label: string, escalation = false) => {
          const reminderId = `visit:${id}:${key}`;
          if (!state.remindersSent.includes(reminderId)) {
            deadlines.push({ id: reminderId, kind: 'VISIT_REMINDER', dueAt: localTimeOn(date, reminders.sendAtLocalTime, offset), causedAt, visitId: id, escalation, label });
          }
        };
        for (const days of reminders.beforeTargetDays) remind(`reminder:-${days}`, addDaysToDate(w.target, -days), `${w.visit.label} in ${days} day(s)`);
        if (reminders.atWindowOpen && w.opens !== w.target) remind('opens', w.opens, `${w.visit.label} window opens`);
        if (reminders.atTarget) remind('target', w.target, `${w.visit.label} is due today`);
        if (reminders.escalateDaysBeforeClose !== undefined && w.closes !== w.target) {
          remind('escalation', addDaysToDate(w.closes, -reminders.escalateDaysBeforeClose), `${w.visit.label} window closes soon: not done`, true);
        }
        deadlines.push({ id: `visit:${id}:closes`, kind: 'VISIT_WINDOW_CLOSES', dueAt: endOfDate(w.closes), causedAt, visitId: id, label: `${w.visit.label} window closes` });
      }
    }
  }

  return deadlines.filter((d) => d.dueAt >= d.causedAt).sort((a, b) => (a.dueAt === b.dueAt ? a.id.localeCompare(b.id) : a.dueAt.localeCompare(b.dueAt)));
}

export const nextDeadline = (state: ParticipantState): Deadline | undefined => plan(state)[0];
