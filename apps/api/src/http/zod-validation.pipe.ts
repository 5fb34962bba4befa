import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { problem, type FieldError } from './problem.js';

/** Lists every problem of an input, one entry per field, with unknown fields named individually. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [path, key].filter(Boolean).join('.'), message: 'is not a known field' }));
    }
    return [{ field: path || '(body)', message: issue.message }];
  });
}

/**
 * Validates one request part against its zod schema, the same schema the OpenAPI document is generated
 * from, so the documentation and the validation cannot disagree. Failure: 400 with every bad field.
 */
@Injectable()
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(
    private readonly schema: S,
    private readonly part: 'body' | 'query' | 'path' = 'body',
  ) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value ?? (this.part === 'body' ? undefined : {}));
    if (parsed.success) return parsed.data;
    const errors = fieldErrors(parsed.error);
    throw problem(400, 'VALIDATION_FAILED', 'The request is invalid', `${errors.length} invalid field(s) in the ${this.part}.`, { errors });
  }
}
