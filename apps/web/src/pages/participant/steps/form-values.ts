import { fromLocalInput } from '../../../format/dates.js';

/** A site-clock date-time input's value for the API (the text as typed when it is not one: the API names it). */
export const instantOf = (value: string, timeZone: string): string => fromLocalInput(value, timeZone) ?? value;

/** The API's enumerations, offered as typed (the API names the field when one is refused). */
export const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

/** A list typed as text: codes separated by commas or spaces. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,\s]+/)
    .map((t) => t.trim())
    .filter(Boolean);
