import { z } from 'zod';
import { distinct, RoleSchema } from './access.schemas';

/** The minimum password policy for local accounts: long beats clever. */
export const PASSWORD_MIN_LENGTH = 12;
export const PasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, 'must be at most 256 characters')
  .describe(`A password of ${PASSWORD_MIN_LENGTH} to 256 characters; only a memory-hard hash of it is stored.`);

export const EmailSchema = z
  .email('must be an email address')
  .max(254)
  .transform((email) => email.toLowerCase())
  .describe('The email address, unique within the organisation (compared without case).');

const ContractIdsSchema = distinct(z.uuid('must be a contract id'))
  .max(200)
  .describe('The contracts a referrer or commissioner is linked to: they see only these. Ignored for other roles.');

const StaffIdSchema = z
  .uuid('must be a staff profile id')
  .describe(
    'Their staff profile (GET /v1/staff) in your organisation, one user per profile: a mediator reads a case’s sensitive data only when this profile is assigned to the case.',
  );

export const CreateUserBodySchema = z
  .object({
    email: EmailSchema,
    name: z.string().trim().min(1).max(200).describe('The person’s name.'),
    roles: distinct(RoleSchema).min(1, 'must name at least one role').describe('What the person may do.'),
    contractIds: ContractIdsSchema.default([]),
    password: PasswordSchema.optional().describe('Set a local password now; omit for people who sign in with the organisation’s OpenID Connect provider.'),
    staffId: StaffIdSchema.optional(),
  })
  .strict()
  .describe('A new person in your organisation.');
export type CreateUserBody = z.infer<typeof CreateUserBodySchema>;

export const UpdateUserBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional().describe('The person’s name.'),
    roles: distinct(RoleSchema).min(1, 'must name at least one role').optional().describe('Replaces the person’s roles.'),
    status: z.enum(['active', 'disabled']).optional().describe('A disabled person cannot sign in, and their live tokens stop working.'),
    contractIds: ContractIdsSchema.optional(),
    staffId: StaffIdSchema.nullable().optional().describe('Links their staff profile (in your organisation, one user per profile); null unlinks it.'),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'must change at least one of name, roles, status, contractIds, staffId' })
  .describe('Changes to a person; fields left out stay as they are.');
export type UpdateUserBody = z.infer<typeof UpdateUserBodySchema>;

export const SetPasswordBodySchema = z
  .object({ password: PasswordSchema })
  .strict()
  .describe('A new local password; it also lifts their sign-in locks, from every address.');
export type SetPasswordBody = z.infer<typeof SetPasswordBodySchema>;

export const UserViewSchema = z
  .object({
    id: z.uuid().describe('The user id.'),
    email: z.string().describe('The email address, lower-case.'),
    name: z.string().describe('The name.'),
    roles: z.array(RoleSchema).describe('The roles.'),
    status: z.enum(['active', 'disabled']).describe('Whether the person may sign in.'),
    contractIds: z.array(z.uuid()).describe('Linked contracts (referrers and commissioners see only these).'),
    hasPassword: z.boolean().describe('Whether a local password is set.'),
    staffId: z.uuid().nullable().describe('Their linked staff profile, or null: an unlinked mediator cannot read any case’s sensitive data.'),
    createdAt: z.iso.datetime({ offset: true }).describe('When the person was added.'),
  })
  .describe('A person in your organisation.');
export type UserView = z.infer<typeof UserViewSchema>;

export const UserListSchema = z.object({ items: z.array(UserViewSchema).describe('The people, oldest first.') }).describe('People of your organisation.');
export const UserIdParamsSchema = z.object({ id: z.uuid('must be a user id').describe('The user id.') }).describe('Path parameters.');

export const MeViewSchema = z
  .object({
    actorType: z.enum(['user', 'api-key']).describe('A signed-in person or an API key.'),
    actorId: z.string().describe('`user:<id>` or `api-key:<id>`, as recorded in logs and audit.'),
    organisation: z
      .object({
        id: z.uuid().describe('The organisation id.'),
        name: z.string().describe('Its name.'),
        slug: z.string().describe('The slug to give when signing in.'),
      })
      .describe('The organisation you act for.'),
    user: UserViewSchema.optional().describe('The person, when signed in as one.'),
    roles: z.array(RoleSchema).describe('Your roles; empty for an API key.'),
    scopes: z.array(z.string()).describe('The API key’s scopes; empty for a person.'),
    contractIds: z.array(z.uuid()).optional().describe('When present, the only contracts you may see.'),
  })
  .describe('Who you are, for whom, and what you may do.');
export type MeView = z.infer<typeof MeViewSchema>;
