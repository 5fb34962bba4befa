import type { Actor } from '@trialflow/domain';

/**
 * The people who act in the demo journeys: the demo users of the embedded default (apps/api's demo-users.ts),
 * so a user who signs in as `coordinator.a` sees their own entries. `.a` people work at DEMO-01 and CN-BJ-GB,
 * `.b` people at DEMO-02.
 */
export interface SiteTeam {
  readonly coordinator: Actor;
  readonly investigator: Actor;
}

const SITES_A = ['DEMO-01', 'CN-BJ-GB'] as const;
const SITES_B = ['DEMO-02'] as const;

const teamA = (siteId: string): SiteTeam => ({
  coordinator: { id: 'coordinator.a', name: 'Li Na', role: 'coordinator', siteId, sites: SITES_A },
  investigator: { id: 'investigator.a', name: 'Dr Wang Lei', role: 'investigator', siteId, sites: SITES_A },
});
const teamB = (siteId: string): SiteTeam => ({
  coordinator: { id: 'coordinator.b', name: 'Sofia Rossi', role: 'coordinator', siteId, sites: SITES_B },
  investigator: { id: 'investigator.b', name: 'Dr Anna Müller', role: 'investigator', siteId, sites: SITES_B },
});

export const teamAt = (siteId: string): SiteTeam => (siteId === 'DEMO-02' ? teamB(siteId) : teamA(siteId));

/** Who runs the demo import: recorded with every demo event beside the entry's own actor. */
export const DEMO_IMPORTER: Actor = { id: 'trialflow-demo-data', name: 'Demo data (synthetic)', role: 'system' };

export const DEMO_REASON = 'Synthetic demo data: no real person; entered by the demo import on an empty system.';
