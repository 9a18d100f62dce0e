/**
 * A NUL byte, or half of a UTF-16 surrogate pair without its other half. PostgreSQL refuses NUL in
 * text (22021) and a lone surrogate has no UTF-8 encoding, so such text can be neither stored nor
 * compared.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string can be stored in (and compared with) a PostgreSQL text column. */
export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);
