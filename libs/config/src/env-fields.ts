import { z } from 'zod';

/**
 * Field types of the environment schema whose messages say what is expected in the operator's terms (zod's
 * defaults talk about NaN and types). Values are never echoed: some variables hold credentials.
 */
export const wholeNumber = (min: number, max: number) => {
  const error = `must be a whole number from ${min} to ${max}`;
  return z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });
};

export const nonEmptyText = () => z.string().min(1, 'must not be empty');

/** Comma-separated e-mail addresses; the ones that are not addresses are named (addresses are not secrets). */
export const emailList = () =>
  z
    .string()
    .optional()
    .transform((list, ctx) => {
      const addresses = (list ?? '').split(',').map((a) => a.trim()).filter(Boolean);
      const bad = addresses.filter((a) => !z.email().safeParse(a).success);
      if (bad.length > 0) ctx.addIssue({ code: 'custom', message: `must be comma-separated e-mail addresses; not an address: ${bad.map((a) => JSON.stringify(a)).join(', ')}` });
      return addresses;
    });

/**
 * One line per bad variable, whatever number of rules it broke (a variable's messages are joined), in the
 * order the variables were found: what an operator fixes one by one.
 */
export function problemsByVariable(issues: readonly z.core.$ZodIssue[]): string[] {
  const byVariable = new Map<string, string[]>();
  for (const issue of issues) {
    const name = String(issue.path[0] ?? 'environment');
    const messages = byVariable.get(name) ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    byVariable.set(name, messages);
  }
  return [...byVariable].map(([name, messages]) => `${name}: ${messages.join('; ')}`);
}
