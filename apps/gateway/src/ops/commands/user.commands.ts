import { CreateUserBodySchema, UpdateUserBodySchema } from '@mediation/protocol';
import { CreateUserUseCase } from '../../users/create-user.use-case';
import { UpdateUserUseCase } from '../../users/update-user.use-case';
import { UserRepository } from '../../users/user.repository';
import { Authority } from '../../auth/authority';
import { audited, cliMeta, organisationBySlug } from './cli-actor';
import { defineCommand, list, optional, required, UsageError } from './command';
import { parseWith } from './parse-with';

/** A body field named as the option that sets it. */
const OPTION_OF: Record<string, string> = { contractIds: 'contracts', staffId: 'staff' };
const optionOf = (field: string) => `--${OPTION_OF[field.split('.')[0]] ?? field.split('.')[0]}`;

const STAFF_OPTION = {
  type: 'string',
  value: '<id>',
  description: 'Their staff profile id (scheduling, same organisation): a mediator reads a case’s sensitive data only on cases it is assigned to.',
} as const;

export const userCreate = defineCommand({
  group: 'user',
  verb: 'create',
  summary: 'Add a person to an organisation, with a local password or none (then they sign in through its OpenID Connect provider).',
  options: {
    org: { type: 'string', value: '<slug>', required: true, description: 'The organisation.' },
    email: { type: 'string', value: '<email>', required: true, description: 'Their email address, unique in the organisation.' },
    name: { type: 'string', value: '<name>', required: true, description: 'Their name.' },
    roles: {
      type: 'string',
      value: '<a,b>',
      required: true,
      description: 'provider-admin, case-manager, mediator, finance, auditor, referrer, commissioner (comma-separated).',
    },
    contracts: { type: 'string', value: '<id,id>', description: 'For referrers and commissioners: the contract ids they are linked to.' },
    password: {
      type: 'string',
      value: '<password>',
      description: 'A local password of 12+ characters (it lands in your shell history: prefer the password-reset flow where there is one).',
    },
    staff: STAFF_OPTION,
  },
  needs: 'services',
  parse: (values) => {
    const contracts = optional(values, 'contracts');
    const body = parseWith(
      CreateUserBodySchema,
      {
        email: required(values, 'email'),
        name: required(values, 'name'),
        roles: list(required(values, 'roles')),
        contractIds: contracts ? list(contracts) : [],
        password: optional(values, 'password'),
        staffId: optional(values, 'staff'),
      },
      optionOf,
    );
    return { org: required(values, 'org'), body };
  },
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const user = await audited(app, { organisationId: organisation.id, action: 'user create', resourceType: 'user', created: true }, () =>
      app.get(CreateUserUseCase).execute(cliMeta(organisation.id), input.body, Authority.operator),
    );
    return {
      lines: [
        `created user ${user.email} (${user.name}) in ${organisation.slug} with roles ${user.roles.join(', ')}${user.staffId ? `, linked to staff profile ${user.staffId}` : ''}`,
        `id: ${user.id}`,
      ],
      json: { id: user.id, organisationId: organisation.id, email: user.email, name: user.name, roles: user.roles, staffId: user.staffId },
    };
  },
});

export const userUpdate = defineCommand({
  group: 'user',
  verb: 'update',
  summary: 'Change a person (found by email): name, roles, status, linked contracts or linked staff profile.',
  options: {
    org: { type: 'string', value: '<slug>', required: true, description: 'The organisation.' },
    email: { type: 'string', value: '<email>', required: true, description: 'Their email address: who to change.' },
    name: { type: 'string', value: '<name>', description: 'Their new name.' },
    roles: { type: 'string', value: '<a,b>', description: 'Replaces their roles (comma-separated).' },
    status: { type: 'string', value: '<active|disabled>', description: 'A disabled person cannot sign in, and their live tokens stop working.' },
    contracts: { type: 'string', value: '<id,id>', description: 'Replaces the contracts a referrer or commissioner is linked to.' },
    staff: { ...STAFF_OPTION, value: '<id|none>', description: `${STAFF_OPTION.description} "none" unlinks it.` },
  },
  needs: 'services',
  parse: (values) => {
    const contracts = optional(values, 'contracts');
    const roles = optional(values, 'roles');
    const staff = optional(values, 'staff');
    const changes = {
      name: optional(values, 'name'),
      roles: roles ? list(roles) : undefined,
      status: optional(values, 'status'),
      contractIds: contracts ? list(contracts) : undefined,
      staffId: staff === undefined ? undefined : staff === 'none' ? null : staff,
    };
    const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    if (Object.keys(given).length === 0) throw new UsageError('give at least one of --name, --roles, --status, --contracts, --staff');
    return {
      org: required(values, 'org'),
      email: parseWith(CreateUserBodySchema.shape.email, required(values, 'email'), () => '--email'),
      body: parseWith(UpdateUserBodySchema, given, optionOf),
    };
  },
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const current = await app.get(UserRepository).findByEmail(organisation.id, input.email);
    if (!current) throw new UsageError(`no user of ${organisation.slug} has the email ${input.email}`);
    const user = await audited(app, { organisationId: organisation.id, action: 'user update', resourceType: 'user', resourceId: current.id }, () =>
      app.get(UpdateUserUseCase).execute(cliMeta(organisation.id), current.id, input.body, Authority.operator),
    );
    return {
      lines: [
        `updated user ${user.email} (${user.name}) in ${organisation.slug}: roles ${user.roles.join(', ')}, ${user.status}, ${user.staffId ? `linked to staff profile ${user.staffId}` : 'no staff profile linked'}`,
        `id: ${user.id}`,
      ],
      json: {
        id: user.id,
        organisationId: organisation.id,
        email: user.email,
        name: user.name,
        roles: user.roles,
        status: user.status,
        contractIds: user.contractIds,
        staffId: user.staffId,
      },
    };
  },
});
