import { z } from 'zod';
import { RoleSchema } from './access.schemas';

export const SignInBodySchema = z
  .object({
    organisation: z.string().trim().min(1).max(63).describe('Your organisation’s slug.'),
    email: z
      .string()
      .trim()
      .min(1)
      .max(254)
      .transform((email) => email.toLowerCase())
      .describe('Your email address.'),
    password: z.string().min(1).max(256).describe('Your password.'),
  })
  .strict()
  .describe('Sign in with a local account.');
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const SignInTokenViewSchema = z
  .object({
    token: z.string().describe('Send as `Authorization: Bearer <token>`.'),
    tokenType: z.literal('Bearer').describe('Always Bearer.'),
    expiresAt: z.iso.datetime({ offset: true }).describe('When the token stops working; sign in again after.'),
    expiresIn: z.number().int().describe('Seconds until it expires.'),
    user: z
      .object({
        id: z.uuid().describe('The user id.'),
        email: z.string().describe('The email.'),
        name: z.string().describe('The name.'),
        roles: z.array(RoleSchema).describe('The roles.'),
      })
      .describe('Who signed in.'),
  })
  .describe('A short-lived bearer token.');
export type SignInTokenView = z.infer<typeof SignInTokenViewSchema>;
