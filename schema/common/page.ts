import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../../server/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Where a page of a Relay connection lies in the whole list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow the last one of this page.' })
  hasNextPage: boolean;

  @Field({ description: 'Always false: lists are paged forwards only, with `first` and `after`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page; null for an empty page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` to get the next page.' })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return: 1 to ${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor (an `endCursor` of an earlier page).' })
  after?: string | null;
}

/** A page request after validation: `after` decoded into the sort key of the last item seen. */
export interface PageRequest {
  first: number;
  after: string[] | null;
}

/** Validates `first` and decodes `after`. The sort key is an array of strings, e.g. [name, id]. */
export function pageRequest(args: PageArgs, keyLength: number): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${args.first}`, 'first');
  }
  if (args.after == null) return { first, after: null };
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8'));
  } catch {
    key = null;
  }
  if (!Array.isArray(key) || key.length !== keyLength || !key.every((k) => typeof k === 'string')) {
    throw new BadUserInputError('after is not a cursor of this list', 'after');
  }
  return { first, after: key };
}

export const encodeCursor = (key: string[]) => Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');

/** One page of rows, fetched as `first + 1` rows so that `hasNextPage` needs no count. */
export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

export function toConnection<T>(page: Page<T>, sortKey: (node: T) => string[]): Connection<T> {
  const edges = page.nodes.map((node) => ({ cursor: encodeCursor(sortKey(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Declares `<Name>Edge` and `<Name>Connection` object types for a node type. */
export function ConnectionType<T extends object>(NodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${description} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor of this item; pass it as `after` to continue after it.' })
    cursor: string;

    @Field(() => NodeType, { description: `The ${description}.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description} items in a stable order (Relay connection).` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The items of this page, each with its cursor.' })
    edges: Edge[];

    @Field(() => PageInfo, { description: 'Where this page lies in the whole list.' })
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}
