/**
 * Study-day numbering relative to the infusion (clinical-domain 0.2). Day N is a calendar day in the site's
 * time zone, not a 24-hour block, so an event at 01:30 local time the night after an afternoon infusion is on
 * day 1. Protocols differ in what they call the infusion day:
 * - `infusion-day-0`: infusion day is D0, the day before D-1 (most CAR-T protocols);
 * - `infusion-day-1`: infusion day is Day 1 (some Chinese IITs [?]); days before it are numbered −1, −2, ...
 *   with no day 0, the usual convention of such schedules, which the reference does not settle [?].
 * The convention is always stored with the protocol and never inferred.
 */
export const DAY_NUMBERINGS = ['infusion-day-0', 'infusion-day-1'] as const;
export type DayNumbering = (typeof DAY_NUMBERINGS)[number];

const DAY_MS = 86_400_000;

/** True when `timeZone` is an IANA zone the runtime's Intl knows. */
export function isTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Calendar date (YYYY-MM-DD) of an instant in a time zone. */
export function localDate(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(epochMs));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const calendarDaysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The study day of an instant under the protocol's numbering. */
export function studyDay(eventMs: number, infusionMs: number, timeZone: string, numbering: DayNumbering): number {
  const offset = calendarDaysBetween(localDate(infusionMs, timeZone), localDate(eventMs, timeZone));
  return numbering === 'infusion-day-0' || offset < 0 ? offset : offset + 1;
}
