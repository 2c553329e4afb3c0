import { Body, Controller, ForbiddenException, Get, NotFoundException, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import type { SignedIn } from '../http/signed-in';
import { bundleBody, evidenceFields, type Form } from './case-forms';
import { ACCESS_REASON, CaseScreen, fixable, problemLinks, reasonLinks, streamFile, type ErrorLink } from './case-screen';
import { bundleDetails, type CourtBundle } from './court-bundles.sections';
import { downloadPage, evidencePage, exhibitDetails, type ExhibitItem } from './evidence.page';
import { exhibitBody, readExhibitUpload } from './exhibit-upload';

const UPLOAD_FIELDS = {
  kind: 'kind',
  description: 'description',
  producedBy: 'producedBy',
  producerInitials: 'producedBy',
  capturedAt: 'capturedDate',
  capturedDate: 'capturedDate',
  capturedTime: 'capturedTime',
  capturedWhere: 'capturedWhere',
  source: 'source',
  file: 'file',
};
const BUNDLE_FIELDS = { title: 'bundle-title', preparedFor: 'bundle-preparedFor', items: 'items-0' };

/** The person as the API names whoever made something (`createdBy`). */
const actorOf = (me: SignedIn) => `user:${me.userId}`;

/** A case's exhibits (apps/evidence through the gateway's /v1 routes): list, add, download, and court bundles. */
@Controller('cases/:id')
@UseFilters(ConsoleErrorFilter)
export class CaseEvidenceController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly screen: CaseScreen,
  ) {}

  @Get('evidence')
  async list(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Query('done') done?: string) {
    await this.drawList(res, await this.screen.person.of(req, res), id, [], done === 'added' ? 'Exhibit added' : undefined);
  }

  /** The browser's multipart form, checked and reshaped here, its file streamed on to the API. */
  @Post('evidence')
  async upload(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const me = await this.screen.person.of(req, res);
    let typed: Record<string, string> | undefined;
    try {
      const upload = await readExhibitUpload(req);
      typed = upload.fields;
      // The form token travels in the form like any other; Nest's parsers leave a multipart body unread.
      (req as { body?: unknown }).body = upload.fields;
      if (!this.screen.person.checkForm(req)) {
        upload.file.resume();
        throw new ForbiddenException();
      }
      let metadata: Record<string, string>;
      try {
        metadata = evidenceFields(upload.fields);
      } catch (error) {
        upload.file.resume();
        throw error;
      }
      const { body, contentType } = exhibitBody(metadata, upload);
      await this.gateway.upload(me.token, `/v1/cases/${id}/evidence`, body, contentType);
    } catch (error) {
      if (!fixable(error)) throw error;
      res.status(error.status);
      return this.drawList(res, me, id, problemLinks(error, UPLOAD_FIELDS, 'file'), undefined, typed);
    }
    res.redirect(303, `/cases/${id}/evidence?done=added`);
  }

  @Get('evidence/:evidenceId')
  async askReason(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('evidenceId', ParseUUIDPipe) evidenceId: string) {
    await this.drawExhibit(res, await this.screen.person.of(req, res), id, evidenceId, []);
  }

  @Post('evidence/:evidenceId')
  async download(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
    @Body() form: Form,
  ) {
    await this.withReason(req, res, form, `/v1/evidence/${evidenceId}/content`, (me, errors) => this.drawExhibit(res, me, id, evidenceId, errors));
  }

  /** The bundle made is shown, with its download, as the answer; it stays listed on the evidence page. */
  @Post('bundles')
  async bundle(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() form: Form) {
    const me = await this.withForm(req, res);
    let made: CourtBundle;
    try {
      made = await this.gateway.call<CourtBundle>(me.token, 'POST', `/v1/cases/${id}/bundles`, bundleBody(form));
    } catch (error) {
      if (!fixable(error)) throw error;
      res.status(error.status);
      return this.drawList(res, me, id, problemLinks(error, BUNDLE_FIELDS, 'bundle', { title: 'Enter the bundle’s title' }), undefined, form);
    }
    res.status(201);
    await this.drawBundle(res, me, id, made, `Court bundle made: ${made.title}`, []);
  }

  /** One of the case's bundles, listed on the evidence page: its details and the reason form its download needs. */
  @Get('bundles/:bundleId')
  async bundleReason(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('bundleId', ParseUUIDPipe) bundleId: string) {
    const me = await this.screen.person.of(req, res);
    const bundle = await this.bundleOf(me, id, bundleId);
    await this.drawBundle(res, me, id, bundle, `Court bundle: ${bundle.title}`, []);
  }

  @Post('bundles/:bundleId')
  async bundlePdf(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id', ParseUUIDPipe) id: string,
    @Param('bundleId', ParseUUIDPipe) bundleId: string,
    @Body() form: Form,
  ) {
    await this.withReason(req, res, form, `/v1/bundles/${bundleId}`, async (me, errors) => {
      const bundle = await this.bundleOf(me, id, bundleId);
      await this.drawBundle(res, me, id, bundle, `Court bundle: ${bundle.title}`, errors);
    });
  }

  /** A file the API gives only with a reason: streamed on, or the reason form again saying what to fix. */
  private async withReason(req: Request, res: Response, form: Form, path: string, refused: (me: SignedIn, errors: ErrorLink[]) => Promise<unknown>) {
    const me = await this.withForm(req, res);
    try {
      streamFile(await this.gateway.download(me.token, path, { [ACCESS_REASON]: String(form.reason ?? '').trim() }), res);
    } catch (error) {
      if (!fixable(error)) throw error;
      res.status(error.status);
      await refused(me, reasonLinks(error, 'this file'));
    }
  }

  private async withForm(req: Request, res: Response): Promise<SignedIn> {
    if (!this.screen.person.checkForm(req)) throw new ForbiddenException();
    return this.screen.person.of(req, res);
  }

  private async reference(me: SignedIn, id: string): Promise<string> {
    return (await this.gateway.call<{ reference: string }>(me.token, 'GET', `/v1/cases/${id}`)).reference;
  }

  private async drawList(res: Response, me: SignedIn, id: string, errors: ErrorLink[], flash?: string, values?: Record<string, unknown>) {
    const [reference, { items }, bundles] = await Promise.all([
      this.reference(me, id),
      this.gateway.call<{ items: ExhibitItem[] }>(me.token, 'GET', `/v1/cases/${id}/evidence`),
      this.gateway.call<{ items: CourtBundle[] }>(me.token, 'GET', `/v1/cases/${id}/bundles`),
    ]);
    this.screen.send(
      res,
      evidencePage({
        viewer: me.viewer,
        csrf: me.csrf,
        caseId: id,
        reference,
        items,
        bundles: bundles.items,
        viewerActorId: actorOf(me),
        errors,
        flash,
        values,
      }),
    );
  }

  private async drawExhibit(res: Response, me: SignedIn, id: string, evidenceId: string, errors: ErrorLink[]) {
    const [reference, item] = await Promise.all([
      this.reference(me, id),
      this.gateway.call<ExhibitItem & { caseId: string }>(me.token, 'GET', `/v1/evidence/${evidenceId}`),
    ]);
    if (item.caseId !== id) return res.redirect(303, `/cases/${item.caseId}/evidence/${evidenceId}`);
    const base = { viewer: me.viewer, csrf: me.csrf, caseId: id, reference, errors };
    this.screen.send(
      res,
      downloadPage({
        ...base,
        title: `Exhibit ${item.exhibitRef}`,
        action: `/cases/${id}/evidence/${evidenceId}`,
        details: exhibitDetails(item),
        button: 'Download',
      }),
    );
  }

  /** A bundle of this case, found in the case's list (the API's only bundle metadata besides the answer to making one). */
  private async bundleOf(me: SignedIn, id: string, bundleId: string): Promise<CourtBundle> {
    const { items } = await this.gateway.call<{ items: CourtBundle[] }>(me.token, 'GET', `/v1/cases/${id}/bundles`);
    const bundle = items.find((b) => b.id === bundleId);
    if (!bundle) throw new NotFoundException();
    return bundle;
  }

  private async drawBundle(res: Response, me: SignedIn, id: string, bundle: CourtBundle, title: string, errors: ErrorLink[]) {
    const base = { viewer: me.viewer, csrf: me.csrf, caseId: id, reference: await this.reference(me, id), errors };
    this.screen.send(
      res,
      downloadPage({ ...base, title, action: `/cases/${id}/bundles/${bundle.id}`, details: bundleDetails(bundle, actorOf(me)), button: 'Download the bundle' }),
    );
  }
}
