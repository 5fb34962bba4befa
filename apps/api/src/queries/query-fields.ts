import { z } from 'zod';

/** A yes/no query parameter: `true` or `false` in the query string. */
export const booleanQuery = (description: string) =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .transform((value) => value === 'true')
    .optional()
    .describe(description);
