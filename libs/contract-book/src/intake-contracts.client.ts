import { Inject, Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc, uuidv7, type ContractDefinition, type RpcMeta } from '@mediation/protocol';
import { CONTRACT_BOOK_OPTIONS, INTAKE_TIMEOUT_MS, type ContractBookOptions } from './contract-book.options';

export interface IntakeVersion {
  contractId: string;
  version: number;
  status: string;
  template: string | null;
  /** Already parsed by the protocol schema on its way in. */
  definition: ContractDefinition;
}

/**
 * Intake's contract registry, asked for what the projection lacks. One failure behaviour for every
 * reader: intake's "no such contract or version" is null; anything else that keeps intake from
 * answering (not running, too slow, a reply it cannot read) is a 503 naming intake, which an HTTP
 * read passes on and an event handler turns into a retry of its event.
 */
@Injectable()
export class IntakeContractsClient {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONTRACT_BOOK_OPTIONS) private readonly options: Pick<ContractBookOptions, 'service'>,
  ) {}

  version(organisationId: string, contractId: string, version: number, correlationId = uuidv7()): Promise<IntakeVersion | null> {
    return this.ask(`contract ${contractId} version ${version}`, () =>
      this.rpc.call(Rpc.intake.getContractVersion, this.meta(organisationId, correlationId), { contractId, version }, INTAKE_TIMEOUT_MS),
    );
  }

  /** The version intake last published; null when it has no such contract or never published it. */
  async publishedVersion(organisationId: string, contractId: string, correlationId = uuidv7()): Promise<number | null> {
    const contract = await this.ask(`contract ${contractId}`, () =>
      this.rpc.call(Rpc.intake.getContract, this.meta(organisationId, correlationId), { contractId }, INTAKE_TIMEOUT_MS),
    );
    return contract?.publishedVersion ?? null;
  }

  private meta(organisationId: string, correlationId: string): RpcMeta {
    return { organisationId, actorId: `service:${this.options.service}`, actorType: 'system', correlationId };
  }

  private async ask<T>(what: string, call: () => Promise<T>): Promise<T | null> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 404) return null;
      const reason = error instanceof ProblemError ? (error.problem.detail ?? error.problem.title) : (error as Error)?.message;
      throw ProblemError.unavailable(`The ${this.options.service} service could not read ${what} from intake (${reason}); try again shortly.`);
    }
  }
}
