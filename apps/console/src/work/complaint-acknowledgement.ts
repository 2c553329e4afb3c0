import { optionalInstant, type Form } from '../cases/case-forms';

/**
 * The acknowledgement form -> `POST /v1/cases/:id/complaints/:complaintId/acknowledge`'s body: when the
 * complainant was told it was received, a London date and time, or now when both are left empty. Whether
 * that time may be used (not in the future, not before the receipt) is the API's to say.
 */
export function acknowledgementBody(form: Form, now: Date): { acknowledgedAt: string } {
  return { acknowledgedAt: optionalInstant(form, 'acknowledgedDate', 'acknowledgedTime') ?? now.toISOString() };
}

/** The control each field the API (or the form's own date and time check) names belongs to. */
export const ACKNOWLEDGEMENT_FIELD_IDS: Record<string, string> = {
  acknowledgedAt: 'acknowledged-date',
  acknowledgedDate: 'acknowledged-date',
  acknowledgedTime: 'acknowledged-time',
};
