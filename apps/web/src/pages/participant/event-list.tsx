import { useState } from 'preact/hooks';
import type { TimelineEntry } from '../../api/types.js';
import { formatInstant } from '../../format/dates.js';
import { eventLabel } from '../../format/labels.js';

const HIDDEN_KEYS = new Set(['entryId', 'participantId', 'calculations', 'episode', 'signers']);
const NOISY = new Set(['ReminderDue', 'ReminderDelivered', 'ReminderDeliveryFailed']);

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.length > 3 ? `${value.length} items` : value.map(show).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('value' in o && 'unit' in o) return `${String(o.value)} ${String(o.unit)}`;
    if ('drug' in o && 'doseMg' in o) return `D${String(o.day)} ${String(o.drug)} ${String(o.doseMg)} mg`;
    return Object.entries(o)
      .slice(0, 4)
      .map(([k, v]) => `${k} ${show(v)}`)
      .join(', ');
  }
  return String(value);
}

/** The facts an event records, in a line (the full record is in the auditor's view and the exports). */
export function eventSummary(entry: TimelineEntry): string {
  const d = entry.data;
  switch (entry.type) {
    case 'ScreeningObservationRecorded':
      return `${String(d.code)} = ${show(d.value)}${d.unit ? ` ${String(d.unit)}` : ''} (observed ${String(d.observedOn)}, ${String(d.source ?? '')})`;
    case 'EligibilityAttested':
      return `${String(d.criterionCode)}: ${d.attested ? 'met' : 'not met'}`;
    case 'EligibilityEvaluated':
      return d.eligible ? 'Eligible' : 'Not eligible';
    case 'EligibilitySigned': {
      const signature = (d.signature ?? {}) as { signer?: { id?: string; name?: string }; meaning?: string; recordHash?: string };
      return `“${signature.meaning ?? ''}” signed by ${signature.signer?.name ?? signature.signer?.id ?? '?'} (record ${signature.recordHash?.slice(0, 12) ?? '?'}…)`;
    }
    case 'InfusionCompleted':
      return `${show(d.carPositiveCellsInfused)} CAR+ cells (${show(d.percentOfTarget)}% of target), ${show(d.weightKg)} kg; infusion date ${show(d.infusionDate)}`;
    case 'LymphodepletionDosesCalculated':
      return show(d.doses);
    default:
      return Object.entries(d)
        .filter(([k]) => !HIDDEN_KEYS.has(k))
        .slice(0, 5)
        .map(([k, v]) => `${k}: ${show(v)}`)
        .join(' · ');
  }
}

export function EventList({ entries, timeZone }: { entries: readonly TimelineEntry[]; timeZone: string }) {
  const [all, setAll] = useState(false);
  const shown = [...entries].reverse().filter((e) => all || !NOISY.has(e.type));
  return (
    <section class="card section" aria-labelledby="events-title">
      <div class="section-header">
        <h2 id="events-title">
          Events <span class="count">{entries.length}</span>
        </h2>
        <label class="inline-check">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.currentTarget.checked)} /> Show reminders
        </label>
      </div>
      <table class="table events" data-testid="event-list">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">When (site time)</th>
            <th scope="col">Event</th>
            <th scope="col">Details</th>
            <th scope="col">By</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.eventId} class={e.voidedBy !== null ? 'voided' : undefined}>
              <td class="muted">{e.streamPosition}</td>
              <td>
                {formatInstant(e.occurredAt, timeZone)}
                {Math.abs(Date.parse(e.recordedAt) - Date.parse(e.occurredAt)) > 60_000 ? <div class="muted small">recorded {formatInstant(e.recordedAt, timeZone)}</div> : null}
              </td>
              <td>
                {eventLabel(e.type)}
                {e.correctedBy.length > 0 ? <span class="muted small"> (corrected)</span> : null}
                {e.voidedBy !== null ? <span class="muted small"> (voided)</span> : null}
              </td>
              <td class="small">
                {eventSummary(e)}
                {e.why ? <div class="muted">Reason: {e.why}</div> : null}
              </td>
              <td class="small">
                {e.who ? `${e.who.actorId} (${e.who.role})` : 'system'}
                {e.importedBy ? <div class="muted">imported by {e.importedBy.name ?? e.importedBy.actorId}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
