import type { EfficacySummaryLine } from '../../api/types.js';

const percent = (x: number) => `${Math.round(x * 100)}`;

/** "80 % (49–94)": the response rate and its 95 % interval in whole percent; "—" when nobody was assessed. */
export function formatRate(line: Pick<EfficacySummaryLine, 'responseRate' | 'ci95'>): string {
  if (line.responseRate === null || line.ci95 === null) return '—';
  return `${percent(line.responseRate)} % (${percent(line.ci95.lower)}–${percent(line.ci95.upper)})`;
}

/** A change from baseline with its sign ("−4", "+1.5", "0"), or "—" without one. */
export function formatChange(change: number | null): string {
  if (change === null) return '—';
  const rounded = Math.round(change * 10) / 10;
  return rounded > 0 ? `+${rounded}` : rounded < 0 ? `−${Math.abs(rounded)}` : '0';
}

export interface DefinitionNote {
  readonly instrument: string;
  readonly definition: string;
  readonly algorithm: string;
}

/** The response definitions behind the lines, once each, for the footnote. */
export function definitionNotes(lines: readonly EfficacySummaryLine[]): DefinitionNote[] {
  const notes = new Map<string, DefinitionNote>();
  for (const l of lines) notes.set(`${l.instrument}|${l.responseDefinition}|${l.responseAlgorithm}`, { instrument: l.instrument, definition: l.responseDefinition, algorithm: l.responseAlgorithm });
  return [...notes.values()];
}
