import { formatSiteDate, formatSiteInstant, rfc5322Date } from './site-time.js';

describe('site time rendering', () => {
  it('shows an instant on the site\'s clock, with its offset', () => {
    expect(formatSiteInstant('2026-06-02T00:00:00.000Z', 'Asia/Shanghai')).toBe('Tuesday, 2 June 2026, 08:00 Asia/Shanghai time (UTC+08:00)');
    expect(formatSiteInstant('2026-06-01T23:30:00.000Z', 'Asia/Kolkata')).toBe('Tuesday, 2 June 2026, 05:00 Asia/Kolkata time (UTC+05:30)');
  });

  it('follows daylight saving of the site\'s zone', () => {
    expect(rfc5322Date('2026-01-15T16:00:00.000Z', 'America/Los_Angeles')).toBe('Thu, 15 Jan 2026 08:00:00 -0800');
    expect(rfc5322Date('2026-07-15T15:00:00.000Z', 'America/Los_Angeles')).toBe('Wed, 15 Jul 2026 08:00:00 -0700');
  });

  it('falls back to UTC, and says so, for a zone this runtime does not know', () => {
    expect(formatSiteInstant('2026-06-02T00:00:00.000Z', 'Mars/Olympus_Mons')).toBe('Tuesday, 2 June 2026, 00:00 UTC time (UTC+00:00)');
  });

  it('renders a site date as that date (no zone conversion can move it)', () => {
    expect(formatSiteDate('2026-06-09')).toBe('Tuesday, 9 June 2026');
    expect(formatSiteDate('2028-02-29')).toBe('Tuesday, 29 February 2028');
  });
});
