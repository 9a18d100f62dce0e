import { isUuid } from '../../domain/uuid';
import { BadUserInputError } from '../../schema/common/errors';

/** An id argument: malformed ids are BAD_USER_INPUT on `field`. */
export function idArg(id: string, field: string): string {
  if (!isUuid(id)) throw new BadUserInputError(`${field} is not a valid id`, field);
  return id;
}

/** Optional text: trimmed, empty becomes null, at most `max` characters. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (trimmed.length > max) throw new BadUserInputError(`${field} has at most ${max} characters`, field);
  return trimmed;
}

/** Required text: trimmed, 1 to `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) throw new BadUserInputError(`${field} must have 1 to ${max} characters`, field);
  return trimmed;
}

/**
 * A LocalDate argument the database can store: the scalar accepts year 0000, which does not exist
 * (1 BC is followed by AD 1) and which PostgreSQL refuses as out of range; BAD_USER_INPUT on `field`.
 */
export function dateArg(date: string, field: string): string {
  if (date.startsWith('0000')) throw new BadUserInputError(`${field}: year 0 does not exist`, field);
  return date;
}
