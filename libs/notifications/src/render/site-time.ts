/**
 * Dates and times as the site reads them. Names are fixed English (not the runtime's locale data), so the
 * rendered text does not change with the ICU build; only the zone rules come from Intl.
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

interface ZonedTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Minutes east of UTC at that instant in that zone (daylight saving included). */
  readonly offsetMinutes: number;
  /** The zone actually used: the site's, or UTC when this runtime does not know the site's zone. */
  readonly zone: string;
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

export function zonedTime(instant: string, timeZone: string): ZonedTime {
  const zone = isKnownTimeZone(timeZone) ? timeZone : 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23', timeZoneName: 'longOffset',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '0';
  const offset = /^GMT([+-])(\d{2}):(\d{2})$/.exec(part('timeZoneName'));
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
  return { year: Number(part('year')), month: Number(part('month')), day: Number(part('day')), hour: Number(part('hour')), minute: Number(part('minute')), second: Number(part('second')), offsetMinutes, zone };
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');
const utcOffset = (minutes: number, separator: string): string => `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}${separator}${pad(Math.abs(minutes) % 60)}`;
const weekdayOf = (year: number, month: number, day: number): string => WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';

/**
 * "Tuesday, 2 June 2026". The due date is already the site's calendar date, so it is rendered as is: converting
 * it through any zone (a `new Date('2026-06-02')` shown in America/Los_Angeles) would move it a day.
 */
export function formatSiteDate(date: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  return `${weekdayOf(year, month, day)}, ${day} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** "Tuesday, 2 June 2026, 08:00 Asia/Shanghai time (UTC+08:00)": an instant as the site's clock shows it. */
export function formatSiteInstant(instant: string, timeZone: string): string {
  const t = zonedTime(instant, timeZone);
  const date = formatSiteDate(`${t.year}-${pad(t.month)}-${pad(t.day)}`);
  return `${date}, ${pad(t.hour)}:${pad(t.minute)} ${t.zone} time (UTC${utcOffset(t.offsetMinutes, ':')})`;
}

/** RFC 5322 §3.3 date-time in the site's own offset, e.g. "Tue, 02 Jun 2026 08:00:00 +0800". */
export function rfc5322Date(instant: string, timeZone: string): string {
  const t = zonedTime(instant, timeZone);
  const weekday = weekdayOf(t.year, t.month, t.day).slice(0, 3);
  const month = (MONTHS[t.month - 1] ?? '').slice(0, 3);
  return `${weekday}, ${pad(t.day)} ${month} ${t.year} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)} ${utcOffset(t.offsetMinutes, '')}`;
}
