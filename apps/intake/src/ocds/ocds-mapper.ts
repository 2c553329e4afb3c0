import { ProblemError } from '@mediation/platform';
import {
  ocdsDocumentKind,
  OcdsReleaseSchema,
  type Buyer,
  type ContractDefinition,
  type OcdsDocument,
  type OcdsRelease,
} from '@mediation/protocol';
import { z } from 'zod';
import { compileReleases } from './compile-releases';

type Value = NonNullable<NonNullable<OcdsRelease['tender']>['value']>;
type Period = NonNullable<NonNullable<OcdsRelease['tender']>['contractPeriod']>;
type Lot = NonNullable<NonNullable<OcdsRelease['tender']>['lots']>[number];
type Renewal = NonNullable<Lot['renewal']>;
type Criteria = NonNullable<Lot['awardCriteria']>;

/** The procurement facts an OCDS document gives a contract; service lines are not among them. */
export type OcdsContractFacts = Pick<ContractDefinition, 'title' | 'buyers' | 'lots' | 'cpvCodes' | 'awardCriteria'> &
  Partial<Pick<ContractDefinition, 'description' | 'period' | 'value' | 'procurement'>> & {
    ocid: string;
    /** The tender id, else the OCID: what the provider's reference defaults to. */
    suggestedReference: string;
    release: { id: string; date: string };
  };

/** Reads the latest state of the process: a release as is, releases compiled, a record's compiled release. */
export function latestRelease(doc: OcdsDocument): OcdsRelease {
  const d = doc as Record<string, unknown>;
  switch (ocdsDocumentKind(d)) {
    case 'release':
      return OcdsReleaseSchema.parse(d);
    case 'release-package':
      return compileReleases((d.releases as unknown[]).map((r) => OcdsReleaseSchema.parse(r)));
    case 'record':
      return recordRelease(d);
    case 'record-package':
      return recordRelease((d.records as Record<string, unknown>[])[0]);
  }
}

function recordRelease(record: Record<string, unknown>): OcdsRelease {
  if (record.compiledRelease) return OcdsReleaseSchema.parse(record.compiledRelease);
  return compileReleases((record.releases as unknown[]).map((r) => OcdsReleaseSchema.parse(r)));
}

/** Maps an OCDS release, release package, record or record package to the facts of a draft contract. */
export function mapOcdsDocument(doc: OcdsDocument): OcdsContractFacts {
  const release = latestRelease(doc);
  const tender = release.tender ?? {};
  const contract = release.contracts?.at(-1);
  const lots = tender.lots ?? [];
  const firstLot = lots.find((lot) => lot.contractPeriod) ?? lots[0];
  const renewal = contract ? undefined : (tender.renewal ?? firstLot?.renewal);
  const hasRenewal = tender.hasRenewal ?? firstLot?.hasRenewal;

  return {
    ocid: release.ocid,
    suggestedReference: clip(String(tender.id ?? release.ocid), 80),
    release: { id: String(release.id), date: release.date },
    title: clip(tender.title ?? contract?.title ?? `Contracting process ${release.ocid}`, 300),
    ...(tender.description ? { description: clip(tender.description, 20_000) } : {}),
    buyers: buyersOf(release),
    ...optional('period', periodOf(contract?.period ?? tender.contractPeriod ?? firstLot?.contractPeriod, hasRenewal, renewal)),
    ...optional('value', money(contract?.value ?? tender.value ?? sumOfLots(lots))),
    lots: lots.map((lot) => ({ id: clip(String(lot.id), 40), title: clip(lot.title ?? lot.description ?? `Lot ${lot.id}`, 300), ...optional('value', money(lot.value)) })),
    cpvCodes: cpvCodesOf(release),
    awardCriteria: [...lots.flatMap((lot) => criteriaOf(lot.awardCriteria, String(lot.id))), ...(typeof tender.awardCriteria === 'object' ? criteriaOf(tender.awardCriteria) : [])],
    procurement: {
      ...(tender.procurementMethod ? { method: clip(tender.procurementMethod, 100) } : {}),
      ...(tender.procurementMethodDetails ? { methodDetails: clip(tender.procurementMethodDetails, 300) } : {}),
      ...(tender.status ? { tenderStatus: tender.status } : {}),
      ...(tender.tenderPeriod ? { tenderPeriod: { ...optional('start', tender.tenderPeriod.startDate), ...optional('end', tender.tenderPeriod.endDate) } } : {}),
      noticeUrls: (tender.documents ?? []).map((d) => d.url).filter((url): url is string => !!url && z.url().safeParse(url).success).slice(0, 20),
    },
  };
}

function buyersOf(release: OcdsRelease): Buyer[] {
  const parties = (release.parties ?? []).filter((p) => p.roles?.includes('buyer') && p.name);
  const buyers: Buyer[] = parties.map((p) => ({
    name: clip(p.name!, 300),
    role: buyerRole(p.name!),
    ...(p.identifier?.scheme && p.identifier.id !== undefined ? { identifier: { scheme: clip(p.identifier.scheme, 40), id: clip(String(p.identifier.id), 100) } } : {}),
    ...contactOf(p.contactPoint),
  }));
  if (buyers.length === 0 && release.buyer?.name) buyers.push({ name: clip(release.buyer.name, 300), role: buyerRole(release.buyer.name) });
  if (buyers.length === 0) throw ProblemError.validation([{ field: 'buyer', message: 'the document names no buyer (`buyer.name` or a party with the role `buyer`)', code: 'no_buyer' }]);
  // The main buyer first, as OCDS's `buyer` names it.
  const main = release.buyer?.name?.toLowerCase();
  return buyers.sort((a, b) => Number(b.name.toLowerCase() === main) - Number(a.name.toLowerCase() === main)).slice(0, 20);
}

