import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * JSON Schema (2020-12, which OpenAPI 3.1 uses natively) generated from the same zod schema that validates
 * the request: one source for both.
 */
export const jsonSchemaOf = (schema: z.ZodType): Record<string, unknown> => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
};

const problemSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    code: { type: 'string', description: 'Stable machine-readable error code' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
    requestId: { type: 'string' },
  },
};

const DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed request: every bad field is listed in `errors`',
  404: 'Not found',
  409: 'Conflicts with the current state (duplicate, concurrency)',
  422: 'A protocol rule forbids this; `code` names the rule',
  503: 'The orchestrator did not answer in time; nothing was recorded; retry with the same commandId after Retry-After',
};

/** Documents RFC 9457 problem responses for the given statuses. */
export const problemResponses = (...statuses: number[]): MethodDecorator =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', content: { 'application/problem+json': { schema: problemSchema } } }),
    ),
  );
