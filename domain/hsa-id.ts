/**
 * HSA-id (Inera's catalogue identity for care units and staff): "SE", the issuing organisation's
 * 10-digit organisation number, a hyphen and a local extension of letters and digits,
 * e.g. SE2321000131-E000000000001. At most 31 characters in all.
 */
const HSA_ID = /^SE\d{10}-[A-Za-z0-9]+$/;

/** Returns a problem description, or null when `value` is a well-formed HSA-id. */
export function hsaIdProblem(value: string): string | null {
  if (value.length > 31) return 'an HSA-id has at most 31 characters';
  if (!HSA_ID.test(value)) return 'an HSA-id looks like SE2321000131-E000000000001 (SE, 10 digits, hyphen, letters or digits)';
  return null;
}
