import { z } from 'zod';

export const signInBodySchema = z
  .strictObject({
    username: z.string({ error: 'is required' }).min(1, 'is required').max(128, 'is too long'),
    password: z.string({ error: 'is required' }).min(1, 'is required').max(1024, 'is too long'),
  })
  .meta({ title: 'SignInRequest', description: 'Sign in with a local user (AUTH_MODE=local) and receive a bearer access token.' });

export type SignInBody = z.infer<typeof signInBodySchema>;
