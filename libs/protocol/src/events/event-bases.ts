import { z } from 'zod';

/** An instant with its offset, as every event states a time. */
export const at = () => z.iso.datetime({ offset: true });

/** What every event about one case starts with: the case and the contract it runs under. */
export const CaseEventBase = z.object({
  caseId: z.uuid().describe('The case.'),
  contractId: z.uuid().describe('The contract.'),
});

/** What every event about one complaint on a case starts with. */
export const ComplaintEventBase = CaseEventBase.extend({
  complaintId: z.uuid().describe('The complaint.'),
});

/** Someone the platform writes to, by name and address; described where it is used (the referring officer, the party…). Only internal events carry one. */
export const ContactSchema = z.object({
  name: z.string().describe('Name.'),
  email: z.email().describe('Address.'),
});
