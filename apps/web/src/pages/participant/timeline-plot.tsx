import { useState } from 'preact/hooks';
import { addDays, daysBetween, formatDate } from '../../format/dates.js';
import { phaseLabel } from '../../format/labels.js';
import type { Geometry } from './journey-geometry.js';

type Span = 'now' | 'day90' | 'all';

const W = 1000;
const LEFT = 118;
const RIGHT = 16;
const PLOT = W - LEFT - RIGHT;
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const short = (date: string): string => SHORT.format(new Date(`${date}T00:00:00Z`));

function rangeOf(g: Geometry, today: string, span: Span): { from: string; to: string } {
  // From the earliest recorded date (entries may be back-dated: a dose entered the day after it was given).
  const from = addDays([today, ...g.phases.map((p) => p.from), ...g.ldDoses.map((d) => d.on), ...g.adverseEvents.map((a) => a.from)].sort()[0]!, -1);
  const lastEvent = [today, ...g.visits.flatMap((v) => (v.done ? [v.done.on] : [])), ...g.adverseEvents.map((a) => a.to ?? a.from)].sort().at(-1)!;
  let to = addDays(lastEvent, 7);
  if (g.infusionDate && span === 'now' && g.dltWindow && g.dltWindow.to > to) to = addDays(g.dltWindow.to, 3);
  if (g.infusionDate && span === 'day90') to = addDays(g.infusionDate, 95);
  if (span === 'all') to = [to, ...g.visits.map((v) => addDays(v.closes, 3))].sort().at(-1)!;
  return { from, to: to > from ? to : addDays(from, 14) };
}

/** Tick spacing in days that leaves room for the labels. */
function tickStep(days: number): number {
  for (const step of [1, 2, 7, 14, 28, 56, 91, 182]) if (days / step <= 14) return step;
  return 365;
}

/**
 * The participant's journey on one time axis (site calendar days): phases as bars, visits as targets inside
 * their windows (filled when done, crossed when missed), lymphodepletion and the infusion, adverse events as
 * bars coloured by grade, CRS and ICANS grades over time, the DLT window shaded and today marked. The event
 * list below is its text equivalent.
 */
