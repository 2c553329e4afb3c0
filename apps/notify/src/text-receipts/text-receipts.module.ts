import { Module } from '@nestjs/common';
import { CheckTextReceiptsUseCase } from './check-text-receipts.use-case';
import { TextReceiptRepository } from './text-receipt.repository';
import { TextReceiptsProcessor } from './text-receipts.processor';

/** Delivery receipts of texts, asked of the provider until final, published for the case's communications log. */
@Module({ providers: [TextReceiptRepository, CheckTextReceiptsUseCase, TextReceiptsProcessor] })
export class TextReceiptsModule {}
