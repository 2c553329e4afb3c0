import { z } from 'zod';
import { OrganisationProfileSchema } from '../events/gateway.events';

export const OidcSettingsSchema = z
  .object({
    issuer: z.url('must be a URL').max(500).describe('The `iss` of the tokens your identity provider issues, exactly.'),
    jwksUri: z
      .url('must be a URL')
      .max(500)
      .describe(
        'Where its signing keys are published (JWKS): an https URL whose host resolves to public addresses only (never loopback, private, link-local or cloud metadata addresses).',
      ),
    audience: z.string().trim().min(1).max(500).describe('The `aud` the tokens must carry for this API.'),
    rolesClaim: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .default('roles')
      .describe('The claim that lists roles; when present, it can only narrow the roles given here.'),
    emailClaim: z.string().trim().min(1).max(200).default('email').describe('The claim that holds the email the person is known by here.'),
  })
  .strict()
  .describe('Your organisation’s OpenID Connect provider: people sign in there and call this API with its tokens.');
export type OidcSettings = z.infer<typeof OidcSettingsSchema>;

export const OidcSettingsViewSchema = z
  .object({
    issuer: z.string().describe('The issuer.'),
    jwksUri: z.string().describe('The JWKS address.'),
    audience: z.string().describe('The audience.'),
    rolesClaim: z.string().describe('The roles claim.'),
    emailClaim: z.string().describe('The email claim.'),
    updatedAt: z.iso.datetime({ offset: true }).describe('When it was last set.'),
  })
  .describe('The OpenID Connect settings of your organisation.');
export type OidcSettingsView = z.infer<typeof OidcSettingsViewSchema>;

export const OrganisationViewSchema = z
  .object({
    id: z.uuid().describe('The organisation id.'),
    name: z.string().describe('The name, as documents and emails are signed with it.'),
    address: OrganisationProfileSchema.shape.address,
    slug: z.string().describe('The slug people give when signing in.'),
    oidc: OidcSettingsViewSchema.nullable().describe('Its OpenID Connect provider, if it has one.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When it was created.'),
  })
  .describe('Your organisation.');
export type OrganisationView = z.infer<typeof OrganisationViewSchema>;

export const UpdateOrganisationBodySchema = OrganisationProfileSchema.partial()
  .strict()
  .refine((body) => body.name !== undefined || body.address !== undefined, { message: 'give name or address' })
  .describe('Changes your organisation’s name or postal address: every case report, certificate and email is signed with them from then on.');
export type UpdateOrganisationBody = z.infer<typeof UpdateOrganisationBodySchema>;
