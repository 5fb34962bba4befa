import { readFileSync, readdirSync } from 'node:fs';

/** Linux clock ticks per second (USER_HZ): /proc reports CPU time in these. */
const TICKS_PER_SECOND = 100;

/**
 * User + system CPU seconds a process has used so far, with that of its children it has reaped (a PostgreSQL
 * backend's time moves to the postmaster when it exits); 0 once it is gone. From /proc/<pid>/stat.
 */
export function cpuSecondsOf(pid: number): number {
  try {
    // The command name (field 2) may contain spaces: the fields after it are counted from its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The parent of a process (from /proc/<pid>/stat). */
export function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The process and its direct children (a PostgreSQL postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (parentOf(Number(entry)) === pid) children.push(Number(entry));
    } catch {
      // gone in between
    }
  }
  return [pid, ...children];
}

/**
 * CPU used by named groups of processes between two instants: where the time of a workload goes (diagnosis,
 * not a target). `pids` is re-evaluated at each reading so backends that come and go are counted while alive.
 */
export class CpuMeter {
  constructor(private readonly groups: Record<string, () => number[]>) {}

  read(): Record<string, number> {
    const reading: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) reading[name] = pids().reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
    return reading;
  }

  static since(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
    return Object.fromEntries(Object.entries(after).map(([name, seconds]) => [name, seconds - (before[name] ?? 0)]));
  }
}
