import type { Visit } from '../schema/schedule.schema.js';

/**
 * Reference follow-up schedule to month 24, anchored on the actual infusion day (clinical-domain 1.9).
 * No seed gives a visit schedule [?]: timepoints come from published autoimmune CAR-T registrations
 * (NCT06503224: D14, D21, D28, M2, M3, M6, M9, M12, M18, M24) and windows are typical values [typ].
 * Instruments per cohort follow the reference matrix of clinical-domain 3.17 [typ].
 */
type Timepoint = 'D7' | 'D10' | 'D14' | 'D21' | 'D28' | 'M2' | 'M3' | 'M6' | 'M9' | 'M12' | 'M18' | 'M24';

const timepoints: readonly { id: Timepoint; label: string; day: number; before: number; after: number }[] = [
  { id: 'D7', label: 'Week 1', day: 7, before: 1, after: 1 },
  { id: 'D10', label: 'Day 10', day: 10, before: 1, after: 1 },
  { id: 'D14', label: 'Week 2', day: 14, before: 2, after: 2 },
  { id: 'D21', label: 'Week 3', day: 21, before: 2, after: 2 },
  // Closes the DLT window: not before day 28, or the window would not be complete ("−0", clinical-domain 1.9).
  { id: 'D28', label: 'Week 4 / end of DLT window', day: 28, before: 0, after: 3 },
  { id: 'M2', label: 'Month 2', day: 60, before: 7, after: 7 },
  { id: 'M3', label: 'Month 3 / end of full AE collection', day: 90, before: 7, after: 7 },
  { id: 'M6', label: 'Month 6', day: 180, before: 14, after: 14 },
  { id: 'M9', label: 'Month 9', day: 270, before: 14, after: 14 },
  // [typ] ±14 to ±30 days: the narrower default keeps the key secondary endpoint tight.
  { id: 'M12', label: 'Month 12', day: 365, before: 14, after: 14 },
  { id: 'M18', label: 'Month 18', day: 540, before: 30, after: 30 },
  { id: 'M24', label: 'Month 24 / end of study', day: 730, before: 30, after: 30 },
];

/** Instrument → cohorts that use it → timepoints at which it is due (clinical-domain 3.17). */
const matrix: readonly { instrument: string; cohorts: readonly string[]; at: readonly Timepoint[] }[] = [
  { instrument: 'SLEDAI-2K', cohorts: ['SLE', 'SLE_LN'], at: ['D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'BILAG-2004', cohorts: ['SLE', 'SLE_LN'], at: ['D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'PGA', cohorts: ['SLE', 'SLE_LN'], at: ['D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'RENAL-PANEL', cohorts: ['SLE_LN'], at: ['D14', 'D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'MRSS', cohorts: ['SSC'], at: ['D28', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'PFT', cohorts: ['SSC', 'PSS_PAH'], at: ['M3', 'M6', 'M12', 'M24'] },
  { instrument: 'PAH-FOLLOW-UP', cohorts: ['PSS_PAH'], at: ['D28', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'RIGHT-HEART-CATHETER', cohorts: ['PSS_PAH'], at: ['M6', 'M12', 'M24'] },
  { instrument: 'BVAS-V3', cohorts: ['AAV'], at: ['D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'MG-ADL', cohorts: ['MG'], at: ['D14', 'D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'QMG', cohorts: ['MG'], at: ['D14', 'D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'IGG4-RD-RI', cohorts: ['IGG4RD'], at: ['D28', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'MYOSITIS-CORE-SET', cohorts: ['IIM'], at: ['D28', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'AIHA-HAEMOLYSIS-PANEL', cohorts: ['AIHA'], at: ['D14', 'D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'IMMUNOLOGY-PANEL', cohorts: ['*'], at: ['D14', 'D28', 'M2', 'M3', 'M6', 'M9', 'M12', 'M18', 'M24'] },
  { instrument: 'ECOG', cohorts: ['*'], at: ['D28', 'M3', 'M6', 'M12', 'M24'] },
];

export function referenceSchedule(): Visit[] {
  return timepoints.map((t) => {
    const instruments: Record<string, string[]> = {};
    for (const row of matrix) {
      if (!row.at.includes(t.id)) continue;
      for (const cohort of row.cohorts) (instruments[cohort] ??= []).push(row.instrument);
    }
    return {
      id: t.id,
      label: t.label,
      nominalDay: t.day,
      windowBeforeDays: t.before,
      windowAfterDays: t.after,
      anchor: 'INFUSION',
      instruments,
      closesDltWindow: t.id === 'D28',
    };
  });
}
