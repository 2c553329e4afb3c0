import { randomUUID } from 'node:crypto';
import type { PlatformUnderTest } from './platform-under-test';
import { waitUntil } from './wait-until';

export interface SubmittedReferral {
  status: number;
  id?: string;
  email: string;
  problem?: string;
}

/** One referral with a referrer email of its own, so its acknowledgement can be found in the mail catcher. */
export function submitNumberedReferral(platform: PlatformUnderTest, i: number): Promise<SubmittedReferral> {
  const email = `officer-${i}-${randomUUID().slice(0, 8)}@council.example`;
  const body = {
    contractId: platform.contractId,
    externalReference: `LOAD-${i}-${randomUUID().slice(0, 6)}`,
    referrerType: 'council',
    referrer: { name: 'Pat Officer', email },
    parties: [
      { role: 'complainant', name: `Sam Resident ${i}` },
      { role: 'respondent', name: `Alex Neighbour ${i}` },
    ],
    summary: 'Loud music from the flat above after midnight.',
    consent: [{ givenBy: `Sam Resident ${i}`, relationship: 'tenant', givenAt: '2026-11-20T10:00:00Z', method: 'verbal', recordedBy: 'Pat Officer' }],
  };
  return platform
    .request<{ id: string }>('POST', '/v1/referrals', body)
    .then((res) => ({ status: res.status, id: res.body?.id, email, problem: res.status === 201 ? undefined : JSON.stringify(res.body).slice(0, 200) }))
    .catch((error: Error) => ({ status: 0, email, problem: error.message }));
}

/** Sends referrals at a steady rate until `stop()` says so; resolves with every request sent (each settles on its own). */
export async function sendSteadyReferrals(platform: PlatformUnderTest, ratePerSecond: number, stop: () => boolean): Promise<Promise<SubmittedReferral>[]> {
  const sent: Promise<SubmittedReferral>[] = [];
  const started = Date.now();
  for (let i = 0; !stop(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (i * 1000) / ratePerSecond - Date.now())));
    sent.push(submitNumberedReferral(platform, i));
  }
  return sent;
}

export interface ReferralTrail {
  /** Cases per referral id. */
  cases: Map<string, number>;
  /** The deadline rules started per referral id, sorted and joined with commas. */
  deadlines: Map<string, string>;
  /** Acknowledgements the referrer received: one Message-ID is one message, however often SMTP was given it. */
  emails(email: string): number;
}

/** What became of the referrals: cases, deadlines and acknowledgements, read from the services' own tables and the mail catcher. */
export async function readReferralTrail(platform: PlatformUnderTest): Promise<ReferralTrail> {
  const [cases, deadlines] = await Promise.all([
    platform.sql<{ referral_id: string; n: string }>('SELECT referral_id::text, count(*) AS n FROM casework."case" GROUP BY referral_id'),
    platform.sql<{ referral_id: string; rules: string }>(
      `SELECT c.referral_id::text, string_agg(d.rule, ',' ORDER BY d.rule) AS rules FROM scheduling.deadline d JOIN casework."case" c ON c.id = d.case_id GROUP BY c.referral_id`,
    ),
  ]);
  const sentMail = platform.mail.messages();
  return {
    cases: new Map(cases.map((c) => [c.referral_id, Number(c.n)])),
    deadlines: new Map(deadlines.map((d) => [d.referral_id, d.rules])),
    emails: (email: string) => new Set(sentMail.filter((m) => m.to.includes(email)).map((m) => m.messageId)).size,
  };
}

/** Referrals stored by intake (a 503 may have been stored too), with the referrer's email. */
export function storedReferrals(platform: PlatformUnderTest): Promise<{ id: string; email: string }[]> {
  return platform.sql<{ id: string; email: string }>(`SELECT id::text, referrer->>'email' AS email FROM intake.referral WHERE status <> 'rejected'`);
}

/** Acknowledgement deliveries notify recorded more than once for one referral (must be none). */
export async function duplicateAcknowledgements(platform: PlatformUnderTest): Promise<number> {
  const [row] = await platform.sql<{ duplicates: string }>(
    `SELECT count(*) AS duplicates FROM (SELECT referral_id FROM notify.delivery WHERE kind = 'referral-acknowledgement' GROUP BY referral_id HAVING count(*) > 1) d`,
  );
  return Number(row.duplicates);
}

/**
 * Waits until every stored referral has one case, the deadline rules given and an acknowledgement, then lets
 * redeliveries settle and says what was duplicated: referrals with more than one case or acknowledgement,
 * deadlines that changed after completion, and acknowledgement deliveries notify recorded twice.
 */
export async function settledReferralTrail(
  platform: PlatformUnderTest,
  stored: { id: string; email: string }[],
  rules: string,
  timeoutMs = 90_000,
): Promise<{ duplicated: { id: string; email: string; cases?: number; emails: number }[]; deadlinesChanged: string[]; duplicateDeliveries: number }> {
  const complete = await waitUntil(
    async () => {
      const t = await readReferralTrail(platform);
      return stored.every((r) => t.cases.get(r.id) === 1 && t.deadlines.get(r.id) === rules && t.emails(r.email) >= 1) ? t : undefined;
    },
    { what: `all ${stored.length} stored referrals to have a case, deadlines ${rules} and an acknowledgement`, timeoutMs, intervalMs: 1_000 },
  );
  // Nothing duplicated, once the redeliveries after a kill have all been settled.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const settled = await readReferralTrail(platform);
  return {
    duplicated: [...new Set([...stored.map((r) => r.id), ...settled.cases.keys()])]
      .map((id) => ({ id, email: stored.find((r) => r.id === id)?.email ?? '' }))
      .filter((r) => settled.cases.get(r.id) !== 1 || settled.emails(r.email) !== 1)
      .map((r) => ({ ...r, cases: settled.cases.get(r.id), emails: settled.emails(r.email) })),
    deadlinesChanged: [...complete.deadlines.keys()].filter((id) => settled.deadlines.get(id) !== complete.deadlines.get(id)),
    duplicateDeliveries: await duplicateAcknowledgements(platform),
  };
}

/** Events a service (or one replica, by its label) handled so far, from its own /metrics. */
export async function eventsHandled(platform: PlatformUnderTest, label: string): Promise<number> {
  const text = await platform.metrics(label);
  return [...text.matchAll(/^events_consumed_total\{[^}]*outcome="handled"[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}
