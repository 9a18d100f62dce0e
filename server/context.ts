import type { Access } from './access/access';

/** What every resolver receives: the request's viewer-bound data access. */
export interface Context {
  access: Access;
}
