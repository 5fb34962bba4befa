import { CLIENT_COMMAND_TYPES } from '@trialflow/contracts';
import type { AnyCommandEndpoint } from './command-endpoint.js';
import * as safety from './safety.requests.js';
import * as screening from './screening.requests.js';
import * as termination from './termination.requests.js';
import * as treatment from './treatment.requests.js';
import * as visitsAndRecords from './visits-and-records.requests.js';

const endpoints = [screening, treatment, safety, visitsAndRecords, termination].flatMap((module) => Object.values(module) as AnyCommandEndpoint[]);

describe('command endpoint declarations', () => {
  it('declare exactly one endpoint, on its own path, for every command a person can send', () => {
    expect(endpoints.map((e) => e.type).sort()).toEqual([...CLIENT_COMMAND_TYPES].sort());
    expect(new Set(endpoints.map((e) => e.path)).size).toBe(endpoints.length);
  });

  it('refuse unknown fields and require a commandId in every body', () => {
    for (const endpoint of endpoints) {
      const parsed = endpoint.body.safeParse({ surprise: true });
      expect(parsed.success).toBe(false);
      const issues = parsed.success ? [] : parsed.error.issues;
      expect({ type: endpoint.type, unknown: issues.some((i) => i.code === 'unrecognized_keys'), commandId: issues.some((i) => i.path[0] === 'commandId') }).toEqual({ type: endpoint.type, unknown: true, commandId: true });
    }
  });

  it('send e-signed decisions as re-authenticated, and never pass the password on to the journey', () => {
    const signed = endpoints.filter((e) => e.eSignature).map((e) => e.type).sort();
    expect(signed).toEqual(['AdjudicateDlt', 'SignEligibility']);
    const sign = endpoints.find((e) => e.type === 'SignEligibility')!;
    const data = sign.toData({ commandId: 'c', meaning: 'I confirm the participant is eligible', recordHash: 'a'.repeat(64), password: 'secret' } as never);
    expect(data).toEqual({ meaning: 'I confirm the participant is eligible', recordHash: 'a'.repeat(64), reauthenticated: true });
  });
});
