import { createHash } from 'node:crypto';

/**
 * The bench's master key for identity numbers: fixed, so a kept database (BENCH_KEEP=1) can be
 * served again; the data it protects is fake (server/database/synthetic/identities.ts).
 */
export const BENCH_PATIENT_DATA_KEY = createHash('sha256').update('samrehab growth bench: synthetic data only').digest('base64');
