import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { SignedInPerson, type SignedIn } from '../http/signed-in';
import { casePage, type CaseDetail, type CasePageData } from './case.page';

/** What a finished action says on the page it returns to; the query names the action, never a person. */
const DONE: Record<string, string> = {
  referred: 'Referral received and the case opened',
  moved: 'The case moved on',
  closed: 'The case is closed; its report is being issued',
  assigned: 'Staff assigned',
  noted: 'Note added',
};

/** Reads that a person's roles may refuse (a mediator cannot list staff): the page shows the rest. */
const orNull = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof GatewayProblem && e.status === 403 ? null : Promise.reject(e)));

@Controller('cases')
@UseFilters(ConsoleErrorFilter)
export class CaseController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Query('done') done?: string) {
    const me = await this.person.of(req, res);
    await this.render(res, me, id, { flash: done ? DONE[done] : undefined });
  }

  @Post(':id/transitions')
  move(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'moved', (token) =>
      this.gateway.call(token, 'POST', `/v1/cases/${id}/transitions`, { to: body.to, ...(body.reason?.trim() ? { reason: body.reason.trim() } : {}) }),
    );
  }

  @Post(':id/close')
  close(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    const reason = body.reason?.trim();
    return this.act(req, res, id, 'closed', (token) =>
      this.gateway.call(token, 'POST', `/v1/cases/${id}/close`, { outcome: body.outcome, ...(reason ? { reason } : {}) }),
    );
  }

  @Post(':id/assignments')
  assign(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'assigned', (token) =>
      this.gateway.call(token, 'POST', `/v1/cases/${id}/assignments`, { staffId: body.staffId, role: body.role }),
    );
  }

  @Post(':id/notes')
  note(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'noted', (token) => this.gateway.call(token, 'POST', `/v1/cases/${id}/notes`, { body: body.body ?? '' }));
  }

  /** The PDF as issued, streamed from the gateway, never stored by the console. */
  @Get(':id/reports/:reportId')
  async report(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('reportId', ParseUUIDPipe) reportId: string) {
    const me = await this.person.of(req, res);
    const upstream = await this.gateway.download(me.token, `/v1/cases/${id}/reports/${reportId}`);
    res.status(200);
    for (const header of ['content-type', 'content-disposition', 'content-length']) {
      const value = upstream.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    res.setHeader('cache-control', 'no-store');
    Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
  }

  /** Every change: check the form token, ask the API, then show the case again (with the API's problem when it refused). */
  private async act(req: Request, res: Response, id: string, done: string, work: (token: string) => Promise<unknown>) {
    if (!this.person.checkForm(req)) throw new ForbiddenException();
    const me = await this.person.of(req, res);
    try {
      await work(me.token);
    } catch (error) {
      if (!(error instanceof GatewayProblem) || error.status >= 500 || error.status === 404) throw error;
      const fields = error.problem.errors ?? [];
      const errors = fields.length
        ? fields.map((f) => ({ href: `#${FIELD_IDS[f.field] ?? 'moves'}`, text: `${f.field}: ${f.message}` }))
        : [{ href: '#moves', text: error.message }];
      res.status(error.status);
      return this.render(res, me, id, { errors });
    }
    res.redirect(303, `/cases/${id}?done=${done}`);
  }

  private async render(res: Response, me: SignedIn, id: string, extra: Pick<CasePageData, 'flash' | 'errors'>) {
    const get = <T>(path: string) => this.gateway.call<T>(me.token, 'GET', path);
    const detail = await get<CaseDetail & { contractId: string }>(`/v1/cases/${id}`);
    const [parties, timeline, notes, sessions, reports, contract, staff] = await Promise.all([
      get<{ items: CasePageData['parties'] }>(`/v1/cases/${id}/parties`),
      get<{ entries: CasePageData['timeline'] }>(`/v1/cases/${id}/timeline`),
      get<{ items: CasePageData['notes'] }>(`/v1/cases/${id}/notes`),
      get<{ items: CasePageData['sessions'] }>(`/v1/cases/${id}/sessions`),
      get<{ items: CasePageData['reports'] }>(`/v1/cases/${id}/reports`),
      orNull(get<{ definition: { serviceLines: { key: string; outcomes: { key: string; label: string }[] }[] } }>(`/v1/contracts/${detail.contractId}`)),
      orNull(get<{ items: { id: string; name: string }[] }>('/v1/staff')),
    ]);
    const line = contract?.definition.serviceLines.find((l) => l.key === detail.serviceLine);
    res.type('html').send(
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
        staff: staff?.items ?? null,
        ...extra,
      }).toString(),
    );
  }
}

/** The form control each API field error belongs to, for the error summary's links. */
const FIELD_IDS: Record<string, string> = { outcome: 'outcome', reason: 'reason', body: 'note', staffId: 'staffId', role: 'role', to: 'moves' };
