import { z } from 'zod';
import { ProblemException } from './problem.js';
import { ZodValidationPipe } from './zod-validation.pipe.js';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(z.strictObject({ name: z.string(), age: z.number().int().min(0), nested: z.strictObject({ x: z.number() }) }));

  it('passes a valid value through, parsed', () => {
    expect(pipe.transform({ name: 'a', age: 3, nested: { x: 1 } })).toEqual({ name: 'a', age: 3, nested: { x: 1 } });
  });

  it('answers one 400 problem listing every bad, missing and unknown field by path', () => {
    let thrown: unknown;
    try {
      pipe.transform({ age: -1, nested: { x: 'no', y: 1 }, colour: 'red' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProblemException);
    const { problem } = thrown as ProblemException;
    expect(problem).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    expect(problem.errors?.map((e) => e.field).sort()).toEqual(['age', 'colour', 'name', 'nested.x', 'nested.y']);
  });
});
