import { z } from 'zod';
import {
  ActivityPriceBodySchema,
  ActivityPriceViewSchema,
  ContractBillingQuerySchema,
  ContractBillingViewSchema,
  CreditNoteBodySchema,
  DraftInvoiceBodySchema,
  InvoiceFileSchema,
  InvoiceListSchema,
  InvoicePaymentBodySchema,
  InvoiceViewSchema,
  ListInvoicesQuerySchema,
  VoidInvoiceBodySchema,
} from '../http/billing.schemas';
import {
  PayrollViewSchema,
  StaffStatementListSchema,
  StaffStatementViewSchema,
  StatementFileSchema,
  StatementPeriodSchema,
} from '../http/staff-statement.schemas';
import { defineRpc } from './define-rpc';

const invoiceId = z.uuid().describe('The invoice id.');
const activityTypeRef = {
  contractId: z.uuid().describe('The contract.'),
  serviceLine: z.string().describe('The service line key.'),
  activityType: z.string().describe('The activity type (a session type of the line).'),
};

/** Billing's verbs, asked by the gateway (and `get-invoice-file` by notify, to attach an issued invoice's PDF when sending it). */
export const BILLING_RPC = {
  draftInvoice: defineRpc({
    service: 'billing',
    verb: 'draft-invoice',
    description: 'Draft the invoice of one billing period of a contract: instalments due, and what the ledger holds not yet invoiced.',
    request: DraftInvoiceBodySchema.extend({ contractId: z.uuid().describe('The contract.') }),
    response: InvoiceViewSchema,
  }),
  listInvoices: defineRpc({
    service: 'billing',
    verb: 'list-invoices',
    description: 'Invoices and credit notes, filtered; a contract-bound caller sees only its contracts’ issued ones.',
    request: ListInvoicesQuerySchema,
    response: InvoiceListSchema,
  }),
  getInvoice: defineRpc({
    service: 'billing',
    verb: 'get-invoice',
    description: 'One invoice or credit note.',
    request: z.object({ invoiceId }),
    response: InvoiceViewSchema,
  }),
  getInvoiceFile: defineRpc({
    service: 'billing',
    verb: 'get-invoice-file',
    description: 'One invoice as a PDF or CSV, base64-encoded.',
    request: z.object({ invoiceId, format: z.enum(['pdf', 'csv']).describe('PDF or CSV.') }),
    response: InvoiceFileSchema,
  }),
  issueInvoice: defineRpc({
    service: 'billing',
    verb: 'issue-invoice',
    description: 'Issue a draft: give it the next number of the organisation’s series; it never changes again.',
    request: z.object({ invoiceId }),
    response: InvoiceViewSchema,
  }),
  voidInvoice: defineRpc({
    service: 'billing',
    verb: 'void-invoice',
    description: 'Void a draft or an issued invoice; its ledger entries may be invoiced again.',
    request: VoidInvoiceBodySchema.extend({ invoiceId }),
    response: InvoiceViewSchema,
  }),
  recordPayment: defineRpc({
    service: 'billing',
    verb: 'record-payment',
    description: 'Record that an issued invoice was paid: issued -> paid (nothing else about it changes).',
    request: InvoicePaymentBodySchema.extend({ invoiceId }),
    response: InvoiceViewSchema,
  }),
  creditInvoice: defineRpc({
    service: 'billing',
    verb: 'credit-invoice',
    description: 'Issue a credit note against an issued invoice, with a credit entry in the ledger per line credited.',
    request: CreditNoteBodySchema.extend({ invoiceId }),
    response: InvoiceViewSchema,
  }),
  getContractBilling: defineRpc({
    service: 'billing',
    verb: 'get-contract-billing',
    description: 'Spend this contract year against the budget or cap, cases used of N, overage and a forecast to year end.',
    request: ContractBillingQuerySchema.extend({ contractId: z.uuid().describe('The contract.') }),
    response: ContractBillingViewSchema,
  }),
  setActivityPrice: defineRpc({
    service: 'billing',
    verb: 'set-activity-price',
    description: 'Set what each activity of a type of a contract’s line costs (per activity or per attendee), for activities billed from now on.',
    request: z.object({ ...activityTypeRef, price: ActivityPriceBodySchema }),
    response: ActivityPriceViewSchema,
  }),
  getActivityPrice: defineRpc({
    service: 'billing',
    verb: 'get-activity-price',
    description: 'What each activity of a type of a contract’s line costs; not priced (null) when never set.',
    request: z.object({ ...activityTypeRef }),
    response: ActivityPriceViewSchema,
  }),
  listStaffStatements: defineRpc({
    service: 'billing',
    verb: 'list-staff-statements',
    description: 'A member of staff’s monthly statements (fees of the sessions they worked), newest first.',
    request: z.object({ staffId: z.uuid().describe('The member of staff.') }),
    response: StaffStatementListSchema,
  }),
  getStaffStatement: defineRpc({
    service: 'billing',
    verb: 'get-staff-statement',
    description: 'One monthly statement of a member of staff, with its sessions (404 when they worked none that month).',
    request: z.object({ staffId: z.uuid().describe('The member of staff.'), period: StatementPeriodSchema }),
    response: StaffStatementViewSchema,
  }),
  getStaffStatementFile: defineRpc({
    service: 'billing',
    verb: 'get-staff-statement-file',
    description: 'One monthly statement as CSV, base64-encoded.',
    request: z.object({ staffId: z.uuid().describe('The member of staff.'), period: StatementPeriodSchema }),
    response: StatementFileSchema,
  }),
  getPayroll: defineRpc({
    service: 'billing',
    verb: 'get-payroll',
    description: 'Every member of staff’s statement for a month, for payroll.',
    request: z.object({ period: StatementPeriodSchema }),
    response: PayrollViewSchema,
  }),
  getPayrollFile: defineRpc({
    service: 'billing',
    verb: 'get-payroll-file',
    description: 'The month’s payroll as CSV, base64-encoded: one row per member of staff.',
    request: z.object({ period: StatementPeriodSchema }),
    response: StatementFileSchema,
  }),
} as const;
