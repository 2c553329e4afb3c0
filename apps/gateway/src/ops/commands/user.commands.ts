import { CreateUserBodySchema } from '@mediation/protocol';
import { CreateUserUseCase } from '../../users/create-user.use-case';
import { audited, cliMeta, organisationBySlug } from './cli-actor';
import { defineCommand, list, optional, required } from './command';
import { parseWith } from './parse-with';

export const userCreate = defineCommand({
  group: 'user',
  verb: 'create',
  summary: 'Add a person to an organisation, with a local password or none (then they sign in through its OpenID Connect provider).',
  options: {
    org: { type: 'string', value: '<slug>', required: true, description: 'The organisation.' },
    email: { type: 'string', value: '<email>', required: true, description: 'Their email address, unique in the organisation.' },
    name: { type: 'string', value: '<name>', required: true, description: 'Their name.' },
    roles: { type: 'string', value: '<a,b>', required: true, description: 'provider-admin, case-manager, mediator, finance, auditor, referrer, commissioner (comma-separated).' },
    contracts: { type: 'string', value: '<id,id>', description: 'For referrers and commissioners: the contract ids they are linked to.' },
    password: { type: 'string', value: '<password>', description: 'A local password of 12+ characters (it lands in your shell history: prefer the password-reset flow where there is one).' },
  },
  needs: 'services',
  parse: (values) => {
    const contracts = optional(values, 'contracts');
    const body = parseWith(
      CreateUserBodySchema,
      { email: required(values, 'email'), name: required(values, 'name'), roles: list(required(values, 'roles')), contractIds: contracts ? list(contracts) : [], password: optional(values, 'password') },
      (field) => `--${{ contractIds: 'contracts' }[field.split('.')[0]] ?? field.split('.')[0]}`,
    );
    return { org: required(values, 'org'), body };
  },
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const user = await audited(app, { organisationId: organisation.id, action: 'user create', resourceType: 'user', created: true }, () =>
      app.get(CreateUserUseCase).execute(cliMeta(organisation.id), input.body),
    );
    return {
      lines: [`created user ${user.email} (${user.name}) in ${organisation.slug} with roles ${user.roles.join(', ')}`, `id: ${user.id}`],
      json: { id: user.id, organisationId: organisation.id, email: user.email, name: user.name, roles: user.roles },
    };
  },
});
