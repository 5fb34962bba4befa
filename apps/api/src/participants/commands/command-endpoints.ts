import { CLIENT_COMMAND_TYPES, type ClientCommandType } from '@trialflow/contracts';
import { z } from 'zod';
import type { AnyCommandEndpoint, CommandBody } from './command-endpoint.js';
import * as safety from './safety.requests.js';
import * as screening from './screening.requests.js';
import * as termination from './termination.requests.js';
import * as treatment from './treatment.requests.js';
import * as visitsAndRecords from './visits-and-records.requests.js';

const declared = [screening, treatment, safety, visitsAndRecords, termination].flatMap((module) => Object.values(module) as AnyCommandEndpoint[]);

/** Every command endpoint declaration, by command type: what reuses the endpoints' schemas (the import) looks them up here. */
export const COMMAND_ENDPOINTS: ReadonlyMap<ClientCommandType, AnyCommandEndpoint> = new Map(CLIENT_COMMAND_TYPES.map((type) => {
  const endpoint = declared.find((e) => e.type === type);
  if (!endpoint) throw new Error(`no endpoint declares the command ${type}`);
  return [type, endpoint];
}));

/**
 * The body a command takes when it is recorded from a source rather than made here (an import): the
 * endpoint's own strict body, without the signer's `password` for an e-signature — the signature was made at
 * the source and the importing admin attests it (and re-enters their own password for the whole import).
 * The endpoint's `toData` still marks the signature `reauthenticated`: the source's sign-in established it.
 */
export function recordedBodyOf(endpoint: AnyCommandEndpoint): z.ZodType<CommandBody> {
  if (!endpoint.eSignature) return endpoint.body;
  if (!(endpoint.body instanceof z.ZodObject)) throw new Error(`the e-signed body of ${endpoint.type} is not an object schema`);
  const recorded = endpoint.body.omit({ password: true });
  // A source cannot know this system's hash of the evaluation: without one, the journey binds the imported
  // signature to the evaluation it follows in the import (decideImport).
  if (endpoint.type === 'SignEligibility') {
    const shape = recorded.shape as Record<string, z.ZodType>;
    return recorded.extend({ recordHash: shape.recordHash!.optional() }) as unknown as z.ZodType<CommandBody>;
  }
  return recorded as unknown as z.ZodType<CommandBody>;
}
