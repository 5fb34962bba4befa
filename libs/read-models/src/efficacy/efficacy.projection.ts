import { baselineCodeOf, studyDayOf, type IsoDate } from '@trialflow/domain';
import { instrumentsAt, journeyContext } from '../participant-view/journey-facts.js';
import { participantProjection } from '../participant-view/participant-projection.js';
import type { ParticipantView } from '../participant-view/participant-view.js';
import { EfficacyResultRow } from './efficacy-result.entity.js';

/** Baseline and per-visit rows for every instrument the protocol schedules for the participant's cohort. */
export function efficacyRows(view: ParticipantView): EfficacyResultRow[] {
  const s = view.state;
  const context = journeyContext(view);
  if (!context || !s.participantCode) return [];
  const { protocol, cohort } = context;
  const infusionDate = s.infusion?.infusionDate;
  const studyDay = (on: IsoDate | null) => (on && infusionDate ? studyDayOf(infusionDate, on, protocol.dayNumbering) : null);
  const base = {
    participantId: view.participantId,
    participantCode: s.participantCode,
    trialId: protocol.trialId,
    cohortId: cohort.id,
    siteId: context.site.id,
    lastStreamVersion: view.version,
    updatedAt: new Date(view.lastRecordedAt),
  };
  const blank = { valueNumber: null, valueText: null, unit: null, source: null };
  const noScore = { entryId: null, changeFromBaseline: null, percentChangeFromBaseline: null, response: null, responseDefinition: null, responseAlgorithm: null };
  const scheduled = [...new Set(protocol.visits.flatMap((v) => instrumentsAt(v, cohort.id)))];

  const baseline = scheduled.flatMap((instrument): EfficacyResultRow[] => {
    const observation = s.screening.observations.filter((o) => o.value.code === baselineCodeOf(instrument)).sort((a, b) => a.value.observedOn.localeCompare(b.value.observedOn)).at(-1);
    if (!observation) return [];
    const { value, unit, observedOn, source } = observation.value;
    return [{
      ...base,
      timepoint: 'BASELINE',
      instrument,
      timepointLabel: 'Baseline (screening)',
      nominalDay: null,
      studyDay: studyDay(observedOn),
      assessedOn: observedOn,
      status: 'RECORDED',
      valueNumber: typeof value === 'number' ? value : null,
      valueText: typeof value === 'number' ? null : String(value),
      unit: unit ?? null,
      source,
      ...noScore,
      inWindow: null,
    }];
  });

  const visits = protocol.visits.flatMap((visit): EfficacyResultRow[] => {
    const done = s.visits.find((v) => v.value.visitId === visit.id);
    const missed = !done && s.missedVisits.includes(visit.id);
    if (!done && !missed) return [];
    const assessments = done ? assessmentsOf(view, done.entryId) : [];
    const instruments = [...new Set([...instrumentsAt(visit, cohort.id), ...assessments])];
    return instruments.map((instrument): EfficacyResultRow => {
      const row = {
        ...base,
        ...blank,
        ...noScore,
        timepoint: visit.id,
        instrument,
        timepointLabel: visit.label,
        nominalDay: visit.nominalDay,
        studyDay: studyDay(done?.value.actualDate ?? null),
        assessedOn: done?.value.actualDate ?? null,
        status: missed ? 'MISSED' : assessments.includes(instrument) ? 'DONE' : 'NOT_DONE',
        inWindow: done ? done.value.inWindow : null,
      };
      const scored = done ? s.efficacyAssessments.find((a) => a.value.visitId === visit.id && a.value.instrument === instrument) : undefined;
      if (!scored) return row;
      const { value, unit, assessedOn, change, response } = scored.value;
      return {
        ...row,
        status: 'RECORDED',
        studyDay: studyDay(assessedOn),
        assessedOn,
        valueNumber: value,
        unit,
        entryId: scored.entryId,
        changeFromBaseline: change?.absolute ?? null,
        percentChangeFromBaseline: change?.percent ?? null,
        response: response?.outcome ?? null,
        responseDefinition: response?.definition ?? null,
        responseAlgorithm: response?.algorithm ?? null,
      };
    });
  });
  return [...baseline, ...visits];
}

/** The domain state keeps a visit's date and window, not its assessments: those come from the view. */
const assessmentsOf = (view: ParticipantView, entryId: string): readonly string[] => view.visitAssessments[entryId] ?? [];

export const efficacyProjection = participantProjection('efficacy', [{ table: 'rm_efficacy_results', entity: EfficacyResultRow, rowsOf: efficacyRows }]);
