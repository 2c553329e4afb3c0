import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AddPartyUseCase } from './add-party.use-case';
import { ListPartiesUseCase } from './list-parties.use-case';
import { PartyRepository } from './party.repository';
import { PartyRpcController } from './party.rpc-controller';
import { UpdatePartyUseCase } from './update-party.use-case';

/** The parties to a case; their access needs sealed. */
@Module({
  imports: [CasesModule],
  controllers: [PartyRpcController],
  providers: [PartyRepository, AddPartyUseCase, UpdatePartyUseCase, ListPartiesUseCase],
  exports: [PartyRepository],
})
export class PartiesModule {}
