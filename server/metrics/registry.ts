import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's metrics, served at /metrics in the Prometheus text format. One registry per process:
 * the series below and Node's own (CPU, memory, event loop, garbage collection). Labels hold only
 * bounded, non-personal values: an operation name from the SDK or "other", an error code, a pool
 * state, a loader name from a fixed list.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const graphqlRequests = new Counter({
  name: 'samrehab_graphql_requests_total',
  help: 'GraphQL requests by operation (an SDK operation name, or "other") and outcome ("ok" or the first error code)',
  labelNames: ['operation', 'outcome'] as const,
  registers: [registry],
});

export const graphqlDuration = new Histogram({
  name: 'samrehab_graphql_request_duration_seconds',
  help: 'Time from the start of a GraphQL request in Apollo Server to its answer, by operation',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const statementsPerRequest = new Histogram({
  name: 'samrehab_db_statements_per_request',
  help: 'SQL statements a GraphQL request sent through its data handle (all but the look-ups that authenticate it; a list should cost a constant number)',
  buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 100],
  registers: [registry],
});

export const dataLoaderBatchSize = new Histogram({
  name: 'samrehab_dataloader_batch_size',
  help: 'Keys per DataLoader batch (one statement each), by loader',
  labelNames: ['loader'] as const,
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000],
  registers: [registry],
});

/** How many connections of the pool are in each state, read when /metrics is asked. */
export interface PoolState {
  total: number;
  idle: number;
  waiting: number;
}

let poolSource: (() => PoolState) | null = null;

/**
 * The pool the gauge reads (the app's, set at start-up). `null, closing` when the app that set
 * `closing` stops: another app of the process (tests start several) may have set its own since.
 */
export function setPoolSource(source: (() => PoolState) | null, closing?: () => PoolState): void {
  if (source === null && closing !== undefined && poolSource !== closing) return;
  poolSource = source;
}

new Gauge({
  name: 'samrehab_db_pool_connections',
  help: 'Connections of the database pool: total open, idle, and requests waiting for one',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    if (!poolSource) return;
    const state = poolSource();
    for (const key of ['total', 'idle', 'waiting'] as const) this.set({ state: key }, state[key]);
  },
});

/** Seconds the read replica is behind the primary, or null when unknown. */
export type ReplicaLagSource = () => number | null | Promise<number | null>;

let replicaLagSource: ReplicaLagSource | null = null;

/**
 * Where the replica-lag gauge reads from: the read-replica code sets it when DATABASE_READ_URL is
 * configured (e.g. `now() - pg_last_xact_replay_timestamp()` on the replica). Without a source, or
 * when it answers null or fails, the gauge has no sample: no replica, or no known lag.
 */
export function setReplicaLagSource(source: ReplicaLagSource | null): void {
  replicaLagSource = source;
}

new Gauge({
  name: 'samrehab_replica_lag_seconds',
  help: 'Seconds the read replica (DATABASE_READ_URL) is behind the primary; absent without a replica or a known lag',
  // A label, because prom-client always reports a gauge without labels (0 when unset): a lag of 0
  // must not be shown for a replica that does not exist.
  labelNames: ['replica'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    if (!replicaLagSource) return;
    const lag = await Promise.resolve()
      .then(replicaLagSource)
      .catch(() => null);
    if (typeof lag === 'number' && Number.isFinite(lag)) this.set({ replica: 'read' }, lag);
  },
});
