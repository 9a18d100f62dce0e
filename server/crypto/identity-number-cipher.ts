import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Config } from '../config';
import { writeOnce } from '../write-once';

/**
 * Protects identity numbers at rest: AES-256-GCM for the stored value, and an HMAC as the look-up
 * key, so that the database (its dumps and any query log) never holds a personnummer in clear,
 * yet an exact look-up and the per-organisation uniqueness rule still work. Both keys derive from
 * one master key (HKDF), given in production as PATIENT_DATA_KEY (32 bytes, base64).
 */
export class IdentityNumberCipher {
  private readonly encryptionKey: Buffer;
  private readonly hashKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('PATIENT_DATA_KEY must be 32 bytes, base64-encoded');
    this.encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'samrehab identity-number encryption', 32));
    this.hashKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'samrehab identity-number lookup', 32));
  }

  /** Deterministic look-up key of a canonical 12-digit number. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.hashKey).update(value).digest('base64url');
  }

  encrypt(value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const encrypted = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url');
  }

  decrypt(stored: string): string {
    const data = Buffer.from(stored, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }
}

/** The master key from PATIENT_DATA_KEY, or in development a key created under DATA_DIR. */
export function loadIdentityNumberCipher(config: Config): IdentityNumberCipher {
  if (config.patientDataKey) return new IdentityNumberCipher(Buffer.from(config.patientDataKey, 'base64'));
  fs.mkdirSync(config.dataDir, { recursive: true });
  const key = writeOnce(path.join(config.dataDir, 'dev-patient-data-key'), randomBytes(32).toString('base64'));
  return new IdentityNumberCipher(Buffer.from(key, 'base64'));
}
