import { Role } from '../../../domain/enums';
import { localDateOf } from '../../../domain/local-date';
import { seededOrganisationId } from '../../../entities/seed/seed';
import { GraphQLResponse, TestApp } from '../../support/test-app';

/**
 * The access matrix for patient data (access-matrix.test.ts): its viewers, the fixture every
 * capability's rows share, and the shape of a capability's rows file (`<capability>.rows.ts` in
 * this folder, found by the test on its own). Mora municipality keeps the patient's record; Region
 * Dalarna takes part in the case and discharges the patient from Falu lasarett (a hand-off to
 * Mora). Falun is another municipality of the region; Västerås lies in another region; Mora's
 * planning system is an INTEGRATION client.
 */
export type Viewer = 'owner' | 'participant' | 'nonParticipant' | 'otherRegion' | 'planner' | 'integration' | 'anonymous';
export type Outcome = 'DATA' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'CONFLICT';

export const VIEWERS: Record<Viewer, [string, Role] | null> = {
  owner: ['2062', Role.CARE_STAFF],
  participant: ['20', Role.CARE_STAFF],
  nonParticipant: ['2080', Role.CARE_STAFF],
  otherRegion: ['1980', Role.CARE_STAFF],
  planner: ['20', Role.PLANNER],
  // Mora kommun's planning system: its own hand-off inbox, nothing else of patients.
  integration: ['2062', Role.INTEGRATION],
  anonymous: null,
};

/** What every capability's rows may use: the patient, its case and the discharge hand-off. */
export interface Fixture {
  patientId: string;
  personnummer: string;
  /** A fresh, unrevoked consent Mora → Region Dalarna for each revocation attempt. */
  newConsent(): Promise<string>;
  handoffId: string;
  /** The hand-off's admission notice, addressed to Mora and to Region Dalarna's primary care. */
  admissionNoticeId: string;
  handoffVersion(): Promise<number>;
  /** A care unit of each viewer's organisation, to send a hand-off from. */
  careUnitOf(viewer: Viewer): string;
  /** Each viewer's bearer token (null for the anonymous caller). */
  tokens: Record<Viewer, string | null>;
  /** A date `days` from today, as a consent's validity. */
  validTo: string;
}

export interface Operation<F = {}> {
  name: string;
  run(app: TestApp, token: string | null, f: Fixture & F, viewer: Viewer): Promise<GraphQLResponse>;
  /** When the operation answers with data: what the data must show. */
  check?(data: any, f: Fixture & F, viewer: Viewer): void;
  expected: Record<Viewer, Outcome>;
  /** Where the log records more than the GraphQL outcome says (an empty search is a NOT_FOUND). */
  logged?: Partial<Record<Viewer, string>>;
  /**
   * False for lists and look-ups that name no record of the fixture's patient. Every other attempt,
   * refused ones included, is logged against the patient (resolved server-side from a record id).
   */
  concernsPatient?: false;
}

/**
 * One capability's rows: its operations and, when they need records of their own (a plan, a
 * commitment), the set-up that makes them on the shared fixture, run once before any row. Rows of
 * one file run in their order; files must not depend on each other's rows.
 */
export interface MatrixRows<F = {}> {
  setUp?(app: TestApp, base: Fixture): Promise<F>;
  operations: Operation<F>[];
}

export const DENIED_TO_OUTSIDERS = { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND', planner: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' } as const;

export const MORA = seededOrganisationId('2062')!;
export const DALARNA = seededOrganisationId('20')!;
/** A date `days` from now, as the API takes local dates: Region Dalarna's (from 23:00 UTC Stockholm is a day ahead). */
export const inDays = (days: number) => localDateOf(new Date(Date.now() + days * 86400_000), 'Europe/Stockholm');

/**
 * A list's pages, from the first until `wanted` shows or the list ends: the suites share one database,
 * so the fixture's record may stand past any first page. `query` takes `$after` and selects the
 * connection `field` with `pageInfo { hasNextPage endCursor }`. Answers the last page's response (its
 * request id is logged like the first's) with the edges of every page read.
 */
export async function pagesUntil(app: TestApp, token: string | null, query: string, field: string, wanted: (node: any) => boolean, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const edges: any[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page++) {
    const res: GraphQLResponse = await app.gql(query, { ...variables, after }, token);
    const connection = res.data?.[field];
    if (res.errors || !connection) return res;
    edges.push(...connection.edges);
    if (!connection.pageInfo.hasNextPage || connection.edges.some((e: any) => wanted(e.node))) return { ...res, data: { [field]: { ...connection, edges } } };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${field}: more than 50 pages`);
}
