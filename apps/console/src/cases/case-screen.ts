import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import type { Html } from '../http/html';
import { londonInText } from '../http/london';
import { SignedInPerson, type SignedIn } from '../http/signed-in';
import { casePage, type CaseDetail, type CasePageData } from './case.page';

/** Reads that a person's roles may refuse (a mediator cannot list staff): the page shows the rest. */
export const orNull = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof GatewayProblem && e.status === 403 ? null : Promise.reject(e)));

export type ErrorLink = { href: string; text: string };

/** The roles the API lets work a case (CASE_WORKERS) and manage it (CASE_MANAGERS, e.g. issue a certificate). */
export function mayChange(roles: readonly string[]): { work: boolean; manage: boolean } {
  const manage = roles.some((r) => ['provider-admin', 'case-manager'].includes(r));
  return { manage, work: manage || roles.includes('mediator') };
}

/** The API's refusal as error-summary links: each field error to its control, anything else to `fallback`. */
export function problemLinks(error: GatewayProblem, fieldIds: Record<string, string>, fallback: string, asks: Record<string, string> = {}): ErrorLink[] {
  const ask = { ...ASKS, ...asks };
  const fields = error.problem.errors ?? [];
  if (!fields.length) return [{ href: `#${fallback}`, text: londonInText(error.message) }];
  return fields.map((f) => ({
    href: `#${fieldIds[f.field] ?? fallback}`,
    text:
      ask[f.field] && MISSING.has(f.code ?? '')
        ? ask[f.field]
        : (ruleText(f) ?? londonInText(/^[A-Z]/.test(f.message) ? f.message : `${f.field} ${f.message}`)),
  }));
}

/** A rule the API names by code, in words that say what to do (its message names its own fields). */
function ruleText(f: { message: string; code?: string }): string | undefined {
  const notice = f.code === 'session-notice' ? /gives (\d+) working days' notice.* needs (\d+)/.exec(f.message) : null;
  if (notice)
    return `That gives ${notice[1]} working days’ notice and this service line needs ${notice[2]}: choose a later date, or say who agreed to less notice and why`;
  // A step dated in the future, or before the step it follows (a complaint acknowledged before it was received).
  if (f.code === 'in_future') return 'Enter a date and time that has passed: it must not be in the future';
  if (f.code === 'out_of_order') return `Enter a later date and time: it ${londonInText(f.message)}`;
  return undefined;
}

/** The API's codes for an answer left out, empty or not in the form asked for: the person is told what to enter instead. */
const MISSING = new Set(['required', 'too_small', 'invalid_type', 'invalid_format', 'invalid_string', 'invalid_date', 'invalid_value']);
const ASKS: Record<string, string> = {
  body: 'Enter the note',
  title: 'Enter what needs doing',
  dueOn: 'Enter the day it is due, for example 2027-03-27',
  reason: 'Enter the reason',
  'noticeWaived.reason': 'Enter why they agreed to less notice',
  'noticeWaived.by': 'Enter who agreed to less notice',
  description: 'Enter what the exhibit shows',
  producedBy: 'Enter who produced the exhibit',
  items: 'Choose at least one exhibit',
  'replaces.reason': 'Enter why it replaces the current certificate',
  outcome: 'Choose the outcome',
};

/** The header the API reads a sensitive read's reason from (apps/gateway/src/audit/sensitive-read.ts). */
export const ACCESS_REASON = 'X-Access-Reason';

/** A missing or short reason for a sensitive read, named as the person can fix it; any other refusal as the API says it. */
export function reasonLinks(error: GatewayProblem, what: string): ErrorLink[] {
  return error.problem.errors?.some((f) => f.field === ACCESS_REASON)
    ? [{ href: '#access-reason', text: `Enter why you need ${what}, in 5 to 500 characters` }]
    : problemLinks(error, {}, 'access-reason');
}

/** A refusal the person can fix (a 4xx other than 404) is shown on the form; anything else is the error page's. */
export function fixable(error: unknown): error is GatewayProblem {
  return error instanceof GatewayProblem && error.status < 500 && error.status !== 404;
}

/** A file from the gateway (a PDF, an exhibit) streamed on to the browser as it arrives, never stored by the console. */
export function streamFile(upstream: globalThis.Response, res: Response): void {
  res.status(200);
  for (const header of ['content-type', 'content-disposition', 'content-length']) {
    const value = upstream.headers.get(header);
    if (value) res.setHeader(header, value);
  }
  res.setHeader('cache-control', 'no-store');
  Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
}

type ContractLine = {
  key: string;
  outcomes: { key: string; label: string }[];
  sessionTypes: { key: string; label: string }[];
  deadlineRules?: { stopEvent?: string }[];
};

/** The Case page: everything it shows read from the API as the person, and every change made the same way. */
@Injectable()
export class CaseScreen {
  constructor(
    private readonly gateway: GatewayClient,
    readonly person: SignedInPerson,
  ) {}

