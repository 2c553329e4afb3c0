import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayProblem, SignedOut } from '../gateway/gateway.client';
import { html } from './html';
import { page } from './layout';
import { SESSION_COOKIE, readCookies } from './session';

/** Errors as pages that say what to do next; a lapsed sign-in goes back to the sign-in page. */
@Catch()
export class ConsoleErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('console');

  catch(error: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (error instanceof SignedOut) {
      // "You have been signed out" only for someone who was signed in; a first visit just signs in.
      const hadSession = readCookies(host.switchToHttp().getRequest<Request>())[SESSION_COOKIE];
      res.redirect(303, hadSession ? '/sign-in?expired=1' : '/sign-in');
      return;
    }
    let status = 500;
    let title = 'Sorry, there is a problem with the service';
    let advice = 'Try again later. If it keeps happening, tell your administrator the time it happened.';
    if (error instanceof GatewayProblem) {
      status = error.status;
      if (status === 403) [title, advice] = ['You cannot see this page', 'Your roles do not allow it. Ask your administrator if you need access.'];
      else if (status === 404) [title, advice] = ['Page not found', 'It may have been removed, or you may not have access to it. Go back to My work.'];
      else if (status < 500) [title, advice] = ['That could not be done', error.message];
    } else if (error instanceof HttpException) {
      status = error.getStatus();
      if (status === 404) [title, advice] = ['Page not found', 'Check the address, or go back to My work.'];
      else if (status === 403) [title, advice] = ['The form had expired', 'Go back, reload the page and send the form again.'];
    }
    if (status >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    res
      .status(status)
      .type('html')
      .send(
        page(
          { title },
          html`<h1 class="govuk-heading-l">${title}</h1>
            <p class="govuk-body">${advice}</p>
            <p class="govuk-body"><a class="govuk-link" href="/">Go to My work</a></p>`,
        ).toString(),
      );
  }
}
