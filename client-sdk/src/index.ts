/**
 * The samrehab partner SDK: the operations' types and typed document nodes (for urql, Apollo Client
 * or graphql-request), and a small client with one method per operation.
 */
export * from './generated';
export * from './errors';
export { pages, type ConnectionPage } from './pages';
export { documentIdOf } from './persisted-documents';
export { createClient, type CallOptions, type ClientOptions, type ExecutionResult, type SamrehabClient } from './client';
