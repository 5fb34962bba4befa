import { get, query } from './client.js';
import type { Protocol } from './protocol.js';
import type { Site, TrialSummary } from './types.js';

/**
 * Reference data that does not change while the app runs (trials, protocol versions): fetched once per
 * signed-in user and shared by the screens. Cleared on sign-out, since what a user sees depends on their sites.
 */
let trialsPromise: Promise<readonly TrialSummary[]> | undefined;
const protocols = new Map<string, Promise<Protocol>>();

export function trials(): Promise<readonly TrialSummary[]> {
  trialsPromise ??= get<{ items: TrialSummary[] }>('/v1/trials').then(
    (answer) => answer.items,
    (error: unknown) => {
      trialsPromise = undefined;
      throw error;
    },
  );
  return trialsPromise;
}

export function protocolOf(trialId: string, version?: string): Promise<Protocol> {
  const key = `${trialId}@${version ?? 'newest'}`;
  let found = protocols.get(key);
  if (!found) {
    found = get<Protocol>(`/v1/trials/${encodeURIComponent(trialId)}/protocol${query({ version })}`);
    found.catch(() => protocols.delete(key));
    protocols.set(key, found);
  }
  return found;
}

/** The user's sites across their trials, by id (name and time zone). */
export async function sitesById(): Promise<ReadonlyMap<string, Site>> {
  const map = new Map<string, Site>();
  for (const trial of await trials()) for (const site of trial.sites) map.set(site.id, site);
  return map;
}

export function clearReferenceData(): void {
  trialsPromise = undefined;
  protocols.clear();
}

/** The zone a site's dates are shown in; UTC when the site is unknown (never expected: lists are site-scoped). */
export const timeZoneOf = (sites: ReadonlyMap<string, Site> | undefined, siteId: string): string => sites?.get(siteId)?.timeZone ?? 'UTC';
