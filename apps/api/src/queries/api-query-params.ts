import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * Documents each parameter of a query-string schema, from the schema that validates it (its input side:
 * what a client sends, before coercion and defaults).
 */
export function ApiQueryParams(schema: z.ZodObject): MethodDecorator {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) => {
      const { description, ...rest } = property;
      return ApiQuery({
        name,
        required: (json.required ?? []).includes(name),
        schema: rest,
        ...(typeof description === 'string' ? { description } : {}),
      });
    }),
  );
}
