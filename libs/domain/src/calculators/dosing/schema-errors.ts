import type { z } from 'zod';
import { calculationError, type CalculationError } from '../shared/calculation.js';

/** Maps schema issues to calculator errors, one per issue, each naming the path under `prefix`. */
export const schemaErrors = (prefix: string, error: z.ZodError): CalculationError[] =>
  error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return calculationError('INVALID_VALUE', path, issue.message);
  });
