import { isTimeZone, localDate, studyDay, type DayNumbering } from './study-day.js';

const ms = (iso: string) => Date.parse(iso);

// Day conventions: clinical-domain 0.2 (D0 = infusion day [src]; "infusion day = Day 1" in some IITs [?]).
describe('study day numbering', () => {
  const infusion = ms('2025-03-10T14:00:00+08:00');
  it.each<[string, string, DayNumbering, number]>([
    ['infusion day itself', '2025-03-10T20:00:00+08:00', 'infusion-day-0', 0],
    ['infusion day itself', '2025-03-10T20:00:00+08:00', 'infusion-day-1', 1],
    ['01:30 local the next night (still 10 March in UTC)', '2025-03-10T17:30:00Z', 'infusion-day-0', 1],
    ['day 28', '2025-04-07T09:00:00+08:00', 'infusion-day-0', 28],
    ['day 28 under Day-1 numbering is Day 29', '2025-04-07T09:00:00+08:00', 'infusion-day-1', 29],
    ['the day before infusion', '2025-03-09T09:00:00+08:00', 'infusion-day-0', -1],
    ['the day before infusion has no day 0 under Day-1 numbering [?]', '2025-03-09T09:00:00+08:00', 'infusion-day-1', -1],
    ['LD day D-5', '2025-03-05T09:00:00+08:00', 'infusion-day-0', -5],
  ])('%s (%s, %s) -> %p', (_title, event, numbering, expected) => {
    expect(studyDay(ms(event), infusion, 'Asia/Shanghai', numbering)).toBe(expected);
  });

  it('counts calendar days across a daylight-saving change (Europe/Berlin, 30 March 2025)', () => {
    // 28 Mar 10:00 CET -> 31 Mar 09:00 CEST is 71 hours but three calendar days
    expect(studyDay(ms('2025-03-31T09:00:00+02:00'), ms('2025-03-28T10:00:00+01:00'), 'Europe/Berlin', 'infusion-day-0')).toBe(3);
  });

  it('gives the local calendar date and recognises IANA zones', () => {
    expect(localDate(ms('2025-03-10T17:30:00Z'), 'Asia/Shanghai')).toBe('2025-03-11');
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
