import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { PartiesModule } from '../parties/parties.module';
import { CommunicationRepository } from './communication.repository';
import { CommunicationRpcController } from './communication.rpc-controller';
import { DeliveryFailedHandler } from './delivery-failed.handler';
import { DeliveryReceiptHandler } from './delivery-receipt.handler';
import { DeliverySentHandler } from './delivery-sent.handler';
import { ListCommunicationsUseCase } from './list-communications.use-case';
import { LogCommunicationUseCase } from './log-communication.use-case';
import { PlatformDeliveryLog } from './platform-delivery-log';
import { RecordDeliveryReceiptUseCase } from './record-delivery-receipt.use-case';
import { RecordDeliveryUseCase } from './record-delivery.use-case';
import { RecordFailedDeliveryUseCase } from './record-failed-delivery.use-case';

/** A case's communications log: logged by staff, and notify's deliveries recorded as they are sent or fail. */
@Module({
  imports: [CasesModule, PartiesModule],
  controllers: [CommunicationRpcController],
  providers: [
    CommunicationRepository,
    LogCommunicationUseCase,
    ListCommunicationsUseCase,
    PlatformDeliveryLog,
    RecordDeliveryUseCase,
    RecordFailedDeliveryUseCase,
    DeliverySentHandler,
    DeliveryFailedHandler,
    RecordDeliveryReceiptUseCase,
    DeliveryReceiptHandler,
  ],
  exports: [CommunicationRepository],
})
export class CommunicationsModule {}
