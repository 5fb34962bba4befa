import { z } from 'zod';

// TEMPORARY until the calculators land (issue 4): replaced by the dosing and toxicity schemas.
export const lymphodepletionRegimenSchema = z.object({}).passthrough();
export const dltCriteriaSchema = z.object({}).passthrough();
