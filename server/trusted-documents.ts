import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { type DocumentNode, print } from 'graphql';
import * as sdkDocuments from '../client-sdk/src/generated';
import { persistedDocumentId } from '../client-sdk/src/persisted-documents';
import { ErrorCode } from '../schema/common/errors';

/** The SDK's operations by their persisted-document id (`sha256:` and the hex digest of their printed text). */
function sdkManifest(): ReadonlyMap<string, string> {
  const manifest = new Map<string, string>();
  for (const value of Object.values(sdkDocuments) as unknown[]) {
    if ((value as DocumentNode | null)?.kind !== 'Document') continue;
    const text = print(value as DocumentNode);
    manifest.set(persistedDocumentId(createHash('sha256').update(text).digest('hex')), text);
  }
  return manifest;
}

function refuse(res: Response, status: number, code: string, message: string) {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * Trusted documents: a POST may name one of the SDK's operations by `documentId` instead of sending
 * its text (the GraphQL-over-HTTP convention graphql-codegen's persisted documents use). With
 * `only`, nothing else runs: a request with its own query text is refused before it is parsed, so a
 * production deployment can serve exactly the operations its partners' SDK holds.
 */
export function trustedDocuments(only: boolean) {
  const manifest = sdkManifest();
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.method === 'POST' && req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : null;
    const documentId = body?.documentId;
    if (documentId !== undefined) {
      if (body!.query !== undefined) return refuse(res, 400, ErrorCode.BAD_REQUEST, 'Send either documentId or query, not both');
      const text = typeof documentId === 'string' ? manifest.get(documentId) : undefined;
      if (text === undefined) return refuse(res, 400, 'PERSISTED_QUERY_NOT_FOUND', 'documentId names none of the SDK\'s operations (sha256:<hex of the printed document>)');
      body!.query = text;
      delete body!.documentId;
      return next();
    }
    const ownText = body ? body.query !== undefined : req.method === 'GET' && req.query.query !== undefined;
    if (only && ownText) return refuse(res, 400, ErrorCode.BAD_REQUEST, 'This server runs only the SDK\'s operations: send their documentId (POST) instead of a query');
    next();
  };
}
