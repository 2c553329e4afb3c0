import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { CreditInvoiceUseCase } from './credit-invoice.use-case';
import { DraftInvoiceUseCase } from './draft-invoice.use-case';
import { IssueInvoiceUseCase } from './issue-invoice.use-case';
import { ReadInvoicesUseCase } from './read-invoices.use-case';
import { RecordPaymentUseCase } from './record-payment.use-case';
import { VoidInvoiceUseCase } from './void-invoice.use-case';

@Controller()
export class InvoicesRpcController {
  constructor(
    private readonly draft: DraftInvoiceUseCase,
    private readonly read: ReadInvoicesUseCase,
    private readonly issue: IssueInvoiceUseCase,
    private readonly voiding: VoidInvoiceUseCase,
    private readonly credit: CreditInvoiceUseCase,
    private readonly payment: RecordPaymentUseCase,
  ) {}

  @MessagePattern(Rpc.billing.recordPayment.subject)
  recordPayment(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.recordPayment, raw);
    return this.payment.execute(meta, data);
  }

  @MessagePattern(Rpc.billing.draftInvoice.subject)
  draftInvoice(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.draftInvoice, raw);
    return this.draft.execute(meta, data);
  }

  @MessagePattern(Rpc.billing.listInvoices.subject)
  listInvoices(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.listInvoices, raw);
    return this.read.list(meta, data);
  }

  @MessagePattern(Rpc.billing.getInvoice.subject)
  getInvoice(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getInvoice, raw);
    return this.read.get(meta, data.invoiceId);
  }

  @MessagePattern(Rpc.billing.getInvoiceFile.subject)
  getInvoiceFile(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getInvoiceFile, raw);
    return this.read.file(meta, data.invoiceId, data.format);
  }

  @MessagePattern(Rpc.billing.issueInvoice.subject)
  issueInvoice(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.issueInvoice, raw);
    return this.issue.execute(meta, data.invoiceId);
  }

  @MessagePattern(Rpc.billing.voidInvoice.subject)
  voidInvoice(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.voidInvoice, raw);
    return this.voiding.execute(meta, data);
  }

  @MessagePattern(Rpc.billing.creditInvoice.subject)
  creditInvoice(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.creditInvoice, raw);
    return this.credit.execute(meta, data);
  }
}
