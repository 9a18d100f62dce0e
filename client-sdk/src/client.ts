import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type OperationDefinitionNode, print } from 'graphql';
import { SamrehabError, type SamrehabGraphQLError, SamrehabHttpError } from './errors';
import { documentIdOf } from './persisted-documents';
import { getSdk, type Requester } from './sdk';

export interface ClientOptions {
  /** The GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** A bearer token, or a function returning a fresh one for each request. */
  token?: string | (() => string | Promise<string>);
  /** A fetch implementation; the global one by default. */
  fetch?: typeof fetch;
  /** Give up on a request after this long (default 30 s); the call rejects with the abort's TimeoutError. */
  timeoutMs?: number;
  /**
   * Send each operation's persisted-document id instead of its text (a server with
   * TRUSTED_DOCUMENTS=only runs nothing else). Only the SDK's own operations are known there.
   */
  trustedDocuments?: boolean;
  /**
   * How many more times a query is sent when the network fails or the server says it is unavailable
   * (HTTP 502/503/504, SERVICE_UNAVAILABLE); default 2, with 200 ms, 400 ms, … between. Mutations are
   * never sent again: the first one may have been written.
   */
  retries?: number;
}

/** Per call: cancel it, or give it another timeout than the client's. */
export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A GraphQL response as the server sent it: data (possibly partial) beside the errors. */
export interface ExecutionResult<R> {
  data?: R | null;
  errors?: readonly SamrehabGraphQLError[];
  status: number;
}

/** Each operation is printed once, then reused. */
const printed = new WeakMap<DocumentNode, { query: string; isQuery: boolean }>();
function prepared(document: DocumentNode) {
  let entry = printed.get(document);
  if (!entry) {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    printed.set(document, (entry = { query: print(document), isQuery: operation?.operation === 'query' }));
  }
  return entry;
}

const UNAVAILABLE = new Set([502, 503, 504]);
const wait = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * A typed client: one method per operation in client-sdk/operations (it throws a SamrehabError on
 * any error, with the partial data in it), and `execute` for any typed document (it returns data and
 * errors side by side).
 */
export function createClient({ url, token, fetch: doFetch = globalThis.fetch, timeoutMs = 30_000, retries = 2, trustedDocuments = false }: ClientOptions) {
  async function send<R>(document: DocumentNode, variables: unknown, signal: AbortSignal): Promise<ExecutionResult<R>> {
    const operation = trustedDocuments ? { documentId: await documentIdOf(document) } : { query: prepared(document).query };
    const bearer = typeof token === 'function' ? await token() : token;
    const res = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ ...operation, variables }),
      signal,
    });
    const contentType = res.headers.get('content-type');
    if (!contentType || !/json/i.test(contentType)) throw new SamrehabHttpError(res.status, contentType);
    let body: { data?: R | null; errors?: SamrehabGraphQLError[] };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new SamrehabHttpError(res.status, contentType);
    }
    return { data: body.data, errors: body.errors, status: res.status };
  }

  async function execute<R, V>(document: TypedDocumentNode<R, V> | DocumentNode, variables?: V, call: CallOptions = {}): Promise<ExecutionResult<R>> {
    const timeout = AbortSignal.timeout(call.timeoutMs ?? timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    const attempts = prepared(document).isQuery ? retries + 1 : 1;
    for (let attempt = 1; ; attempt++) {
      let result: ExecutionResult<R> | undefined;
      try {
        result = await send<R>(document, variables, signal);
      } catch (e) {
        // A network failure (fetch's TypeError) or a gateway's error page may pass; an abort does not.
        const transient = !signal.aborted && (e instanceof TypeError || (e instanceof SamrehabHttpError && UNAVAILABLE.has(e.status)));
        if (!transient || attempt >= attempts) throw e;
      }
      if (result) {
        const unavailable = result.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE') && !result.data;
        if (!unavailable || attempt >= attempts) return result;
      }
      await wait(200 * 2 ** (attempt - 1), signal);
    }
  }

  const requester: Requester<CallOptions> = async <R, V>(document: DocumentNode, variables?: V, call?: CallOptions): Promise<R> => {
    const result = await execute<R, V>(document, variables, call);
    if (result.errors?.length) throw new SamrehabError<R>(result.errors, result.status, result.data);
    return result.data as R;
  };
  return { ...getSdk(requester), execute };
}

export type SamrehabClient = ReturnType<typeof createClient>;
