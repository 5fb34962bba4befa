import { cbCd19BcmaV1 } from './cb-cd19-bcma.js';
import { loadProtocol, type Protocol } from './protocol.schema.js';
import { ucartCd19BcmaV1 } from './ucart-cd19-bcma.js';

/**
 * The protocol versions this build knows, validated once when the module loads. Lookup is by trial id;
 * the newest version applies to new registrations (amendments for participants in flight are a later issue).
 */
const protocols: readonly Protocol[] = [ucartCd19BcmaV1, cbCd19BcmaV1].map(loadProtocol);

export const knownProtocols = (): readonly Protocol[] => protocols;

export function findProtocol(trialId: string): Protocol | undefined {
  return protocols.find((p) => p.trialId === trialId);
}
