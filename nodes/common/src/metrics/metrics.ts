// Metrics behind a narrow interface so components never touch prom-client directly, and every
// name follows `nym_<role>_<noun>_<unit>`. Each node gets its own registry, so several nodes can
// run in one process (as they do in tests) without their figures mixing.
import {
  Counter as PromCounter,
  Gauge as PromGauge,
  Histogram as PromHistogram,
  Registry,
  collectDefaultMetrics,
} from 'prom-client';

export type Labels = Record<string, string>;

export interface Counter {
  inc(labels?: Labels, value?: number): void;
}

export interface Gauge {
  set(value: number, labels?: Labels): void;
  inc(labels?: Labels, value?: number): void;
  dec(labels?: Labels, value?: number): void;
}

export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

export interface MetricSpec {
  /** `<noun>_<unit>` without the `nym_<role>_` prefix, e.g. `packets_received_total`. */
  name: string;
  help: string;
  labelNames?: readonly string[];
}

export interface Metrics {
  readonly role: string;
  readonly contentType: string;
  counter(spec: MetricSpec): Counter;
  gauge(spec: MetricSpec & { read?: () => number }): Gauge;
  histogram(spec: MetricSpec & { buckets: readonly number[] }): Histogram;
  /** The Prometheus text exposition of every metric. */
  render(): Promise<string>;
  /** The current value of a metric (summed over series matching `labels`), for tests and reports. */
  value(name: string, labels?: Labels): Promise<number | undefined>;
}

export interface MetricsOptions {
  /** The node role in every name: `mixnode`, `gateway`, `client`. */
  role: string;
  /** Adds Node's process metrics (CPU, memory, event-loop lag); meant for real nodes. */
  processMetrics?: boolean;
}

const ROLE = /^[a-z][a-z0-9]*$/;
const NAME = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;

function checkName(spec: MetricSpec, kind: 'counter' | 'gauge' | 'histogram'): void {
  if (!NAME.test(spec.name)) {
    throw new RangeError(`metric name "${spec.name}" must be <noun>_<unit> in snake_case`);
  }
  if (kind === 'counter' && !spec.name.endsWith('_total')) {
    throw new RangeError(`counter "${spec.name}" must end in _total`);
  }
}

export function createMetrics(options: MetricsOptions): Metrics {
  if (!ROLE.test(options.role))
    throw new RangeError(`metrics role "${options.role}" must be lower-case letters`);
  const registry = new Registry();
  if (options.processMetrics === true)
    collectDefaultMetrics({ register: registry, prefix: `nym_${options.role}_` });
  const fullName = (name: string): string => `nym_${options.role}_${name}`;
  const common = (spec: MetricSpec) => ({
    name: fullName(spec.name),
    help: spec.help,
    labelNames: [...(spec.labelNames ?? [])],
    registers: [registry],
  });

  return {
    role: options.role,
    contentType: registry.contentType,
    counter(spec) {
      checkName(spec, 'counter');
      const counter = new PromCounter(common(spec));
      return { inc: (labels, value = 1) => (labels ? counter.inc(labels, value) : counter.inc(value)) };
    },
    gauge(spec) {
      checkName(spec, 'gauge');
      const read = spec.read;
      const gauge: PromGauge = new PromGauge({
        ...common(spec),
        ...(read ? { collect: (): void => gauge.set(read()) } : {}),
      });
      return {
        set: (value, labels) => (labels ? gauge.set(labels, value) : gauge.set(value)),
        inc: (labels, value = 1) => (labels ? gauge.inc(labels, value) : gauge.inc(value)),
        dec: (labels, value = 1) => (labels ? gauge.dec(labels, value) : gauge.dec(value)),
      };
    },
    histogram(spec) {
      checkName(spec, 'histogram');
      const histogram = new PromHistogram({ ...common(spec), buckets: [...spec.buckets] });
      return {
        observe: (value, labels) => (labels ? histogram.observe(labels, value) : histogram.observe(value)),
      };
    },
    render: () => registry.metrics(),
    async value(name, labels = {}) {
      const metric = registry.getSingleMetric(fullName(name));
      if (metric === undefined) return undefined;
      const { values } = await metric.get();
      // A histogram answers with its observation count; its buckets and sum are left out.
      const series = (metricName: string | undefined): boolean =>
        metricName === undefined || metricName === fullName(name) || metricName === `${fullName(name)}_count`;
      const matching = values.filter(
        (sample) =>
          series((sample as { metricName?: string }).metricName) &&
          Object.entries(labels).every(([key, expected]) => String(sample.labels[key]) === expected),
      );
      return matching.reduce((sum, sample) => sum + sample.value, 0);
    },
  };
}
