/**
 * Time helpers. The domain never reads a clock: callers pass `now` in (the workflow passes its deterministic
 * time, tests a fixed instant), so decisions are reproducible on replay and in an audit.
 */
export type IsoInstant = string;
/** A calendar date (YYYY-MM-DD) at the site: clinical days are dates, not instants. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

export const addDays = (instant: IsoInstant, days: number): IsoInstant => new Date(Date.parse(instant) + days * DAY_MS).toISOString();

export const toIso = (date: Date): IsoInstant => date.toISOString();

export const addDaysToDate = (date: IsoDate, days: number): IsoDate => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (both calendar dates). */
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

export const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const isIsoInstant = (value: string): boolean => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value);

/**
 * The calendar date of an instant in a time zone given as a fixed UTC offset in minutes. Sites declare an
 * IANA zone; converting it to an offset needs time-zone data, which the caller (outside the pure domain)
 * resolves and records, so replay never depends on the tzdata of the machine.
 */
export const dateAtOffset = (instant: IsoInstant, utcOffsetMinutes: number): IsoDate =>
  new Date(Date.parse(instant) + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

/** Hours elapsed from `from` to `to`. */
export const hoursBetween = (from: IsoInstant, to: IsoInstant): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;
