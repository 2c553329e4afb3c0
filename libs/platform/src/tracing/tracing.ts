import {
  context,
  INVALID_SPAN_CONTEXT,
  isSpanContextValid,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
} from '@opentelemetry/api';

/**
 * OpenTelemetry for one service, off unless configured by the standard variables: OTEL_TRACES_EXPORTER
 * (`otlp` or `console`), OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_PROTOCOL and the rest are read by
 * the SDK itself. Spans are made by hand at each hop (HTTP, RPC, outbox, JetStream, handlers, jobs, SMTP)
 * rather than by monkey-patching libraries, so a trace shows the platform's own steps.
 */
let tracing = false;

/** Whether this process exports spans: hops that would otherwise parse a message just for its trace skip it when not. */
export const isTracing = () => tracing;

let started: Promise<{ shutdown(): Promise<void> } | undefined> | undefined;

/**
 * Starts the process's one SDK; a second service in the same process (apps/host) shares it and gets the same handle,
 * so its spans carry the name the host set in OTEL_SERVICE_NAME (or the first service's).
 */
export function startTracing(service: string): Promise<{ shutdown(): Promise<void> } | undefined> {
  started ??= startSdk(service);
  return started;
}

async function startSdk(service: string): Promise<{ shutdown(): Promise<void> } | undefined> {
  const exporter = process.env.OTEL_TRACES_EXPORTER;
  if (!exporter || exporter === 'none') return undefined;
  // Loaded only when tracing is on: the SDK and its exporters cost memory a service without them need not pay.
  const { NodeSDK } = await import('@opentelemetry/sdk-node');
  process.env.OTEL_SERVICE_NAME ??= service;
  const sdk = new NodeSDK({ serviceName: process.env.OTEL_SERVICE_NAME, instrumentations: [] });
  sdk.start();
  tracing = true;
  return sdk;
}

const tracer = () => trace.getTracer('mediation');

/** Headers-like carriers: plain objects, Node's headers, NATS's MsgHdrs. */
interface Carrier {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** The W3C `traceparent` of the active span, for an envelope, a job or a message; undefined when nothing is traced. */
export function currentTraceparent(active: Context = context.active()): string | undefined {
  // A span that has ended still names the trace (work after a commit continues it); without the SDK, inject writes nothing.
  const spanContext = trace.getSpanContext(active);
  if (!spanContext || !isSpanContextValid(spanContext)) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(active, carrier);
  return carrier.traceparent;
}

/** Writes the active trace context into a carrier (NATS headers). */
export function injectTrace(carrier: Carrier, active: Context = context.active()): void {
  propagation.inject(active, carrier, { set: (c, key, value) => c.set(key, value) });
}

/** The context a `traceparent` (or a carrier holding one) continues; the root context when there is none. */
export function traceContextFrom(source: string | Carrier | Record<string, unknown> | undefined): Context {
  if (!source) return ROOT_CONTEXT;
  if (typeof source === 'string') return propagation.extract(ROOT_CONTEXT, { traceparent: source });
  if (typeof (source as Carrier).get === 'function') {
    const carrier = source as Carrier;
    return propagation.extract(ROOT_CONTEXT, carrier, { get: (c, key) => c.get(key) ?? undefined, keys: () => ['traceparent', 'tracestate'] });
  }
  return propagation.extract(ROOT_CONTEXT, source);
}

export { SpanKind };

/**
 * Runs `work` inside a span that is a child of `parent` (default: the active context), making it the
 * active span for everything `work` awaits; an error marks the span and is thrown on.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; parent?: Context; attributes?: Attributes },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  // Untraced (the default), a hop pays nothing but this test.
  if (!tracing) return work(trace.wrapSpanContext(INVALID_SPAN_CONTEXT));
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}

/** A span started now and ended by the caller (an HTTP request ends when its response finishes). */
export function startSpan(name: string, options: { kind?: SpanKind; parent?: Context; attributes?: Attributes }): { span: Span; context: Context } {
  const parent = options.parent ?? context.active();
  const span = tracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** `fn`, bound to the trace context active now: work run later (after a commit) still belongs to the span that asked for it. */
export function bindTraceContext<F extends (...args: never[]) => unknown>(fn: F): F {
  return context.bind(context.active(), fn);
}

/** Runs `work` with `ctx` active. */
export function withTraceContext<T>(ctx: Context, work: () => T): T {
  return context.with(ctx, work);
}