export function TimelinePlot({ geometry: g, today, studyDayOf }: { geometry: Geometry; today: string; studyDayOf: (date: string) => number | undefined }) {
  const [span, setSpan] = useState<Span>('now');
  const { from, to } = rangeOf(g, today, span);
  const total = Math.max(1, daysBetween(from, to));
  const x = (date: string): number => LEFT + (Math.min(Math.max(daysBetween(from, date), 0), total) / total) * PLOT;
  const dayWidth = PLOT / total;
  const visible = (a: string, b: string) => b >= from && a <= to;

  const lanes = { phase: 10, treatment: 52, visits: 84, ae: 130 };
  const aeRows = Math.max(1, g.adverseEvents.length);
  const toxTop = lanes.ae + aeRows * 16 + 22;
  const toxHeight = 72;
  const axisY = toxTop + toxHeight + 12;
  const height = axisY + 34;
  const gradeY = (grade: number) => toxTop + toxHeight - (grade / 4) * toxHeight;

  const step = tickStep(total);
  const anchor = g.infusionDate ?? from;
  const ticks: string[] = [];
  const offset = ((daysBetween(anchor, from) % step) + step) % step;
  for (let d = offset === 0 ? 0 : step - offset; d <= total; d += step) ticks.push(addDays(from, d));

  const toxSeries = (kind: 'CRS' | 'ICANS') => g.toxicity.filter((t) => t.kind === kind).sort((a, b) => a.on.localeCompare(b.on));

  return (
    <figure class="timeline-plot" aria-labelledby="plot-title">
      <div class="section-header">
        <figcaption id="plot-title">
          <h2>Journey</h2>
        </figcaption>
        <div class="segmented" role="group" aria-label="Time span">
          {(
            [
              ['now', 'So far'],
              ['day90', 'To day 90'],
              ['all', 'Whole study'],
            ] as const
          ).map(([value, label]) => (
            <button key={value} type="button" aria-pressed={span === value} onClick={() => setSpan(value)} disabled={value !== 'now' && !g.infusionDate}>
              {label}
            </button>
          ))}
        </div>
      </div>
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="plot-svg-title plot-svg-desc" class="plot">
        <title id="plot-svg-title">Journey from {formatDate(from)} to {formatDate(to)}</title>
        <desc id="plot-svg-desc">
          {g.phases.map((p) => `${phaseLabel(p.phase)} from ${p.from}`).join('; ')}
          {g.infusionDate ? `; infusion on ${g.infusionDate}` : ''}
          {g.dltWindow ? `; DLT window ${g.dltWindow.from} to ${g.dltWindow.to}` : ''}
        </desc>

        {/* lane labels */}
        <g class="lane-labels">
          <text x={8} y={lanes.phase + 17}>
            Phase
          </text>
          <text x={8} y={lanes.treatment + 15}>
            Treatment
          </text>
          <text x={8} y={lanes.visits + 20}>
            Visits
          </text>
          <text x={8} y={lanes.ae + 12}>
            Adverse events
          </text>
          <text x={8} y={toxTop + 12}>
            CRS / ICANS
          </text>
          <text x={8} y={toxTop + 26} class="legend-small">
            grade 0–4
          </text>
        </g>

        {/* DLT window */}
        {g.dltWindow && visible(g.dltWindow.from, g.dltWindow.to) ? (
          <g class="dlt-window">
            <rect x={x(g.dltWindow.from)} y={lanes.treatment - 6} width={Math.max(2, x(addDays(g.dltWindow.to, 1)) - x(g.dltWindow.from))} height={axisY - lanes.treatment + 6} />
            <text x={x(g.dltWindow.from) + 4} y={axisY - 4}>
              DLT window
            </text>
          </g>
        ) : null}

        {/* grid + axis */}
        <g class="axis">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={x(t)} x2={x(t)} y1={lanes.phase} y2={axisY} class="grid" />
              <text x={x(t)} y={axisY + 14} text-anchor="middle">
                {short(t)}
              </text>
              {studyDayOf(t) !== undefined ? (
                <text x={x(t)} y={axisY + 28} text-anchor="middle" class="study-day">
                  D{studyDayOf(t)}
                </text>
              ) : null}
            </g>
          ))}
          <line x1={LEFT} x2={W - RIGHT} y1={axisY} y2={axisY} class="baseline" />
        </g>

        {/* phases */}
        <g class="phases">
          {g.phases.map((p) => {
            const end = p.to ?? addDays(today, 1);
            if (!visible(p.from, end)) return null;
            const x0 = x(p.from);
            const width = Math.max(3, x(end) - x0);
            return (
              <g key={`${p.phase}:${p.from}`}>
                <rect x={x0} y={lanes.phase} width={width} height={26} rx={4} class={`phase phase-${p.phase}`}>
                  <title>
                    {phaseLabel(p.phase)}: {p.from} – {p.to ?? 'now'}
                  </title>
                </rect>
                {width > 70 ? (
                  <text x={x0 + 6} y={lanes.phase + 17} class="phase-label">
                    {phaseLabel(p.phase)}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>

        {/* lymphodepletion and infusion */}
        <g class="treatment">
          {g.ldDoses.map((d, i) =>
            visible(d.on, d.on) ? (
              <rect key={i} x={x(d.on) + dayWidth / 2 - 3} y={lanes.treatment + 4 + (i % 2) * 8} width={6} height={7} class="ld-dose">
                <title>
                  {d.label} on {d.on}
                </title>
              </rect>
            ) : null,
          )}
          {g.infusionDate && visible(g.infusionDate, g.infusionDate) ? (
            <g class="infusion">
              <path d={star(x(g.infusionDate) + dayWidth / 2, lanes.treatment + 11, 9)}>
                <title>CAR-T infusion on {g.infusionDate} (day 0)</title>
              </path>
              <text x={x(g.infusionDate) + dayWidth / 2 + 12} y={lanes.treatment + 15}>
                Infusion
              </text>
            </g>
          ) : null}
        </g>

        {/* visits */}
        <g class="visits">
          {g.visits.length === 0 ? (
            <text x={LEFT + 6} y={lanes.visits + 20} class="muted-text">
              Visits are scheduled from the infusion date.
            </text>
          ) : null}
          {g.visits.map((v, i) => {
            if (!visible(v.opens, v.closes)) return null;
            const cx = x(v.target) + dayWidth / 2;
            const cy = lanes.visits + 14 + (i % 2) * 12;
            const status = v.done ? (v.done.inWindow ? 'done' : 'late') : v.missed ? 'missed' : v.closes < today ? 'overdue' : 'planned';
            return (
              <g key={v.visitId} class={`visit visit-${status}`}>
                <rect x={x(v.opens)} y={cy - 5} width={Math.max(3, x(addDays(v.closes, 1)) - x(v.opens))} height={10} rx={5} class="visit-window" />
                <path d={diamond(cx, cy, 6)} class="visit-target">
                  <title>
                    {v.label}: target {v.target}, window {v.opens} – {v.closes}
                    {v.done ? `; done ${v.done.on}${v.done.inWindow ? '' : ' (out of window)'}` : v.missed ? '; missed' : ''}
                  </title>
                </path>
                {v.done ? <circle cx={x(v.done.on) + dayWidth / 2} cy={cy} r={4} class="visit-done" /> : null}
                {dayWidth * 3 > 22 || i % 3 === 0 ? (
                  <text x={cx} y={cy - 8} text-anchor="middle" class="visit-label">
                    {v.visitId}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>

        {/* adverse events */}
        <g class="aes">
          {g.adverseEvents.length === 0 ? (
            <text x={LEFT + 6} y={lanes.ae + 12} class="muted-text">
              No adverse event reported.
            </text>
          ) : null}
          {g.adverseEvents.map((ae, i) => {
            const end = ae.to ?? today;
            if (!visible(ae.from, end)) return null;
            const y = lanes.ae + i * 16;
            return (
              <g key={ae.aeId}>
                <rect x={x(ae.from)} y={y} width={Math.max(4, x(addDays(end, 1)) - x(ae.from))} height={11} rx={2} class={`ae ae-grade-${Math.min(ae.grade, 5)}${ae.serious ? ' ae-serious' : ''}`}>
                  <title>
                    {ae.term}, grade {ae.grade}
                    {ae.serious ? ', serious' : ''}: {ae.from} – {ae.to ?? 'ongoing'}
                  </title>
                </rect>
                <text x={x(addDays(end, 1)) + 4} y={y + 9} class="ae-label">
                  {ae.term} G{ae.grade}
                </text>
              </g>
            );
          })}
        </g>

        {/* CRS / ICANS grades */}
        <g class="toxicity">
          {[0, 1, 2, 3, 4].map((grade) => (
            <g key={grade}>
              <line x1={LEFT} x2={W - RIGHT} y1={gradeY(grade)} y2={gradeY(grade)} class="grade-line" />
              <text x={LEFT - 6} y={gradeY(grade) + 3} text-anchor="end" class="grade-label">
                {grade}
              </text>
            </g>
          ))}
          {(['CRS', 'ICANS'] as const).map((kind) => {
            const series = toxSeries(kind).filter((t) => visible(t.on, t.on));
            return (
              <g key={kind} class={`tox tox-${kind}`}>
                {series.length > 1 ? <polyline points={series.map((t) => `${x(t.on) + dayWidth / 2},${gradeY(t.grade)}`).join(' ')} /> : null}
                {series.map((t, i) => (
                  <circle key={i} cx={x(t.on) + dayWidth / 2} cy={gradeY(t.grade)} r={4}>
                    <title>
                      {kind} grade {t.grade} on {t.on}
                    </title>
                  </circle>
                ))}
              </g>
            );
          })}
          {g.toxicity.length === 0 ? (
            <text x={LEFT + 6} y={toxTop + toxHeight / 2} class="muted-text">
              No CRS or ICANS assessment yet.
            </text>
          ) : null}
        </g>

        {/* today */}
        {visible(today, today) ? (
          <g class="today">
            <line x1={x(today) + dayWidth / 2} x2={x(today) + dayWidth / 2} y1={lanes.phase - 4} y2={axisY} />
            <text x={x(today) + dayWidth / 2 + 3} y={lanes.phase - 0} class="today-label">
              today
            </text>
          </g>
        ) : null}
      </svg>
      <ul class="legend" aria-label="Legend">
        <li>
          <span class="swatch swatch-window" /> visit window, ◆ target, ● done
        </li>
        <li>
          <span class="swatch swatch-dlt" /> DLT window
        </li>
        <li>
          <span class="swatch swatch-crs" /> CRS <span class="swatch swatch-icans" /> ICANS grade
        </li>
        <li>
          <span class="swatch swatch-ae" /> AE (darker = higher grade)
        </li>
      </ul>
    </figure>
  );
}

const diamond = (cx: number, cy: number, r: number): string => `M${cx},${cy - r} L${cx + r},${cy} L${cx},${cy + r} L${cx - r},${cy} Z`;

function star(cx: number, cy: number, r: number): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = (Math.PI / 5) * i - Math.PI / 2;
    points.push(`${(cx + radius * Math.cos(angle)).toFixed(1)},${(cy + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return `M${points.join(' L')} Z`;
}
