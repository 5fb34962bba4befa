import type { Protocol } from '../../protocols/protocol.schema.js';
import { addDaysToDate, daysBetween, type IsoDate, type IsoInstant } from '../../shared/time.js';

type Convention = Protocol['dayNumbering'];

/**
 * Calendar date of a study day. Day 0 (or Day 1, under the other convention) is the infusion date; days
 * before infusion are negative in both conventions (D-1 is the day before), and there is no day 0 when the
 * infusion day is Day 1 (clinical-domain 0.2).
 */
export function dateOfStudyDay(infusionDate: IsoDate, studyDay: number, convention: Convention): IsoDate {
  const offset = convention === 'infusion-day-1' && studyDay > 0 ? studyDay - 1 : studyDay;
  return addDaysToDate(infusionDate, offset);
}

/** Study day of a calendar date, under the protocol's convention. */
export function studyDayOf(infusionDate: IsoDate, date: IsoDate, convention: Convention): number {
  const offset = daysBetween(infusionDate, date);
  return convention === 'infusion-day-1' && offset >= 0 ? offset + 1 : offset;
}

/** The instant a site-local calendar date begins, from the site's UTC offset. */
export const startOfLocalDate = (date: IsoDate, utcOffsetMinutes: number): IsoInstant =>
  new Date(Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000).toISOString();

/** The site-local calendar date of an instant. */
export const localDateOf = (instant: IsoInstant, utcOffsetMinutes: number): IsoDate =>
  new Date(Date.parse(instant) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** The instant of a local wall-clock time (HH:MM) on a local date. */
export const localTimeOn = (date: IsoDate, time: string, utcOffsetMinutes: number): IsoInstant => {
  const [h, m] = time.split(':').map(Number);
  return new Date(Date.parse(startOfLocalDate(date, utcOffsetMinutes)) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000).toISOString();
};
