import { parseOrThrow, ProblemError } from '@mediation/platform';
import { ocdsDocumentKind, OcdsReleaseSchema, type Buyer, type ContractDefinition, type OcdsDocument, type OcdsRelease } from '@mediation/protocol';
import { z } from 'zod';
import { compileReleases } from './compile-releases';

type Value = NonNullable<NonNullable<OcdsRelease['tender']>['value']>;
type Period = NonNullable<NonNullable<OcdsRelease['tender']>['contractPeriod']>;
type Lot = NonNullable<NonNullable<OcdsRelease['tender']>['lots']>[number];
type Renewal = NonNullable<Lot['renewal']>;
type Criteria = NonNullable<Lot['awardCriteria']>;

/** Something the import left out or could not trust, told on the answer rather than guessed. */
export interface ImportWarning {
  field: string;
  code: string;
  message: string;
}

/** The procurement facts an OCDS document gives a contract; service lines are not among them. */
export type OcdsContractFacts = Pick<ContractDefinition, 'title' | 'buyers' | 'lots' | 'cpvCodes' | 'awardCriteria'> &
  Partial<Pick<ContractDefinition, 'description' | 'period' | 'value' | 'procurement'>> & {
    ocid: string;
    /** What the provider's reference defaults to: the OCID, the one id unique to a contracting process (a tender id is unique only within its OCID). */
    suggestedReference: string;
    release: { id: string; date: string };
    warnings: ImportWarning[];
  };

/** Reads the latest state of the process: a release, releases compiled, a record's compiled release (nulls are deletions). */
export function latestRelease(doc: OcdsDocument): OcdsRelease {
  const d = doc as Record<string, unknown>;
  switch (ocdsDocumentKind(d)) {
    case 'release':
      return compiled([d]);
    case 'release-package':
      return compiled(d.releases as Record<string, unknown>[]);
    case 'record':
      return recordRelease(d);
    case 'record-package':
      return recordRelease((d.records as Record<string, unknown>[])[0]);
  }
}

function recordRelease(record: Record<string, unknown>): OcdsRelease {
  return compiled(record.compiledRelease ? [record.compiledRelease as Record<string, unknown>] : (record.releases as Record<string, unknown>[]));
}

/** What the releases add up to, checked again: a 400 naming the field, should merging them make something no release said. */
const compiled = (releases: Record<string, unknown>[]): OcdsRelease => parseOrThrow(OcdsReleaseSchema, compileReleases(releases));

/** Statuses of an award or contract that did not (or no longer) go ahead. */
const DID_NOT_PROCEED = new Set(['cancelled', 'unsuccessful', 'terminated']);

/** The latest one still going ahead, else the latest: its facts are the contract's, and its status is told. */
function current<T extends { status?: string }>(list: T[] | undefined): Indexed<T> {
  const indexed = (list ?? []).map((item, index) => ({ item, index }));
  return indexed.filter(({ item }) => !DID_NOT_PROCEED.has(item.status ?? '')).at(-1) ?? indexed.at(-1);
}

/**
 * Maps an OCDS release, release package, record or record package to the facts of a draft contract.
 * Value and period come from the signed contract, else its award, else the tender (an award-only
 * release has no tender value); dates are the calendar dates as published; a value is kept only in GBP.
 */
