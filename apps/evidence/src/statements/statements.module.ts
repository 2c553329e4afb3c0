import { Module } from '@nestjs/common';
import { GrantGuard } from '../grants/grant.guard';
import { ItemsModule } from '../items/items.module';
import { MakeWitnessStatementUseCase } from './make-witness-statement.use-case';
import { StatementHttpController } from './statement.http-controller';

/** Witness statements made on the platform: statement of truth, typed signature, exhibits referred to. */
@Module({
  imports: [ItemsModule],
  controllers: [StatementHttpController],
  providers: [MakeWitnessStatementUseCase, GrantGuard],
})
export class StatementsModule {}
