import { Controller, Get } from '@nestjs/common';
import { buildAsyncApiDocument } from '@mediation/protocol';

@Controller('docs')
export class DocsController {
  private readonly asyncApi = buildAsyncApiDocument('1');

  /** The event catalogue for partners who subscribe to events. */
  @Get('asyncapi.json')
  events() {
    return this.asyncApi;
  }
}