export function mapOcdsDocument(doc: OcdsDocument): OcdsContractFacts {
  const release = latestRelease(doc);
  const tender = release.tender ?? {};
  const contract = current(release.contracts);
  const award = contract?.item.awardID !== undefined ? indexOf(release.awards, contract.item.awardID) : current(release.awards);
  const lots = tender.lots ?? [];
  const firstLot = lots.find((lot) => lot.contractPeriod) ?? lots[0];
  const renewal = contract ? undefined : (tender.renewal ?? firstLot?.renewal);
  const hasRenewal = tender.hasRenewal ?? firstLot?.hasRenewal;
  const warnings: ImportWarning[] = [];
  const valued = valueSource(contract, award, tender.value, lots);

  return {
    ocid: release.ocid,
    suggestedReference: clip(release.ocid, 80),
    release: { id: String(release.id), date: release.date },
    title: clip(tender.title ?? award?.item.title ?? contract?.item.title ?? `Contracting process ${release.ocid}`, 300),
    ...(tender.description ? { description: clip(tender.description, 20_000) } : {}),
    buyers: buyersOf(release),
    ...optional(
      'period',
      periodOf(contract?.item.period ?? award?.item.contractPeriod ?? tender.contractPeriod ?? firstLot?.contractPeriod, hasRenewal, renewal),
    ),
    ...optional('value', valued ? money(valued.value, valued.field, warnings) : undefined),
    lots: lots.map((lot, i) => ({
      id: clip(String(lot.id), 40),
      title: clip(lot.title ?? lot.description ?? `Lot ${lot.id}`, 300),
      ...optional('value', money(lot.value, `tender.lots.${i}.value`, warnings)),
    })),
    cpvCodes: cpvCodesOf(release),
    awardCriteria: [
      ...lots.flatMap((lot) => criteriaOf(lot.awardCriteria, String(lot.id))),
      ...(typeof tender.awardCriteria === 'object' ? criteriaOf(tender.awardCriteria) : []),
    ],
    procurement: {
      ...(tender.procurementMethod ? { method: clip(tender.procurementMethod, 100) } : {}),
      ...(tender.procurementMethodDetails ? { methodDetails: clip(tender.procurementMethodDetails, 300) } : {}),
      ...(tender.status ? { tenderStatus: tender.status } : {}),
      ...(award?.item.status ? { awardStatus: award.item.status } : {}),
      ...(contract?.item.status ? { contractStatus: contract.item.status } : {}),
      ...(tender.tenderPeriod
        ? { tenderPeriod: { ...optional('start', tender.tenderPeriod.startDate), ...optional('end', tender.tenderPeriod.endDate) } }
        : {}),
      noticeUrls: (tender.documents ?? [])
        .map((d) => d.url)
        .filter((url): url is string => !!url && z.url().safeParse(url).success)
        .slice(0, 20),
    },
    warnings,
  };
}

type Indexed<T> = { item: T; index: number } | undefined;

/** Where the contract's value is read: the signed contract, its award, the tender, else its lots added up. */
function valueSource(
  contract: Indexed<{ value?: Value }>,
  award: Indexed<{ value?: Value }>,
  tenderValue: Value | undefined,
  lots: Lot[],
): { value: Value; field: string } | undefined {
  if (contract?.item.value) return { value: contract.item.value, field: `contracts.${contract.index}.value` };
  if (award?.item.value) return { value: award.item.value, field: `awards.${award.index}.value` };
  if (tenderValue) return { value: tenderValue, field: 'tender.value' };
  const sum = sumOfLots(lots);
  return sum && { value: sum, field: 'tender.lots' };
}

function indexOf<T extends { id: string | number }>(list: T[] | undefined, id: string | number): Indexed<T> {
  const index = (list ?? []).findIndex((item) => String(item.id) === String(id));
  return index >= 0 ? { item: list![index], index } : undefined;
}

function buyersOf(release: OcdsRelease): Buyer[] {
  const parties = (release.parties ?? []).filter((p) => p.roles?.includes('buyer') && p.name);
  const buyers: Buyer[] = parties.map((p) => ({
    name: clip(p.name!, 300),
    role: buyerRole(p.name!),
    ...(p.identifier?.scheme && p.identifier.id !== undefined
      ? { identifier: { scheme: clip(p.identifier.scheme, 40), id: clip(String(p.identifier.id), 100) } }
      : {}),
    ...contactOf(p.contactPoint),
  }));
  if (buyers.length === 0 && release.buyer?.name) buyers.push({ name: clip(release.buyer.name, 300), role: buyerRole(release.buyer.name) });
  if (buyers.length === 0)
    throw ProblemError.validation([
      { field: 'buyer', message: 'the document names no buyer (`buyer.name` or a party with the role `buyer`)', code: 'no_buyer' },
    ]);
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
  const found = {
    ...optional('start', period?.startDate ? publishedDate(period.startDate) : undefined),
    ...optional('end', period?.endDate ? publishedDate(period.endDate) : undefined),
    ...optional('extensions', extensionsOf(hasRenewal, renewal)),
    ...optional('maxEnd', period?.maxExtentDate ? publishedDate(period.maxExtentDate) : undefined),
  };
  return Object.keys(found).length > 0 ? found : undefined;
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
  return {
    count: Math.min(count, 20),
    ...optional('lengthMonths', lengthMonths && Math.min(lengthMonths, 120)),
    ...(text ? { description: clip(text, 1000) } : {}),
  };
}

