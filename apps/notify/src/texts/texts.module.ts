import { DynamicModule, Global, Module } from '@nestjs/common';
import { GovUkNotifyTexts } from './govuk-notify.texts';
import { HttpSmsTexts } from './http-sms.texts';
import { TextMessenger } from './text-messenger';

export type TextOptions =
  { provider: 'notify'; notifyBaseUrl: string; notifyApiKey: string; notifySmsTemplateId: string } | { provider: 'http'; httpUrl: string; httpToken?: string };

/** Binds the text port to the provider SMS_PROVIDER names; a test overrides TextMessenger. */
@Global()
@Module({})
export class TextsModule {
  static forService(options: TextOptions | null): DynamicModule {
    if (!options) return { module: TextsModule };
    const messenger = () =>
      options.provider === 'notify'
        ? new GovUkNotifyTexts({ baseUrl: options.notifyBaseUrl, apiKey: options.notifyApiKey, templateId: options.notifySmsTemplateId })
        : new HttpSmsTexts({ url: options.httpUrl, token: options.httpToken });
    return { module: TextsModule, providers: [{ provide: TextMessenger, useFactory: messenger }], exports: [TextMessenger] };
  }
}