  /** Check the form token, ask the API, then go back to the case (or show `refused` with the API's problem). */
  async act(
    req: Request,
    res: Response,
    work: (me: SignedIn) => Promise<string>,
    refused: (me: SignedIn, errors: ErrorLink[], status: number) => Promise<void>,
    fieldIds: Record<string, string>,
    fallback: string,
    asks: Record<string, string> = {},
  ): Promise<void> {
    if (!this.person.checkForm(req)) throw new ForbiddenException();
    const me = await this.person.of(req, res);
    let next: string;
    try {
      next = await work(me);
    } catch (error) {
      if (!fixable(error)) throw error;
      res.status(error.status);
      return refused(me, problemLinks(error, fieldIds, fallback, asks), error.status);
    }
    res.redirect(303, next);
  }

  /** A change on the Case page: the API's refusal is drawn on the Case page, a problem without a field linked to `fallback`'s section. */
  actOnCase(req: Request, res: Response, id: string, done: string, work: (token: string) => Promise<unknown>, fallback: string): Promise<void> {
    return this.act(
      req,
      res,
      async (me) => {
        await work(me.token);
        return `/cases/${id}?done=${done}`;
      },
      (me, errors) => this.render(res, me, id, { errors, values: req.body as Record<string, unknown> }),
      CASE_FIELD_IDS,
      fallback,
    );
  }

  /** A page other than the Case page, sent as HTML. */
  send(res: Response, page: Html): void {
    res.type('html').send(page.toString());
  }

  async render(res: Response, me: SignedIn, id: string, extra: Pick<CasePageData, 'flash' | 'errors' | 'values'>): Promise<void> {
    const get = <T>(path: string) => this.gateway.call<T>(me.token, 'GET', path);
    const detail = await get<CaseDetail & { contractId: string }>(`/v1/cases/${id}`);
    const [parties, timeline, notes, sessions, reports, contract, staff, tasks, certificates, evidence] = await Promise.all([
      get<{ items: CasePageData['parties'] }>(`/v1/cases/${id}/parties`),
      get<{ entries: CasePageData['timeline'] }>(`/v1/cases/${id}/timeline`),
      get<{ items: CasePageData['notes'] }>(`/v1/cases/${id}/notes`),
      get<{ items: CasePageData['sessions'] }>(`/v1/cases/${id}/sessions`),
      get<{ items: CasePageData['reports'] }>(`/v1/cases/${id}/reports`),
      orNull(get<{ definition: { serviceLines: ContractLine[] } }>(`/v1/contracts/${detail.contractId}`)),
      orNull(get<{ items: { id: string; name: string }[] }>('/v1/staff')),
      get<{ items: CasePageData['tasks'] }>(`/v1/cases/${id}/tasks`),
      get<{ items: CasePageData['certificates'] }>(`/v1/cases/${id}/certificates`),
      orNull(get<{ items: unknown[] }>(`/v1/cases/${id}/evidence`)),
    ]);
    const line = contract?.definition.serviceLines.find((l) => l.key === detail.serviceLine);
    this.send(
      res,
      casePage({
        viewer: me.viewer,
        csrf: me.csrf,
        detail,
        parties: parties.items,
        timeline: timeline.entries,
        notes: notes.items,
        sessions: sessions.items,
        reports: reports.items,
        outcomes: line?.outcomes ?? null,
        sessionTypes: line?.sessionTypes ?? null,
        staff: staff?.items ?? null,
        tasks: tasks.items,
        certificates: certificates.items,
        // The line's clocks say whether it issues certificates: one stops at certificate.issued (the API's own test).
        issuesCertificates: Boolean(line?.deadlineRules?.some((r) => r.stopEvent === 'certificate.issued')),
        exhibits: evidence ? evidence.items.length : null,
        may: mayChange(me.viewer.roles),
        ...extra,
      }),
    );
  }
}

/** The form control each API field error belongs to, for the error summary's links. */
const CASE_FIELD_IDS: Record<string, string> = {
  outcome: 'outcome',
  reason: 'reason',
  body: 'note',
  staffId: 'staffId',
  role: 'role',
  to: 'moves',
  startsAt: 'date',
  endsAt: 'minutes',
  date: 'date',
  time: 'time',
  minutes: 'minutes',
  sessionType: 'sessionType',
  mode: 'mode',
  location: 'location',
  'staffIds.0': 'sessionStaff',
  sensitive: 'note',
  title: 'task-title',
  dueOn: 'task-dueOn',
  assigneeStaffId: 'task-assignee',
  kind: 'certificate-kind',
  issuedAt: 'certificate-issuedDate',
  issuedDate: 'certificate-issuedDate',
  issuedTime: 'certificate-issuedTime',
  replaces: 'certificate-replacementReason',
  'replaces.certificateId': 'certificate-kind',
  'replaces.reason': 'certificate-replacementReason',
};
