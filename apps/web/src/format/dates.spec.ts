import { describe, expect, it } from '@jest/globals';
import { addDays, daysBetween, formatCountdown, formatDate, formatInstant, fromLocalInput, siteToday, toLocalInput } from './dates.js';

describe('dates on the site clock', () => {
  it('reads a site-clock entry as the instant it stands for (Asia/Shanghai, UTC+8: the previous UTC day)', () => {
    expect(fromLocalInput('2026-11-22T07:30', 'Asia/Shanghai')).toBe('2026-11-21T23:30:00.000Z');
    expect(toLocalInput('2026-11-21T23:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-22T07:30');
  });

  it('takes the offset in force at the instant, on both sides of a daylight-saving change', () => {
    // Europe/Berlin: UTC+1 until 29 March 2026 02:00, UTC+2 after.
    expect(fromLocalInput('2026-03-28T12:00', 'Europe/Berlin')).toBe('2026-03-28T11:00:00.000Z');
    expect(fromLocalInput('2026-03-30T12:00', 'Europe/Berlin')).toBe('2026-03-30T10:00:00.000Z');
  });

  it('refuses what is not a date-time (the form then sends it as typed, and the API names the field)', () => {
    expect(fromLocalInput('22/11/2026 07:30', 'Asia/Shanghai')).toBeUndefined();
    expect(fromLocalInput('', 'Asia/Shanghai')).toBeUndefined();
  });

  it("gives today's date at the site, which may already be tomorrow in UTC", () => {
    expect(siteToday('Asia/Shanghai', Date.parse('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
    expect(siteToday('UTC', Date.parse('2026-11-21T23:30:00Z'))).toBe('2026-11-21');
  });

  it('shows calendar dates as they are and instants in the site zone, labelled', () => {
    expect(formatDate('2026-11-22')).toBe('Sun, 22 Nov 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatInstant('2026-11-21T23:30:00Z', 'Asia/Shanghai')).toMatch(/22 Nov 2026, 07:30 (GMT\+8|CST)/);
  });

  it('counts calendar days and counts down durations', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(daysBetween('2026-11-22', '2026-12-20')).toBe(28);
    expect(formatCountdown(29 * 60_000 + 5_000)).toBe('29:05');
    expect(formatCountdown(-61_000)).toBe('−01:01');
    expect(formatCountdown(3_600_000 + 2_000)).toBe('1:00:02');
  });
});
