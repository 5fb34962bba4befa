import type { EfficacySummaryLine } from '../../api/types.js';
import { definitionNotes, formatChange, formatRate } from './efficacy-format.js';

/**
 * "How many respond?": per cohort, instrument and visit, the participants assessed and their responses under
 * the instrument's published definition. Per visit rather than each participant's latest: participants are at
 * different points of follow-up, and a rate that pools month 1 with month 12 answers no protocol question.
 */
export function EfficacySummarySection({ lines }: { lines: readonly EfficacySummaryLine[] }) {
  const notes = definitionNotes(lines);
  return (
    <section class="card section" aria-labelledby="efficacy-title">
      <h2 id="efficacy-title">Efficacy</h2>
      {lines.length === 0 ? (
        <p class="empty">No response assessed yet.</p>
      ) : (
        <>
          <table class="table" data-testid="efficacy-summary">
            <thead>
              <tr>
                <th scope="col">Cohort</th>
                <th scope="col">Instrument</th>
                <th scope="col">Visit</th>
                <th scope="col">Assessed</th>
                <th scope="col">Responders</th>
                <th scope="col">Non-responders</th>
                <th scope="col">Not evaluable</th>
                <th scope="col">Response rate (95 % CI)*</th>
                <th scope="col">Median change from baseline</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={`${l.cohortId}-${l.instrument}-${l.timepoint}-${l.responseAlgorithm}`} data-cohort={l.cohortId} data-instrument={l.instrument} data-timepoint={l.timepoint}>
                  <th scope="row">{l.cohortId}</th>
                  <td>{l.instrument}</td>
                  <td>{l.timepointLabel}</td>
                  <td data-count="assessed">{l.assessed}</td>
                  <td data-count="responders">{l.responders}</td>
                  <td data-count="non-responders">{l.nonResponders}</td>
                  <td data-count="not-evaluable">{l.notEvaluable}</td>
                  <td>{formatRate(l)}</td>
                  <td>{formatChange(l.medianChangeFromBaseline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="muted" data-testid="efficacy-definitions">
            <p>* Responders / assessed at that visit (not evaluable counts as not responding); 95 % Wilson score interval. Your sites only. Response as defined:</p>
            <ul>
              {notes.map((n) => (
                <li key={`${n.instrument}-${n.algorithm}`}>
                  {n.instrument}: {n.definition} (<code>{n.algorithm}</code>)
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}
