import { daysBetween } from '@trialflow/domain';
import { currentEntries, liveEntriesOf, type CurrentEntry, type SubjectFacts } from '../export-subject.js';

/** A cell: text, a number, or null for an empty cell. */
export type SdtmValue = string | number | null;
export type SdtmRow = Readonly<Record<string, SdtmValue>>;

export type Epoch = 'SCREENING' | 'TREATMENT' | 'FOLLOW-UP';

/**
 * One participant as the SDTM domains need them: identifiers, the site-local rendering of instants, the
 * reference start (the CAR-T infusion) that study days count from, and the trial epoch of any date.
 */
export interface SdtmSubject {
  readonly facts: SubjectFacts;
  readonly studyId: string;
  readonly usubjid: string;
  readonly entries: ReadonlyMap<string, CurrentEntry>;
  /** The infusion as it stands now (corrections applied), if the participant was infused. */
  readonly infusion?: CurrentEntry;
  /** RFSTDTC: the start of the CAR-T infusion, site-local. */
  readonly referenceStart?: string;
  /** An instant as the site's local date and time, to the minute (ISO 8601, no offset: SDTM collects local times). */
  localDateTime(instant: string): string;
  localDate(instant: string): string;
  /** SDTM study day of a date or date-time (no day 0: the reference start date is day 1), or null before infusion is known. */
  studyDay(dtc: string | null): number | null;
  epoch(dtc: string | null): Epoch | null;
  /** STUDYID, DOMAIN, USUBJID. */
  keys(domain: string): SdtmRow;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

export function sdtmSubject(facts: SubjectFacts): SdtmSubject {
  const offset = facts.utcOffsetMinutes;
  const localDateTime = (instant: string): string => new Date(Date.parse(instant) + offset * 60_000).toISOString().slice(0, 16);
  const localDate = (instant: string): string => localDateTime(instant).slice(0, 10);
  const entries = currentEntries(facts.events);
  const infusion = liveEntriesOf(entries, 'InfusionCompleted')[0];
  const referenceStart = text(infusion?.data.startedAt) ? localDateTime(infusion!.data.startedAt as string) : undefined;
  const referenceDate = referenceStart?.slice(0, 10);
  const infusionEnd = text(infusion?.data.completedAt) ? localDateTime(infusion!.data.completedAt as string) : undefined;
  const enrolled = facts.events.find((e) => e.event.type === 'Enrolled')?.event.occurredAt;
  const enrolledAt = enrolled ? localDateTime(enrolled) : undefined;

  return {
    facts,
    studyId: facts.trialId,
    usubjid: `${facts.trialId}-${facts.participantCode}`,
    entries,
    ...(infusion ? { infusion } : {}),
    ...(referenceStart ? { referenceStart } : {}),
    localDateTime,
    localDate,
    studyDay(dtc) {
      if (!dtc || !referenceDate) return null;
      const days = daysBetween(referenceDate, dtc.slice(0, 10));
      return days >= 0 ? days + 1 : days;
    },
    epoch(dtc) {
      if (!dtc) return null;
      // A date-time compares to the minute; a bare date by day, the day of a milestone still in the epoch it ends.
      const dateOnly = dtc.length <= 10;
      const before = (milestone: string) => (dateOnly ? dtc <= milestone.slice(0, 10) : dtc < milestone);
      const after = (milestone: string) => (dateOnly ? dtc > milestone.slice(0, 10) : dtc > milestone);
      if (!enrolledAt || before(enrolledAt)) return 'SCREENING';
      if (infusionEnd && after(infusionEnd)) return 'FOLLOW-UP';
      return 'TREATMENT';
    },
    keys: (domain) => ({ STUDYID: facts.trialId, DOMAIN: domain, USUBJID: `${facts.trialId}-${facts.participantCode}` }),
  };
}
