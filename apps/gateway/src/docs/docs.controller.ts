import { Controller, Get } from '@nestjs/common';
import { buildAsyncApiDocument } from '@mediation/protocol';

@Controller('docs')
export class DocsController {
  /** Built at the first request for it, as the OpenAPI document is: an idle gateway does not hold it. */
  private asyncApi?: ReturnType<typeof buildAsyncApiDocument>;

  /** The event catalogue for partners who subscribe to events. */
  @Get('asyncapi.json')
  events() {
    return (this.asyncApi ??= buildAsyncApiDocument('1'));
  }
}
