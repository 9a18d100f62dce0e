import { type DocumentNode, print } from 'graphql';

/** A persisted document's id from the hex SHA-256 of its printed text, as the server keys its trusted documents. */
export const persistedDocumentId = (sha256Hex: string) => `sha256:${sha256Hex}`;

const ids = new WeakMap<DocumentNode, Promise<string>>();

/**
 * The id the server knows one of the SDK's operations by (Web Crypto: Node.js and browsers alike).
 * A document of your own has an id too, but a server that runs only trusted documents refuses it.
 */
export function documentIdOf(document: DocumentNode): Promise<string> {
  let id = ids.get(document);
  if (!id) {
    id = crypto.subtle.digest('SHA-256', new TextEncoder().encode(print(document))).then((digest) =>
      persistedDocumentId(Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')),
    );
    ids.set(document, id);
  }
  return id;
}
