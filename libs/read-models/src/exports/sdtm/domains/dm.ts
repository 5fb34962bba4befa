import type { SdtmRow, SdtmSubject } from '../sdtm-subject.js';
import { exRows } from './ex.js';

export const DM_VARIABLES = [
  'STUDYID', 'DOMAIN', 'USUBJID', 'SUBJID', 'RFSTDTC', 'RFENDTC', 'RFXSTDTC', 'RFXENDTC', 'RFICDTC', 'RFPENDTC', 'DTHDTC', 'DTHFL',
  'SITEID', 'AGE', 'AGEU', 'SEX', 'RACE', 'ETHNIC', 'ARMCD', 'ARM', 'ACTARMCD', 'ACTARM', 'ARMNRS', 'ACTARMUD', 'COUNTRY', 'DMDTC', 'DMDY',
] as const;

const END_DATE_OF: Readonly<Record<string, (data: Record<string, unknown>) => unknown>> = {
  LostToFollowUp: (d) => d.lastContactOn,
  Died: (d) => d.diedOn,
  StudyCompleted: (d) => d.completedOn,
};

/**
 * Demographics: one row per participant. The arm is the cohort and the dose level assigned at enrolment; it is
 * the actual arm once the infusion is given. Race, ethnicity and country are not collected (no personal data
 * beyond age and sex; sites carry no country), so those cells are empty (README.md, "approximate").
 */
export function dmRow(subject: SdtmSubject): SdtmRow {
  const { facts } = subject;
  const events = facts.events;
  const lastOf = (type: string) => events.filter((e) => e.event.type === type).at(-1);
  const data = (type: string) => (lastOf(type)?.event.data ?? {}) as Record<string, unknown>;
  const consent = lastOf('ConsentSigned') ? String(data('ConsentSigned').signedOn ?? '') : null;
  const enrolled = lastOf('Enrolled');
  const doseLevelId = enrolled ? String(data('Enrolled').doseLevelId ?? '') : undefined;
  const doseLevel = facts.protocol?.doseLevels.find((d) => d.id === doseLevelId);
  const armcd = doseLevelId ? `${facts.cohortId}-${doseLevelId}` : null;
  const arm = doseLevelId ? `${facts.cohort?.label ?? facts.cohortId}, ${doseLevel?.label ?? doseLevelId}` : null;
  const screenFailed = lastOf('ScreenFailed') !== undefined && !enrolled;
  const treated = subject.infusion !== undefined;

  const ending = events.filter((e) => ['Withdrawn', 'LostToFollowUp', 'Died', 'StudyCompleted'].includes(e.event.type)).at(-1);
  const endDate = ending ? String(END_DATE_OF[ending.event.type]?.(ending.event.data as unknown as Record<string, unknown>) ?? subject.localDate(ending.event.occurredAt)) : null;
  const lastEventDate = events.length > 0 ? subject.localDate(events.at(-1)!.event.occurredAt) : null;
  const died = lastOf('Died');
  const exposure = exRows(subject);
  const starts = exposure.map((r) => r.EXSTDTC).filter((v): v is string => typeof v === 'string').sort();
  const ends = exposure.map((r) => r.EXENDTC).filter((v): v is string => typeof v === 'string').sort();
  const registeredOn = events[0] ? subject.localDate(events[0].event.occurredAt) : null;

  return {
    ...subject.keys('DM'),
    SUBJID: facts.participantCode,
    RFSTDTC: subject.referenceStart ?? null,
    // Reference dates exist only for a treated participant (SDTMIG: null for screen failures and the untreated).
    RFENDTC: subject.referenceStart ? endDate : null,
    RFXSTDTC: starts[0] ?? null,
    RFXENDTC: ends.at(-1) ?? null,
    RFICDTC: consent,
    RFPENDTC: endDate ?? lastEventDate,
    DTHDTC: died ? String(data('Died').diedOn ?? '') : null,
    DTHFL: died ? 'Y' : null,
    SITEID: facts.siteId,
    AGE: facts.ageYears ?? null,
    AGEU: facts.ageYears === undefined ? null : 'YEARS',
    SEX: facts.sex ?? 'U',
    RACE: null,
    ETHNIC: null,
    ARMCD: armcd,
    ARM: arm,
    ACTARMCD: treated ? armcd : null,
    ACTARM: treated ? arm : null,
    ARMNRS: armcd ? (treated ? null : 'ASSIGNED, NOT TREATED') : screenFailed ? 'SCREEN FAILURE' : 'NOT ASSIGNED',
    ACTARMUD: null,
    COUNTRY: null,
    DMDTC: registeredOn,
    DMDY: subject.studyDay(registeredOn),
  };
}
