/**
 * Time helpers. The domain never reads a clock: callers pass `now` in (the workflow passes its deterministic
 * time, tests a fixed instant), so decisions are reproducible on replay and in an audit.
 */
export type IsoInstant = string;

const DAY_MS = 86_400_000;

export const addDays = (instant: IsoInstant, days: number): IsoInstant =>
  new Date(Date.parse(instant) + days * DAY_MS).toISOString();

export const toIso = (date: Date): IsoInstant => date.toISOString();
