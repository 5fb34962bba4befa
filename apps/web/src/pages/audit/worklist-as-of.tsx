import type { ComponentChildren } from 'preact';
import type { WorklistAsOf, WorklistItem } from '../../api/types.js';
import { formatDate, formatInstant } from '../../format/dates.js';
import { kindLabel } from '../../format/labels.js';
import { Badge } from '../../ui/feedback.js';
import { dueIn, worklistCategories } from '../worklist-categories.js';

/**
 * The participant's part of the coordinator's worklist as it stood at the as-of instant: the same sections
 * as the live worklist, judged by the API with the live worklist's rules at that instant (the site's day then).
 */
export function WorklistAsOfView({ worklist, timeZone }: { worklist: WorklistAsOf; timeZone: string }) {
  const { overdue, dueToday, closingSoon, later } = worklistCategories(worklist.items);
  return (
    <div data-testid="worklist-as-of">
      <h3>Worklist as it was</h3>
      <p class="muted small">{worklist.today ? `The site's day then: ${formatDate(worklist.today)}` : 'Not registered yet: no worklist.'}</p>
      <Part id="overdue" title="Overdue" count={overdue.length}>
        <Items items={overdue} timeZone={timeZone} />
      </Part>
      <Part id="due-today" title="Due today" count={dueToday.length}>
        <Items items={dueToday} timeZone={timeZone} />
      </Part>
      <Part id="closing-soon" title="Windows closing soon" count={closingSoon.length}>
        <Items items={closingSoon} timeZone={timeZone} />
      </Part>
      <Part id="deviations" title="Open deviation candidates" count={worklist.deviationCandidates.length}>
        {worklist.deviationCandidates.map((d) => (
          <li key={d.deviationId}>
            {d.rule} {d.important ? <Badge tone="danger">important</Badge> : null} <span class="muted small">{d.description}</span>
          </li>
        ))}
      </Part>
      <Part id="signatures" title="Pending investigator signatures" count={worklist.pendingSignatures.length}>
        {worklist.pendingSignatures.map((s) => (
          <li key={`${s.kind}:${s.subjectId}`}>
            {s.what}
            {s.sinceInstant || s.sinceDate ? <span class="muted small"> since {s.sinceInstant ? formatInstant(s.sinceInstant, timeZone) : formatDate(s.sinceDate)}</span> : null}
          </li>
        ))}
      </Part>
      <Part id="coming-up" title="Coming up (next 14 days)" count={later.length}>
        <Items items={later} timeZone={timeZone} />
      </Part>
    </div>
  );
}

function Part({ id, title, count, children }: { id: string; title: string; count: number; children: ComponentChildren }) {
  return (
    <section class="as-of-part" data-testid={`as-of-${id}`} aria-label={`${title} as of then`}>
      <h4>
        {title} <span class="count">{count}</span>
      </h4>
      {count === 0 ? <p class="empty small">None.</p> : <ul class="plain-list">{children}</ul>}
    </section>
  );
}

function Items({ items, timeZone }: { items: readonly WorklistItem[]; timeZone: string }) {
  return (
    <>
      {items.map((item) => (
        <li key={item.itemId} data-kind={item.kind}>
          <span class="kind">{kindLabel(item.kind)}</span> {item.label} — {formatDate(item.dueOn)} <span class="muted small">{dueIn(item)}, late after {formatInstant(item.dueAt, timeZone)}</span>
        </li>
      ))}
    </>
  );
}
