import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { isStorableText } from '../../domain/text';
import { isUuid } from '../../domain/uuid';
import { BadUserInputError } from './errors';

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

/**
 * The type of each part of a list's sort key, as its SQL compares it: a cursor whose parts do not
 * parse as these is refused before it reaches PostgreSQL (where a uuid column would answer 22P02).
 */
export type KeyKind = 'uuid' | 'text' | 'bigint' | 'timestamp' | 'date';

/** The sort key of lists in name (or title) order: (name, id). */
export const BY_NAME: KeyKind[] = ['text', 'uuid'];

/** A calendar date that exists: 2026-02-30 does not. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 (toISOString) and PostgreSQL's own text form of timestamptz ("2026-12-03 13:45:00.123+01").
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2}){0,2})$/;
const KEY_PART: Record<KeyKind, (value: string) => boolean> = {
  uuid: isUuid,
  // Text a cursor can carry came out of a text column: it holds no NUL or lone surrogate.
  text: (value) => value.length <= 1000 && isStorableText(value),
  bigint: (value) => /^[0-9]{1,18}$/.test(value),
  date: (value) => {
    const m = DATE.exec(value);
    return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  timestamp: (value) => {
    // A list sorted by a nullable instant puts "no instant" last as 'infinity'.
    if (value === 'infinity') return true;
    const m = TIMESTAMP.exec(value);
    return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6]) < 60;
  },
};

/**
 * Validates `first` and decodes `after` into the sort key of the list, whose parts are of `kinds`
 * (e.g. BY_NAME, or ['timestamp', 'uuid']). A cursor of another list, or one made up, is
 * BAD_USER_INPUT on `after`, never an SQL error.
 */
export function pageRequest(args: PageArgs, kinds: KeyKind[]): PageRequest {
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
  if (!Array.isArray(key) || key.length !== kinds.length || !key.every((k, i) => typeof k === 'string' && KEY_PART[kinds[i]](k))) {
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
