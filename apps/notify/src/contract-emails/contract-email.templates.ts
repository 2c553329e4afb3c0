import { calendarDay, londonDateTime, pounds } from '@mediation/documents';
import type { EventData, InvoiceEmailRequestedV1, PackEmailRequestedV1, SpendAlertEmailRequestedV1 } from '@mediation/protocol';
import { oneLine } from '../mail/mail-text';

export const INVOICE_EMAIL = 'invoice';
export const SPEND_ALERT_EMAIL = 'spend-alert';
export const CONTRACT_PACK_EMAIL = 'contract-pack';

interface Email {
  subjectLine: string;
  body: string;
}

/** The covering email of an issued invoice or credit note; its PDF goes with it. */
export function invoiceEmail(invoice: EventData<typeof InvoiceEmailRequestedV1>, seller: string): Email {
  const what = invoice.kind === 'credit-note' ? 'Credit note' : 'Invoice';
  const number = oneLine(invoice.number);
  const lines = [
    `${what} ${number} to ${oneLine(invoice.buyerName)} for ${calendarDay(invoice.periodFrom)} onwards is attached as a PDF.`,
    `Net ${pounds(invoice.netPence)}, VAT ${pounds(invoice.vatPence)}, total ${pounds(invoice.grossPence)}.`,
    ...(invoice.kind === 'invoice' ? [`Payment is due by ${calendarDay(invoice.dueOn)}; please quote ${number}.`] : []),
  ];
  return { subjectLine: `${what} ${number} from ${oneLine(seller)}`, body: lines.join('\n') };
}

/** Telling the contract manager that spend crossed a threshold of the budget or cap. */
export function spendAlertEmail(alert: EventData<typeof SpendAlertEmailRequestedV1>): Email {
  const reference = oneLine(alert.reference);
  const limit =
    alert.limitKind === 'annual-budget' ? `the yearly budget (the contract year from ${calendarDay(alert.contractYearStart)})` : 'the contract’s cap';
  const lines = [
    ...(alert.recipient.name ? [`Dear ${oneLine(alert.recipient.name)},`, ''] : []),
    `Spend under ${oneLine(alert.title)} (${reference}) has reached ${alert.thresholdPercent}% of ${limit}:`,
    `${pounds(alert.spentPence)} of ${pounds(alert.limitPence)}, as of ${londonDateTime(alert.crossedAt)} (UK time).`,
    'You are told once for each of 75%, 90% and 100%.',
  ];
  return { subjectLine: `${reference}: spend has reached ${alert.thresholdPercent}% of its limit`, body: lines.join('\n') };
}

/** The covering email of a monthly KPI pack; its PDF and CSV go with it. */
export function packEmail(pack: EventData<typeof PackEmailRequestedV1>): Email {
  const reference = oneLine(pack.reference);
  const month = new Date(`${pack.period}-01T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'Europe/London' });
  const lines = [
    `The performance pack of ${oneLine(pack.title)} (${reference}) for ${month} is attached: the KPIs against their targets, the twelve-month trend and the month’s volumes as a PDF, and the same figures as a CSV.`,
    ...(pack.issue > 1
      ? ['', `This is issue ${pack.issue} of the month’s pack, issued again from the figures as they now stand; it replaces the earlier issue.`]
      : []),
  ];
  return { subjectLine: `${reference}: performance pack for ${month}${pack.issue > 1 ? ` (issue ${pack.issue})` : ''}`, body: lines.join('\n') };
}
