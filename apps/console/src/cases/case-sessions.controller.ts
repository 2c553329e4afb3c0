import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import type { SignedIn } from '../http/signed-in';
import { sessionMove, sessionOutcome, type Form } from './case-forms';
import { CaseScreen, type ErrorLink } from './case-screen';
import type { SessionItem } from './case-sessions.sections';
import { sessionPage } from './session.page';

/** Each form's API fields -> its controls, for the error summary's links. */
const OUTCOME_FIELDS = { heldAt: 'heldDate', heldDate: 'heldDate', heldTime: 'heldTime', reason: 'attendanceReason' };
const MOVE_FIELDS = {
  startsAt: 'date',
  endsAt: 'minutes',
  date: 'date',
  time: 'time',
  minutes: 'minutes',
  noticeWaived: 'waivedBy',
  'noticeWaived.by': 'waivedBy',
  'noticeWaived.reason': 'waivedReason',
};
const CANCEL_FIELDS = { reason: 'cancelReason' };

/** A booked session: recorded as held (or not attended), moved or cancelled, through /v1/sessions/{id}. */
@Controller('cases/:id/sessions/:sessionId')
@UseFilters(ConsoleErrorFilter)
export class CaseSessionsController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly screen: CaseScreen,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('sessionId', ParseUUIDPipe) sessionId: string) {
    await this.draw(res, await this.screen.person.of(req, res), id, sessionId, []);
  }

  @Post('outcome')
  outcome(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() form: Form,
  ) {
    return this.change(req, res, id, sessionId, OUTCOME_FIELDS, 'record', { reason: 'Enter who did not attend, and what is known' }, async (token) => {
      const { verb, body } = sessionOutcome(form);
      await this.gateway.call(token, 'POST', `/v1/sessions/${sessionId}/${verb}`, body);
      return verb === 'hold' ? 'held' : 'not-attended';
    });
  }

  @Post('move')
  move(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() form: Form,
  ) {
    return this.change(req, res, id, sessionId, MOVE_FIELDS, 'move', {}, async (token) => {
      await this.gateway.call(token, 'POST', `/v1/sessions/${sessionId}/move`, sessionMove(form));
      return 'session-moved';
    });
  }

  @Post('cancel')
  cancel(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('sessionId', ParseUUIDPipe) sessionId: string,
    @Body() form: Form,
  ) {
    return this.change(req, res, id, sessionId, CANCEL_FIELDS, 'cancel', { reason: 'Enter why the session is cancelled' }, async (token) => {
      await this.gateway.call(token, 'POST', `/v1/sessions/${sessionId}/cancel`, { reason: String(form.reason ?? '').trim() });
      return 'session-cancelled';
    });
  }

  /** Done: back to the case with what happened; refused: this page again with the API's problem linked to the form's fields. */
  private change(
    req: Request,
    res: Response,
    id: string,
    sessionId: string,
    fields: Record<string, string>,
    form: string,
    asks: Record<string, string>,
    work: (token: string) => Promise<string>,
  ) {
    return this.screen.act(
      req,
      res,
      async (me) => `/cases/${id}?done=${await work(me.token)}`,
      (me, errors) => this.draw(res, me, id, sessionId, errors, req.body as Record<string, unknown>),
      fields,
      form,
      asks,
    );
  }

  private async draw(res: Response, me: SignedIn, id: string, sessionId: string, errors: ErrorLink[], values?: Record<string, unknown>) {
    const [found, session] = await Promise.all([
      this.gateway.call<{ reference: string }>(me.token, 'GET', `/v1/cases/${id}`),
      this.gateway.call<SessionItem & { caseId: string }>(me.token, 'GET', `/v1/sessions/${sessionId}`),
    ]);
    // A session of another case is not this page's to show, whatever the path says.
    if (session.caseId !== id) return res.redirect(303, `/cases/${session.caseId}/sessions/${sessionId}`);
    this.screen.send(res, sessionPage({ viewer: me.viewer, csrf: me.csrf, caseId: id, reference: found.reference, session, errors, values }));
  }
}