function contactOf(point: { name?: string; email?: string; telephone?: string } | undefined): Pick<Buyer, 'contact'> {
  if (!point) return {};
  const email = point.email?.trim().toLowerCase();
  const contact = {
    ...(point.name ? { name: clip(point.name, 200) } : {}),
    ...(email && z.email().safeParse(email).success ? { email } : {}),
    ...(point.telephone ? { phone: clip(point.telephone, 40) } : {}),
  };
  return Object.keys(contact).length ? { contact } : {};
}

/** A guess from the name, for the provider to correct: OCDS has no codelist for the kind of buyer. */
export function buyerRole(name: string): Buyer['role'] {
  const n = name.toLowerCase();
  if (/police and crime commissioner|\bopcc\b/.test(n)) return 'opcc';
  if (/police|constabulary/.test(n)) return 'police';
  if (/department for education|\bdfe\b/.test(n)) return 'dfe';
  if (/courts? and tribunals|hmcts|\bcourt\b/.test(n)) return 'court';
  if (/county council|local authority/.test(n)) return 'local-authority';
  if (/council|borough/.test(n)) return 'council';
  if (/ministry|department|home office|cabinet office/.test(n)) return 'central-government';
  return 'other';
}

function periodOf(period: Period | undefined, hasRenewal: boolean | undefined, renewal: Renewal | undefined): ContractDefinition['period'] | undefined {
  const extensions = extensionsOf(hasRenewal, renewal);
  if (!period && !extensions) return undefined;
  const start = period?.startDate ? londonDate(period.startDate) : undefined;
  const end = period?.endDate ? londonDate(period.endDate) : undefined;
  const maxEnd = period?.maxExtentDate ? londonDate(period.maxExtentDate) : undefined;
  return { ...optional('start', start), ...optional('end', end), ...optional('extensions', extensions), ...optional('maxEnd', maxEnd) };
}

/** "1 x 12 month option to extend" and `maximumRenewals` / `period.durationInDays`, as count and length. */
function extensionsOf(hasRenewal: boolean | undefined, renewal: Renewal | undefined): NonNullable<ContractDefinition['period']>['extensions'] | undefined {
  if (hasRenewal === false) return { count: 0 };
  if (!renewal && !hasRenewal) return undefined;
  const text = renewal?.description ?? '';
  const pattern = /(\d+)\s*(?:x|×)\s*(\d+)[\s-]*months?/i.exec(text);
  const count = renewal?.maximumRenewals ?? (pattern ? Number(pattern[1]) : 1);
  const days = renewal?.period?.durationInDays;
  const lengthMonths = pattern ? Number(pattern[2]) : days ? Math.max(1, Math.round(days / 30.4375)) : undefined;
  return { count: Math.min(count, 20), ...optional('lengthMonths', lengthMonths && Math.min(lengthMonths, 120)), ...(text ? { description: clip(text, 1000) } : {}) };
}

function money(value: Value | undefined): ContractDefinition['value'] | undefined {
  if (!value) return undefined;
  const net = value.amountNet ?? value.amount;
  const out = { ...optional('netPence', pence(net)), ...optional('grossPence', pence(value.amountGross)) };
  return Object.keys(out).length ? { ...out, currency: 'GBP' } : undefined;
}

function sumOfLots(lots: Lot[]): Value | undefined {
  const valued = lots.filter((lot) => lot.value?.amount !== undefined);
  if (valued.length === 0 || valued.length !== lots.length) return undefined;
  return { amount: valued.reduce((sum, lot) => sum + lot.value!.amount!, 0) };
}

function cpvCodesOf(release: OcdsRelease): ContractDefinition['cpvCodes'] {
  const items = [...(release.tender?.items ?? []), ...(release.contracts ?? []).flatMap((c) => c.items ?? [])];
  const classifications = items.flatMap((item) => [item.classification, ...(item.additionalClassifications ?? [])]).filter((c) => c && /^cpv$/i.test(c.scheme));
  const codes = new Map<string, string | undefined>();
  for (const c of classifications) {
    const code = /^(\d{8})(?:-\d)?$/.exec(String(c!.id).trim())?.[1];
    if (code && !codes.has(code)) codes.set(code, c!.description);
  }
  return [...codes].slice(0, 100).map(([code, description]) => ({ code, ...(description ? { description: clip(description, 300) } : {}) }));
}

function criteriaOf(criteria: Criteria | undefined, lotId?: string): ContractDefinition['awardCriteria'] {
  return (criteria?.criteria ?? []).map((c) => {
    const type = c.type === 'quality' || c.type === 'price' || c.type === 'cost' ? c.type : 'other';
    const weight = c.numbers?.find((n) => !n.weight || /percentage/i.test(n.weight))?.number;
    return { ...(lotId ? { lotId } : {}), type, name: clip(c.name ?? c.description ?? type, 300), ...(weight !== undefined && weight >= 0 && weight <= 100 ? { weightPercent: weight } : {}) };
  });
}

/** The calendar date in London of an OCDS date-time: `2028-03-31T23:59:59+01:00` ends on 31 March. */
export function londonDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

const pence = (pounds: number | undefined) => (pounds === undefined ? undefined : Math.round(pounds * 100));
const clip = (text: string, max: number) => text.trim().slice(0, max);
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
