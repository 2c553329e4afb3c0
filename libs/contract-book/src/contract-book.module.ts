import { DynamicModule, Global, Module } from '@nestjs/common';
import type { RpcClient } from '@mediation/messaging';
import { ActivityTypeCheck } from './activity-type';
import { ContractBook } from './contract-book';
import { CONTRACT_BOOK_OPTIONS, type ContractBookOptions } from './contract-book.options';
import { ContractPublishedHandler } from './contract-published.handler';
import { ContractVersionProjection } from './contract-version.projection';
import { IntakeContractsClient } from './intake-contracts.client';

/**
 * A service's contract book: its projection's consumer and the reader every feature injects. Needs
 * the service's DatabaseModule and MessagingModule (the inbox runs the handler; the RPC client asks intake).
 */
@Global()
@Module({})
export class ContractBookModule {
  static forService(options: ContractBookOptions): DynamicModule {
    return {
      module: ContractBookModule,
      providers: [
        { provide: CONTRACT_BOOK_OPTIONS, useValue: options },
        ContractVersionProjection,
        IntakeContractsClient,
        ContractBook,
        ContractPublishedHandler,
        ActivityTypeCheck,
      ],
      exports: [ContractBook, ActivityTypeCheck],
    };
  }
}

/** The book wired by hand, as the module wires it: for harnesses that build use-cases themselves. */
export function contractBookFor(options: ContractBookOptions, rpc: RpcClient): ContractBook {
  return new ContractBook(new ContractVersionProjection(options), new IntakeContractsClient(rpc, options));
}
