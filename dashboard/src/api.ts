import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { documentIdOf } from '../../client-sdk/src/persisted-documents';

/** An answer of /graphql with errors, or no answer at all: its code is the API's (schema/common/errors.ts) or NETWORK. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The input field the API names, when it names one. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface Api {
  /** Runs one of the SDK's typed documents with the tab's token; the data, or an ApiError. */
  request<R, V>(document: TypedDocumentNode<R, V>, variables: V): Promise<R>;
}

/**
 * The SDK's documents by their persisted-document id (a server with TRUSTED_DOCUMENTS=only runs
 * nothing else); as text only where the browser has no Web Crypto (a page not on https or localhost).
 */
async function body(document: TypedDocumentNode<unknown, unknown>, variables: unknown): Promise<string> {
  const reference = globalThis.crypto?.subtle ? { documentId: await documentIdOf(document) } : { query: print(document) };
  return JSON.stringify({ ...reference, variables });
}

export function createApi(endpoint: string, token: () => string | null): Api {
  return {
    async request(document, variables) {
      let res: Response;
      try {
        const bearer = token();
        res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
          body: await body(document as TypedDocumentNode<unknown, unknown>, variables),
        });
      } catch (e) {
        throw new ApiError('NETWORK', (e as Error).message);
      }
      let answer: { data?: unknown; errors?: { message: string; extensions?: { code?: string; field?: string } }[] };
      try {
        answer = await res.json();
      } catch {
        throw new ApiError(`HTTP_${res.status}`, res.statusText);
      }
      const error = answer.errors?.[0];
      if (error) throw new ApiError(error.extensions?.code ?? `HTTP_${res.status}`, error.message, error.extensions?.field);
      return answer.data as never;
    },
  };
}
