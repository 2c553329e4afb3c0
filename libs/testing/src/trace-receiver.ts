import type { Server } from 'node:http';
import { listenWithBodies } from './body-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
}

interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] }[];
  }[];
}

/**
 * An OTLP/HTTP receiver (JSON encoding) started by a test: the services export their spans to it
 * (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), and the test reads them back, as a collector would see them.
 */
export class TraceReceiver {
  readonly spans: ReceivedSpan[] = [];
  private server!: Server;

  async start(): Promise<this> {
    this.server = await listenWithBodies((req, body, res) => {
      if (req.method === 'POST' && req.url === '/v1/traces') this.record(JSON.parse(body) as OtlpJson);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    return this;
  }

  /** What a service needs in its environment to send its spans here. */
  get env(): Record<string, string> {
    return {
      OTEL_TRACES_EXPORTER: 'otlp',
      OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1/traces`,
      OTEL_METRICS_EXPORTER: 'none',
      OTEL_LOGS_EXPORTER: 'none',
      OTEL_BSP_SCHEDULE_DELAY: '200',
    };
  }

  trace(traceId: string): ReceivedSpan[] {
    return this.spans.filter((s) => s.traceId === traceId);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(payload: OtlpJson): void {
    for (const resourceSpans of payload.resourceSpans ?? []) {
      const service = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? 'unknown';
      for (const scope of resourceSpans.scopeSpans ?? [])
        for (const span of scope.spans ?? [])
          this.spans.push({
            service,
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: span.parentSpanId || undefined,
            name: span.name,
            kind: span.kind,
          });
    }
  }
}
