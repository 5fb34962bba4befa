import { Injectable, type PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { problem, type FieldError } from './problem.js';

/**
 * How a path names list items: `signers.0.name` (the API's default), or `entries[3].body.visitDate` where the
 * journey names them that way too (an import's refusals, whichever side finds them, read alike).
 */
export type IndexStyle = 'dotted' | 'bracketed';

const pathOf = (segments: readonly PropertyKey[], style: IndexStyle): string =>
  segments.reduce<string>((path, segment) => {
    if (style === 'bracketed' && typeof segment === 'number') return `${path}[${segment}]`;
    return path === '' ? String(segment) : `${path}.${String(segment)}`;
  }, '');

/** Lists every problem of an input, one entry per field, with unknown fields named individually. */
export function fieldErrors(error: z.ZodError, prefix = '', style: IndexStyle = 'dotted'): FieldError[] {
  return error.issues.flatMap((issue) => {
    const path = pathOf([...(prefix ? [prefix] : []), ...issue.path], style);
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
    private readonly indexStyle: IndexStyle = 'dotted',
  ) {}

  transform(value: unknown): z.infer<S> {
    const parsed = this.schema.safeParse(value ?? (this.part === 'body' ? undefined : {}));
    if (parsed.success) return parsed.data;
    const errors = fieldErrors(parsed.error, '', this.indexStyle);
    throw problem(400, 'VALIDATION_FAILED', 'The request is invalid', `${errors.length} invalid field(s) in the ${this.part}.`, { errors });
  }
}
