import { type DocumentNode, print } from 'graphql';
import { getSdk, type Requester } from './generated';

export * from './generated';

/**
 * Why the server answered CONFLICT: `STALE_VERSION` (the record changed since the version you read:
 * read it again and retry), `DUPLICATE` (a record that must be unique exists already),
 * `ILLEGAL_STATE` (the record's state does not allow the step), `NOT_PAID` (a therapy visit its payment
 * commitment does not pay; `extensions.notPaidReason` says why).
 */
export type ConflictReason = 'STALE_VERSION' | 'DUPLICATE' | 'ILLEGAL_STATE' | 'NOT_PAID';

/** One error of a GraphQL response, with the server's code (BAD_USER_INPUT, FORBIDDEN, …). */
export interface SamrehabGraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; reason?: ConflictReason; [key: string]: unknown };
}

/** Thrown when the server answers with errors; `code` and `reason` are the first error's. */
export class SamrehabError extends Error {
  readonly code: string | undefined;
  readonly reason: ConflictReason | undefined;
  constructor(
    readonly errors: SamrehabGraphQLError[],
    readonly status: number,
  ) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'SamrehabError';
    this.code = errors[0]?.extensions?.code;
    this.reason = errors[0]?.extensions?.reason;
  }
}

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token, or a function returning a fresh one for each request. */
  token?: string | (() => string | Promise<string>);
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
}

/** Each operation is printed once, then reused. */
const printed = new WeakMap<DocumentNode, string>();
const text = (document: DocumentNode) => {
  let query = printed.get(document);
  if (query === undefined) printed.set(document, (query = print(document)));
  return query;
};

/** A typed client: one method per operation in client-sdk/operations. */
export function createClient({ url, token, fetch: doFetch = globalThis.fetch }: ClientOptions) {
  const requester: Requester = async <R, V>(document: DocumentNode, variables?: V): Promise<R> => {
    const bearer = typeof token === 'function' ? await token() : token;
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query: text(document), variables }),
    });
    const body = (await res.json()) as { data?: R; errors?: SamrehabGraphQLError[] };
    if (body.errors?.length) throw new SamrehabError(body.errors, res.status);
    return body.data as R;
  };
  return getSdk(requester);
}

export type SamrehabClient = ReturnType<typeof createClient>;