/** Pence, in GBP only: a value in another currency, or with none, is left out and told, never taken for pounds. */
function money(value: Value | undefined, field: string, warnings: ImportWarning[]): ContractDefinition['value'] | undefined {
  if (!value) return undefined;
  const net = value.amountNet ?? value.amount;
  const out = { ...optional('netPence', pence(net)), ...optional('grossPence', pence(value.amountGross)) };
  if (Object.keys(out).length === 0) return undefined;
  if (value.currency === 'GBP') return { ...out, currency: 'GBP' };
  warnings.push(
    value.currency === undefined
      ? {
          field: `${field}.currency`,
          code: 'no-currency',
          message: 'the value has no currency, so it was not imported (it is never assumed to be GBP): enter it on the contract if you know it',
        }
      : { field: `${field}.currency`, code: 'not-gbp', message: `the value is in ${value.currency}; only values in GBP are imported, so it was left out` },
  );
  return undefined;
}

/** The lots' values added up, when every lot has one and all are in one currency. */
function sumOfLots(lots: Lot[]): Value | undefined {
  const valued = lots.filter((lot) => lot.value?.amount !== undefined);
  const currencies = new Set(valued.map((lot) => lot.value!.currency));
  if (valued.length === 0 || valued.length !== lots.length || currencies.size !== 1) return undefined;
  return { amount: valued.reduce((sum, lot) => sum + lot.value!.amount!, 0), currency: [...currencies][0] };
}

function cpvCodesOf(release: OcdsRelease): ContractDefinition['cpvCodes'] {
  const items = [
    ...(release.tender?.items ?? []),
    ...(release.awards ?? []).flatMap((a) => a.items ?? []),
    ...(release.contracts ?? []).flatMap((c) => c.items ?? []),
  ];
  const classifications = items.flatMap((item) => [item.classification, ...(item.additionalClassifications ?? [])]).filter((c) => c && /^cpv$/i.test(c.scheme));
  const codes = new Map<string, string | undefined>();
  for (const c of classifications) {
    const code = /^(\d{8})(?:[-.]\d)?$/.exec(String(c!.id).trim())?.[1];
    if (code && !codes.has(code)) codes.set(code, c!.description);
  }
  return [...codes].slice(0, 100).map(([code, description]) => ({ code, ...(description ? { description: clip(description, 300) } : {}) }));
}

function criteriaOf(criteria: Criteria | undefined, lotId?: string): ContractDefinition['awardCriteria'] {
  return (criteria?.criteria ?? []).map((c) => {
    const type = c.type === 'quality' || c.type === 'price' || c.type === 'cost' ? c.type : 'other';
    const weight = c.numbers?.find((n) => !n.weight || /percentage/i.test(n.weight))?.number;
    return {
      ...(lotId ? { lotId } : {}),
      type,
      name: clip(c.name ?? c.description ?? type, 300),
      ...(weight !== undefined && weight >= 0 && weight <= 100 ? { weightPercent: weight } : {}),
    };
  });
}

/**
 * The calendar date an OCDS date-time was published for, as written in its own offset: `2011-06-30T23:59:00Z`
 * ends on 30 June, `2028-03-31T23:59:59+01:00` on 31 March. A publisher writes an instant meant as a
 * date; converting it to London would move a late-evening UTC end into the next day.
 */
export function publishedDate(iso: string): string {
  return iso.slice(0, 10);
}

const pence = (pounds: number | undefined) => (pounds === undefined ? undefined : Math.round(pounds * 100));
const clip = (text: string, max: number) => text.trim().slice(0, max);
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
