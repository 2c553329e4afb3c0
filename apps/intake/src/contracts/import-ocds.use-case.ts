import { Injectable } from '@nestjs/common';
import { Clock, parseOrThrow } from '@mediation/platform';
import {
  ContractDefinitionSchema,
  type ContractDefinition,
  type ContractDefinitionInput,
  type OcdsDocument,
  type OcdsImportQuery,
  type OcdsImportResult,
  type RpcMeta,
} from '@mediation/protocol';
import { mapOcdsDocument, type OcdsContractFacts } from '../ocds/ocds-mapper';
import { findTemplate } from '../templates/template-registry';
import { whyContractCannotRun } from './contract-can-run.rule';
import { ContractRepository } from './contract.repository';
import { ContractRevisions } from './contract-revisions';

/**
 * An OCDS document becomes a draft contract, or a new version of the contract already holding its
 * OCID: the procurement facts are replaced, everything the provider set up (service lines) is kept.
 * The answer warns of what was left out and of why the contract could not be published as it stands
 * (a period already ended, a cancelled award, a terminated contract); an active contract's new
 * version is published at once, so one that says the process stopped is refused (422).
 */
@Injectable()
export class ImportOcdsUseCase {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly revisions: ContractRevisions,
    private readonly clock: Clock,
  ) {}

  async execute(meta: RpcMeta, document: OcdsDocument, options: OcdsImportQuery): Promise<OcdsImportResult> {
    const facts = mapOcdsDocument(document);
    const existing = await this.contracts.findByOcid(meta.organisationId, facts.ocid);
    const template = options.template ? findTemplate(options.template) : undefined;

    if (existing) {
      const current = existing.definition as ContractDefinition;
      const serviceLines = current.serviceLines.length === 0 && template ? template.definition.serviceLines : current.serviceLines;
      const definition = this.definition({ ...current, serviceLines }, facts, current.reference);
      return { outcome: 'updated', contract: await this.revisions.revise(meta, existing, definition), warnings: this.warnings(facts, definition) };
    }
    const base: Omit<ContractDefinitionInput, 'reference' | 'title' | 'buyers'> = template
      ? { ...template.definition, origin: { template: template.key } }
      : { serviceLines: [] };
    const definition = this.definition(base, facts, options.reference ?? facts.suggestedReference);
    return {
      outcome: 'created',
      contract: await this.revisions.create(meta, definition, { template: options.template ?? null, publish: false }),
      warnings: this.warnings(facts, definition),
    };
  }

  private warnings(facts: OcdsContractFacts, definition: ContractDefinition): OcdsImportResult['warnings'] {
    return [...facts.warnings, ...whyContractCannotRun(definition, this.clock.now())].map(({ field, code, message }) => ({
      field,
      code: code ?? 'warning',
      message,
    }));
  }

  private definition(base: Omit<ContractDefinitionInput, 'reference' | 'title' | 'buyers'>, facts: OcdsContractFacts, reference: string): ContractDefinition {
    const { title, description, buyers, period, value, lots, cpvCodes, awardCriteria, procurement, ocid, release } = facts;
    return parseOrThrow(ContractDefinitionSchema, {
      ...base,
      title,
      ...(description !== undefined ? { description } : {}),
      buyers,
      ...(period ? { period } : {}),
      ...(value ? { value } : {}),
      lots,
      cpvCodes,
      awardCriteria,
      ...(procurement ? { procurement } : {}),
      ocid,
      reference,
      origin: {
        ...base.origin,
        ocds: { ocid: facts.ocid, releaseId: release.id.slice(0, 300), releaseDate: release.date, importedAt: this.clock.now().toISOString() },
      },
    });
  }
}
