import { loadProtocol, type Protocol } from './protocol.schema.js';
import { cbCd19BcmaV1 } from './seed/cb-cd19-bcma.js';
import { ucartCd19BcmaV1 } from './seed/ucart-cd19-bcma.js';

/**
 * The protocol versions this build knows, validated once when the module loads. A participant keeps the
 * version it was registered under (its events say which); new registrations take the newest.
 */
const protocols: readonly Protocol[] = [ucartCd19BcmaV1, cbCd19BcmaV1].map(loadProtocol);

export const knownProtocols = (): readonly Protocol[] => protocols;

/** The newest version of a trial's protocol, or a given version. */
export function findProtocol(trialId: string, protocolVersion?: string): Protocol | undefined {
  const versions = protocols.filter((p) => p.trialId === trialId && (protocolVersion === undefined || p.protocolVersion === protocolVersion));
  return versions.at(-1);
}
