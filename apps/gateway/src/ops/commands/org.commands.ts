import { CreateOrganisationUseCase } from '../../organisations/create-organisation.use-case';
import { audited } from './cli-actor';
import { defineCommand, required } from './command';

export const orgCreate = defineCommand({
  group: 'org',
  verb: 'create',
  summary: 'Create a provider organisation (a tenant).',
  options: {
    name: { type: 'string', value: '<name>', required: true, description: 'Its name, e.g. "North Mediation Ltd".' },
    slug: {
      type: 'string',
      value: '<slug>',
      required: true,
      description: 'Its short name: 2-63 lower-case letters, digits or -; people give it when signing in.',
    },
  },
  needs: 'database',
  parse: (values) => {
    const slug = required(values, 'slug');
    return { name: required(values, 'name'), slug };
  },
  run: async (app, input) => {
    const organisation = await app.get(CreateOrganisationUseCase).execute(input);
    // Recorded once it exists: its trail starts with its own creation.
    await audited(
      app,
      { organisationId: organisation.id, action: 'org create', resourceType: 'organisation', resourceId: organisation.id, created: true },
      async () => organisation,
    );
    return {
      lines: [`created organisation ${organisation.slug} (${organisation.name})`, `id: ${organisation.id}`],
      json: { id: organisation.id, name: organisation.name, slug: organisation.slug, createdAt: organisation.createdAt.toISOString() },
    };
  },
});
