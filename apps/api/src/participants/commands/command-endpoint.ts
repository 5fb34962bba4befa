import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import type { ClientCommandType } from '@trialflow/contracts';
import type { CommandOf } from '@trialflow/domain';
import type { z } from 'zod';
import { jsonSchemaOf, problemResponses } from '../../http/openapi-schemas.js';
import { commandResultSchema } from './command-result.schema.js';

/** Every command body carries the client's idempotency key; e-signatures also carry the re-entered password. */
export interface CommandBody {
  readonly commandId: string;
  readonly password?: string;
}

/**
 * One journey command as an HTTP endpoint, declared in one place: its path under
 * `/v1/participants/{participantId}/`, its strict request schema (which validates and documents), and how a
 * valid body becomes the domain command's data.
 */
export interface CommandEndpoint<T extends ClientCommandType, S extends z.ZodType<CommandBody>> {
  readonly type: T;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly body: S;
  /**
   * An investigator's electronic signature (21 CFR 11.200): the password in the body is checked again before
   * the command is sent, and the command then says the signer re-authenticated.
   */
  readonly eSignature?: boolean;
  readonly toData: (body: z.infer<S>) => CommandOf<T>['data'];
}

export const commandEndpoint = <T extends ClientCommandType, S extends z.ZodType<CommandBody>>(endpoint: CommandEndpoint<T, S>): CommandEndpoint<T, S> => endpoint;

export type AnyCommandEndpoint = CommandEndpoint<ClientCommandType, z.ZodType<CommandBody>>;

/** operationId from the command type: `SignConsent` → `signConsent`. */
const operationIdOf = (type: string): string => type.charAt(0).toLowerCase() + type.slice(1);

/**
 * The route and its OpenAPI description for a command endpoint: POST, 200 with the command result and the
 * stream version as ETag, and the problem responses every command can give.
 */
export const CommandRoute = (endpoint: { type: string; path: string; summary: string; description: string; body: z.ZodType; eSignature?: boolean }): MethodDecorator =>
  applyDecorators(
    Post(endpoint.path),
    HttpCode(200),
    ApiOperation({
      operationId: operationIdOf(endpoint.type),
      summary: endpoint.summary,
      description: `${endpoint.description}\n\nJourney command \`${endpoint.type}\`.${endpoint.eSignature ? ' An electronic signature: re-enter your password in `password`.' : ''}`,
    }),
    ApiParam({ name: 'participantId', format: 'uuid', description: 'The participant (the `participantId` of the registration answer).' }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'The ETag (stream version) the client acted on. If the participant has changed since, the command is refused with 409 STALE_VERSION and nothing is recorded.',
      schema: { type: 'string', example: '"7"' },
    }),
    ApiBody({ required: true, schema: jsonSchemaOf(endpoint.body) }),
    ApiResponse({
      status: 200,
      description: 'Recorded (or, for a resent commandId, recorded before). ETag is the new stream version.',
      headers: { ETag: { description: 'The stream version after the command, quoted.', schema: { type: 'string' } } },
      content: { 'application/json': { schema: jsonSchemaOf(commandResultSchema) } },
    }),
    problemResponses(400, 404, 409, 422, 503),
  );
