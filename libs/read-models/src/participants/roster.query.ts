import { studyDayOf, type IsoDate } from '@trialflow/domain';
import type { EntityManager } from 'typeorm';
import { ParticipantRow } from './participant.entity.js';

/** Study day on a date, under the participant's protocol convention; null before the infusion date is known. */
export function studyDayOn(row: Pick<ParticipantRow, 'infusionDate' | 'dayNumbering'>, date: IsoDate): number | null {
  if (!row.infusionDate || (row.dayNumbering !== 'infusion-day-0' && row.dayNumbering !== 'infusion-day-1')) return null;
  return studyDayOf(row.infusionDate, date, row.dayNumbering);
}

/** The site-local calendar date of an instant for a participant's site. */
export const siteDateOf = (row: Pick<ParticipantRow, 'siteUtcOffsetMinutes'>, now: Date): IsoDate =>
  new Date(now.getTime() + (row.siteUtcOffsetMinutes ?? 0) * 60_000).toISOString().slice(0, 10);

export interface RosterQuery {
  readonly trialId: string;
  readonly cohortId?: string;
  readonly siteId?: string;
  readonly now: Date;
}

export interface RosterEntry {
  readonly row: ParticipantRow;
  /** Study day today at the participant's site. */
  readonly studyDay: number | null;
}

/** The participants roster of a trial (optionally a cohort or a site), by participant code, with today's study day. */
export async function participantRoster(db: EntityManager, query: RosterQuery): Promise<RosterEntry[]> {
  const rows = await db.getRepository(ParticipantRow).find({
    where: { trialId: query.trialId, ...(query.cohortId ? { cohortId: query.cohortId } : {}), ...(query.siteId ? { siteId: query.siteId } : {}) },
    order: { participantCode: 'ASC' },
  });
  return rows.map((row) => ({ row, studyDay: studyDayOn(row, siteDateOf(row, query.now)) }));
}
