import type { Lane } from './swimmer-lanes.js';

const W = 1000;
const LEFT = 130;
const RIGHT = 16;
const PLOT = W - LEFT - RIGHT;
const LANE = 32;
const TOP = 24;
const STACK = 10;

/** Markers on the same day side by side rather than on top of each other (CRS grades 1 and 4 the same day). */
const sameDayBefore = (items: readonly { readonly day: number }[], index: number): number => items.slice(0, index).filter((o) => o.day === items[index]!.day).length;

/**
 * The trial's participants as swimmer lanes on one study-day axis (infusion at day 0): the lane runs from
 * registration to today or the end of study, the DLT window is shaded, AEs are dots coloured by grade (the
 * journey plot's `ae-grade-N` classes), CRS/ICANS grades are letters, completed visits are ticks, efficacy
 * responses are diamonds above the lane and the end of study is a bar. The table below it is its text equivalent.
 */
export function SwimmerPlot({ lanes }: { lanes: readonly Lane[] }) {
  if (lanes.length === 0) return <p class="empty">No participant to plot yet.</p>;
  const min = Math.min(-7, ...lanes.map((l) => l.from));
  const max = Math.max(7, ...lanes.map((l) => Math.max(l.to, (l.dltWindow?.to ?? 0) + 1)));
  const x = (day: number): number => LEFT + ((day - min) / (max - min)) * PLOT;
  const height = TOP + lanes.length * LANE + 8;
  const step = [1, 2, 7, 14, 28, 56, 91, 182, 365].find((s) => (max - min) / s <= 14) ?? 365;
  const ticks: number[] = [];
  for (let d = Math.ceil(min / step) * step; d <= max; d += step) ticks.push(d);
  if (!ticks.includes(0)) ticks.push(0);

  return (
    <svg class="swimmer-plot" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={`Swimmer plot of ${lanes.length} participants by study day`} data-testid="swimmer-plot">
      {ticks.map((d) => (
        <g key={d}>
          <line x1={x(d)} x2={x(d)} y1={TOP - 4} y2={height - 8} class={d === 0 ? 'axis-zero' : 'grid'} />
          <text x={x(d)} y={TOP - 8} text-anchor="middle" class="tick-label">
            {d === 0 ? 'Day 0' : d}
          </text>
        </g>
      ))}
      {lanes.map((lane, i) => {
        const y = TOP + i * LANE;
        const mid = y + LANE / 2;
        return (
          <g key={lane.participantId} class={`lane${lane.infused ? '' : ' lane-screening'}`} data-testid="swimmer-lane" data-code={lane.participantCode}>
            <text x={LEFT - 6} y={mid + 4} text-anchor="end" class="lane-label">
              {lane.participantCode}
            </text>
            {lane.dltWindow ? <rect x={x(lane.dltWindow.from)} y={y + 2} width={Math.max(2, x(lane.dltWindow.to + 1) - x(lane.dltWindow.from))} height={LANE - 4} class="dlt-window" /> : null}
            <rect x={x(lane.from)} y={mid - 4} width={Math.max(2, x(lane.to) - x(lane.from))} height={8} rx={3} class={lane.infused ? 'lane-bar' : 'lane-bar lane-bar-screening'}>
              <title>
                {lane.participantCode}: day {lane.from} to {lane.to}
              </title>
            </rect>
            {lane.visitsDone.map((v) => (
              <line key={`v${v.label}`} x1={x(v.day)} x2={x(v.day)} y1={mid - 7} y2={mid + 7} class={v.inWindow ? 'visit-done' : 'visit-done visit-out-of-window'}>
                <title>
                  {v.label} done, day {v.day}
                </title>
              </line>
            ))}
            {lane.adverseEvents.map((ae, k) => (
              <circle key={`a${k}`} cx={x(ae.day) + sameDayBefore(lane.adverseEvents, k) * STACK} cy={mid - 6} r={4} class={`ae ae-grade-${Math.min(ae.grade, 5)}${ae.serious ? ' ae-serious' : ''}`} data-testid="swimmer-ae">
                <title>
                  {ae.term}, grade {ae.grade}, day {ae.day}
                </title>
              </circle>
            ))}
            {lane.toxicity.map((t, k) => (
              <text key={`t${k}`} x={x(t.day) + sameDayBefore(lane.toxicity, k) * (STACK + 8)} y={mid + 16} text-anchor="middle" class={`tox tox-${t.kind.toLowerCase()}`} data-testid="swimmer-tox">
                {t.kind === 'CRS' ? 'C' : 'I'}
                {t.grade}
                <title>
                  {t.kind} grade {t.grade}, day {t.day}
                </title>
              </text>
            ))}
            {lane.responses.map((r, k) => {
              const cx = x(r.day) + sameDayBefore(lane.responses, k) * STACK;
              const cy = y + 4;
              return (
                <polygon key={`r${k}`} points={`${cx},${cy - 5} ${cx + 5},${cy} ${cx},${cy + 5} ${cx - 5},${cy}`} class="efficacy-response" data-testid="swimmer-response">
                  <title>
                    {r.instrument} response at {r.visitId}, day {r.day}: {r.value}
                    {r.change === undefined ? '' : ` (${r.change > 0 ? '+' : ''}${r.change} from baseline)`} — {r.definition}
                  </title>
                </polygon>
              );
            })}
            {lane.end ? (
              <rect x={x(lane.end.day) - 2} y={y + 2} width={4} height={LANE - 4} class="lane-end">
                <title>End of study: {lane.end.reason}</title>
              </rect>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
