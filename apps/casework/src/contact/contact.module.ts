import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CommunicationsModule } from '../communications/communications.module';
import { PartyContacts } from './party-contacts';

/** The contact rule every message to a party passes, with each refusal logged on the case. */
@Module({
  imports: [CasesModule, CommunicationsModule],
  providers: [PartyContacts],
  exports: [PartyContacts],
})
export class ContactModule {}
