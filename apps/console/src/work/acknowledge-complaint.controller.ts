import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Form } from '../cases/case-forms';
import { CaseScreen, type ErrorLink } from '../cases/case-screen';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import type { SignedIn } from '../http/signed-in';
import { ACKNOWLEDGE_FORM, acknowledgeComplaintPage, type ComplaintItem } from './acknowledge-complaint.page';
import { ACKNOWLEDGEMENT_FIELD_IDS, acknowledgementBody } from './complaint-acknowledgement';

/** A complaint to acknowledge, from My work: its page, then POST /v1/cases/:id/complaints/:complaintId/acknowledge as the person. */
@Controller('work/cases/:id/complaints/:complaintId/acknowledge')
@UseFilters(ConsoleErrorFilter)
export class AcknowledgeComplaintController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly screen: CaseScreen,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('complaintId', ParseUUIDPipe) complaintId: string) {
    await this.draw(res, await this.screen.person.of(req, res), id, complaintId);
  }

  @Post()
  acknowledge(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('complaintId', ParseUUIDPipe) complaintId: string,
    @Body() form: Form,
  ) {
    return this.screen.act(
      req,
      res,
      async (me) => {
        await this.gateway.call(me.token, 'POST', `/v1/cases/${id}/complaints/${complaintId}/acknowledge`, acknowledgementBody(form, new Date()));
        return '/?done=complaint-acknowledged';
      },
      (me, errors) => this.draw(res, me, id, complaintId, { errors, values: form }),
      ACKNOWLEDGEMENT_FIELD_IDS,
      ACKNOWLEDGE_FORM,
    );
  }

  /** The case's reference and the complaint, as the API gives them to this person (no list of one complaint exists, so the case's list). */
  private async draw(res: Response, me: SignedIn, id: string, complaintId: string, extra: { errors?: ErrorLink[]; values?: Form } = {}): Promise<void> {
    const [found, complaints] = await Promise.all([
      this.gateway.call<{ reference: string }>(me.token, 'GET', `/v1/cases/${id}`),
      this.gateway.call<{ items: ComplaintItem[] }>(me.token, 'GET', `/v1/cases/${id}/complaints`),
    ]);
    const complaint = complaints.items.find((c) => c.id === complaintId);
    if (!complaint) throw new GatewayProblem(404, { title: 'Not found', detail: 'No such complaint on this case.' });
    this.screen.send(res, acknowledgeComplaintPage({ viewer: me.viewer, csrf: me.csrf, caseId: id, reference: found.reference, complaint, ...extra }));
  }
}
