import type { RecordedEvent } from '../../export-subject.js';
import type { SdtmRow, SdtmSubject } from '../sdtm-subject.js';

export const DS_VARIABLES = ['STUDYID', 'DOMAIN', 'USUBJID', 'DSSEQ', 'DSSPID', 'DSTERM', 'DSDECOD', 'DSCAT', 'EPOCH', 'DSDTC', 'DSSTDTC', 'DSSTDY'] as const;

interface Disposition {
  readonly term: string;
  readonly decod: string;
  readonly category: 'PROTOCOL MILESTONE' | 'DISPOSITION EVENT';
  /** The date the event happened at the site, when the event records one. */
  readonly date?: unknown;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/** Informed consent (a milestone) and how participation ended or stopped (disposition events). */
function dispositionOf({ event }: RecordedEvent): Disposition | undefined {
  switch (event.type) {
    case 'ConsentSigned':
      return { term: 'INFORMED CONSENT OBTAINED', decod: 'INFORMED CONSENT OBTAINED', category: 'PROTOCOL MILESTONE', date: event.data.signedOn };
    case 'ScreenFailed':
      return { term: event.data.reason, decod: 'SCREEN FAILURE', category: 'DISPOSITION EVENT' };
    case 'Withdrawn':
      return { term: event.data.reason, decod: 'WITHDRAWAL BY SUBJECT', category: 'DISPOSITION EVENT', ...(event.data.withdrawnOn === undefined ? {} : { date: event.data.withdrawnOn }) };
    case 'LostToFollowUp':
      return { term: 'LOST TO FOLLOW-UP', decod: 'LOST TO FOLLOW-UP', category: 'DISPOSITION EVENT', date: event.data.lastContactOn };
    case 'Died':
      return { term: event.data.cause, decod: 'DEATH', category: 'DISPOSITION EVENT', date: event.data.diedOn };
    case 'StudyCompleted':
      return { term: 'COMPLETED', decod: 'COMPLETED', category: 'DISPOSITION EVENT', date: event.data.completedOn };
    default:
      return undefined;
  }
}

export function dsRows(subject: SdtmSubject): SdtmRow[] {
  return subject.facts.events.flatMap((recorded): SdtmRow[] => {
    const disposition = dispositionOf(recorded);
    if (!disposition) return [];
    const collected = subject.localDate(recorded.event.occurredAt);
    const start = str(disposition.date) ?? collected;
    return [
      {
        ...subject.keys('DS'),
        DSSPID: recorded.stored.eventId,
        DSTERM: disposition.term,
        DSDECOD: disposition.decod,
        DSCAT: disposition.category,
        EPOCH: subject.epoch(start),
        DSDTC: collected,
        DSSTDTC: start,
        DSSTDY: subject.studyDay(start),
      },
    ];
  });
}
