import { Injectable, Logger } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

type Labels = Record<string, string>;

/** Sets one sample of a gauge read at scrape time. */
export type GaugeSample = (labels: Labels, value: number) => void;

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');
  private readonly counters = new Map<string, Counter>();
  private readonly histograms = new Map<string, Histogram>();
  private readonly gauges = new Set<string>();
  private readonly collectFailures: Counter;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.collectFailures = this.counter('metrics_collect_failures_total', 'Gauges that could not be read at scrape time, by gauge', ['metric']);
  }

  counter(name: string, help: string, labelNames: string[] = []): Counter {
    let counter = this.counters.get(name);
    if (!counter) {
      counter = new Counter({ name, help, labelNames, registers: [this.registry] });
      this.counters.set(name, counter);
    }
    return counter;
  }

  histogram(name: string, help: string, labelNames: string[] = [], buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]): Histogram {
    let histogram = this.histograms.get(name);
    if (!histogram) {
      histogram = new Histogram({ name, help, labelNames, buckets, registers: [this.registry] });
      this.histograms.set(name, histogram);
    }
    return histogram;
  }

  /**
   * A gauge read when Prometheus scrapes (queue depths, consumer lag, backlog age): the figure is always
   * current and nothing polls between scrapes. A read that fails leaves the gauge empty for that scrape
   * and counts in metrics_collect_failures_total, so /metrics still answers with everything else.
   */
  gauge(name: string, help: string, labelNames: string[], read: (sample: GaugeSample) => Promise<void> | void): void {
    if (this.gauges.has(name)) throw new Error(`gauge ${name} is registered twice`);
    this.gauges.add(name);
    const failures = this.collectFailures;
    const logger = this.logger;
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          await read((labels, value) => this.set(labels, value));
        } catch (error) {
          failures.inc({ metric: name });
          logger.warn(`${name} could not be read: ${(error as Error).message}`);
        }
      },
    });
  }
}
