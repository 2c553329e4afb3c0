import { RpcClient } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { readFileSync } from 'node:fs';
import { audited, cliMeta, organisationBySlug } from './cli-actor';
import { defineCommand, optional, required, UsageError } from './command';
import { parseWith } from './parse-with';

/** Contracts live in intake: these commands ask it over NATS, like the gateway does, and wait a little longer. */
const RPC_TIMEOUT_MS = 15_000;

export const contractCreate = defineCommand({
  group: 'contract',
  verb: 'create',
  summary: 'Create a contract from one of the shipped templates (a draft unless --publish).',
  options: {
    org: { type: 'string', value: '<slug>', required: true, description: 'The organisation that runs the contract.' },
    template: { type: 'string', value: '<key>', required: true, description: 'The template: housing-asb, possession, send, oocr or pre-cmh.' },
    reference: { type: 'string', value: '<ref>', required: true, description: "The provider's reference for the contract." },
    title: { type: 'string', value: '<title>', description: "The title (default: the template's)." },
    buyer: { type: 'string', value: '<name>', description: "The buying authority (default: the template's)." },
    publish: { type: 'boolean', description: 'Publish it at once, so it accepts referrals.' },
  },
  needs: 'services',
  parse: (values) => {
    const body = parseWith(Rpc.intake.createContract.request, {
      template: required(values, 'template'),
      reference: required(values, 'reference'),
      title: optional(values, 'title'),
      buyer: optional(values, 'buyer'),
      publish: values.publish === true,
    });
    return { org: required(values, 'org'), body };
  },
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const contract = await audited(app, { organisationId: organisation.id, action: 'contract create', resourceType: 'contract', created: true }, () =>
      app.get(RpcClient).call(Rpc.intake.createContract, cliMeta(organisation.id), input.body, RPC_TIMEOUT_MS),
    );
    return {
      lines: [
        `created contract ${contract.reference} (${contract.title}) for ${organisation.slug}: ${contract.status}, version ${contract.version}`,
        `id: ${contract.id}`,
      ],
      json: contract,
    };
  },
});

/** The OCDS JSON in a file: the whole file, or (as in the seed notices) the JSON that follows some text. */
export function readOcdsFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--file: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    const start = text.search(/^\{/m);
    if (start >= 0) {
      try {
        return JSON.parse(text.slice(start));
      } catch {
        // fall through to the error below
      }
    }
    throw new UsageError(`--file: ${file} is not JSON, and no JSON document follows its text`);
  }
}

export const contractImportOcds = defineCommand({
  group: 'contract',
  verb: 'import-ocds',
  summary: 'Import an OCDS release, release package, record or compiled record into a draft contract (the same OCID again updates it).',
  options: {
    org: { type: 'string', value: '<slug>', required: true, description: 'The organisation that runs the contract.' },
    file: { type: 'string', value: '<path>', required: true, description: 'The OCDS JSON, or a notice whose text ends with it.' },
    template: { type: 'string', value: '<key>', description: 'A template to supply the service lines of a new contract.' },
    reference: { type: 'string', value: '<ref>', description: "The provider's reference for a new contract (default: the OCID)." },
  },
  needs: 'services',
  parse: (values) => {
    const file = required(values, 'file');
    const request = parseWith(
      Rpc.intake.importOcds.request,
      { document: readOcdsFile(file), options: { template: optional(values, 'template'), reference: optional(values, 'reference') } },
      (field) => (field.startsWith('options.') ? `--${field.slice('options.'.length)}` : `--file: ${field.replace(/^document\.?/, '') || '(document)'}`),
    );
    return { org: required(values, 'org'), request };
  },
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const result = await audited(
      app,
      { organisationId: organisation.id, action: 'contract import-ocds', resourceType: 'contract', created: true },
      () => app.get(RpcClient).call(Rpc.intake.importOcds, cliMeta(organisation.id), input.request, RPC_TIMEOUT_MS),
      (imported) => imported.contract.id,
    );
    const { contract } = result;
    return {
      lines: [
        `${result.outcome} contract ${contract.reference} (${contract.title}) for ${organisation.slug}: ${contract.status}, version ${contract.version}`,
        `id: ${contract.id}`,
        `ocid: ${contract.ocid ?? '-'}`,
        ...result.warnings.map((w) => `warning: ${w.field}: ${w.message}`),
      ],
      json: result,
    };
  },
});

export const contractList = defineCommand({
  group: 'contract',
  verb: 'list',
  summary: "List an organisation's contracts.",
  options: { org: { type: 'string', value: '<slug>', required: true, description: 'The organisation.' } },
  needs: 'services',
  parse: (values) => ({ org: required(values, 'org') }),
  run: async (app, input) => {
    const organisation = await organisationBySlug(app, input.org);
    const { items } = await app.get(RpcClient).call(Rpc.intake.listContracts, cliMeta(organisation.id), {}, RPC_TIMEOUT_MS);
    const lines =
      items.length === 0
        ? [`${organisation.slug} has no contracts yet`]
        : items.map((c) => `${c.id}  ${c.reference}  ${c.status}  v${c.version}  ${c.template ?? '-'}  ${c.title}`);
    return { lines, json: { items } };
  },
});
