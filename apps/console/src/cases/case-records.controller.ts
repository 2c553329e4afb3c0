import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { certificateBody, taskBody, type Form } from './case-forms';
import { ACCESS_REASON, CaseScreen, fixable, reasonLinks, streamFile } from './case-screen';
import type { NoteItem } from './case-sessions.sections';
import { sensitiveNotesPage } from './sensitive-notes.page';

/** Tasks, certificates and sensitive notes of a case, each a /v1 call as the signed-in person. */
@Controller('cases/:id')
@UseFilters(ConsoleErrorFilter)
export class CaseRecordsController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly screen: CaseScreen,
  ) {}

  @Post('tasks')
  addTask(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() form: Form) {
    return this.screen.actOnCase(req, res, id, 'task-added', (token) => this.gateway.call(token, 'POST', `/v1/cases/${id}/tasks`, taskBody(form)), 'tasks');
  }

  @Post('tasks/:taskId/complete')
  completeTask(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('taskId', ParseUUIDPipe) taskId: string) {
    return this.screen.actOnCase(
      req,
      res,
      id,
      'task-done',
      (token) => this.gateway.call(token, 'POST', `/v1/cases/${id}/tasks/${taskId}/complete`, {}),
      'tasks',
    );
  }

  @Post('certificates')
  certify(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() form: Form) {
    return this.screen.actOnCase(
      req,
      res,
      id,
      'certified',
      (token) => this.gateway.call(token, 'POST', `/v1/cases/${id}/certificates`, certificateBody(form, new Date())),
      'certificates',
    );
  }

  /** The certificate's PDF, with the appeal deadline it states, streamed from the gateway. */
  @Get('certificates/:certificateId')
  async certificate(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('certificateId', ParseUUIDPipe) certificateId: string,
  ) {
    const me = await this.screen.person.of(req, res);
    streamFile(await this.gateway.download(me.token, `/v1/cases/${id}/certificates/${certificateId}/pdf`), res);
  }

  /** First the reason form; the notes themselves only come back from its POST. */
  @Get('notes/sensitive')
  async askReason(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const me = await this.screen.person.of(req, res);
    const found = await this.gateway.call<{ reference: string }>(me.token, 'GET', `/v1/cases/${id}`);
    this.screen.send(res, sensitiveNotesPage({ viewer: me.viewer, csrf: me.csrf, caseId: id, reference: found.reference, notes: null }));
  }

  @Post('notes/sensitive')
  async readSensitive(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() form: Form) {
    if (!this.screen.person.checkForm(req)) throw new ForbiddenException();
    const me = await this.screen.person.of(req, res);
    const found = await this.gateway.call<{ reference: string }>(me.token, 'GET', `/v1/cases/${id}`);
    const base = { viewer: me.viewer, csrf: me.csrf, caseId: id, reference: found.reference };
    const reason = String(form.reason ?? '').trim();
    try {
      const { items } = await this.gateway.call<{ items: NoteItem[] }>(me.token, 'GET', `/v1/cases/${id}/notes/sensitive`, undefined, {
        [ACCESS_REASON]: reason,
      });
      this.screen.send(res, sensitiveNotesPage({ ...base, notes: items }));
    } catch (error) {
      if (!fixable(error)) throw error;
      res.status(error.status);
      this.screen.send(res, sensitiveNotesPage({ ...base, notes: null, errors: reasonLinks(error, 'to read the sensitive notes') }));
    }
  }
}
