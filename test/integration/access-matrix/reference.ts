import { Role } from '../../../domain/enums';
import { seededOrganisationId } from '../../../entities/seed/seed';

/**
 * The access matrix for everything but patient data (access-matrix-reference.test.ts): its viewers,
 * the outcomes they may get, the fixture, and the shape of a capability's rows file
 * (`<capability>.reference-rows.ts` in this folder, found by the test on its own).
 *
 * The viewers are an administrator, an editor and a planner of Region Dalarna (20) and of
 * Västmanland (19), Mora's care staff, Mora's planning system and an anonymous caller. The records
 * the operations name are Region Dalarna's. Reference data is public to every signed-in viewer
 * (DESIGN.md); a region's agreements and rules, and the right to change its organisations and care
 * units, are its own: to another region's viewer they answer as a made-up id does. A refused write
 * leaves the tables it would have written as they were. Each write acts on records made for that
 * one attempt, so cells do not depend on each other.
 */
export type Viewer = 'admin20' | 'admin19' | 'editor20' | 'editor19' | 'planner20' | 'planner19' | 'careStaff' | 'integration' | 'anonymous';
export type Outcome = 'DATA' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'UNAUTHENTICATED';

export const VIEWERS: Record<Viewer, [string, Role] | null> = {
  admin20: ['20', Role.TENANT_ADMIN],
  admin19: ['19', Role.TENANT_ADMIN],
  editor20: ['20', Role.RESPONSIBILITY_EDITOR],
  editor19: ['19', Role.RESPONSIBILITY_EDITOR],
  planner20: ['20', Role.PLANNER],
  planner19: ['19', Role.PLANNER],
  careStaff: ['2062', Role.CARE_STAFF],
  // Mora kommun's planning system: responsibility look-ups and reference data.
  integration: ['2062', Role.INTEGRATION],
  anonymous: null,
};
export const REGION_19: Viewer[] = ['admin19', 'editor19', 'planner19'];
export const regionOf = (viewer: Viewer) => (REGION_19.includes(viewer) ? '19' : '20');

/** Every signed-in viewer gets the data. */
export const EVERYONE: Record<Viewer, Outcome> = {
  admin20: 'DATA', admin19: 'DATA', editor20: 'DATA', editor19: 'DATA', planner20: 'DATA', planner19: 'DATA', careStaff: 'DATA', integration: 'DATA', anonymous: 'UNAUTHENTICATED',
};
/** Only the viewers named; every other signed-in viewer is FORBIDDEN. */
export const only = (allowed: Partial<Record<Viewer, Outcome>>): Record<Viewer, Outcome> => ({
  admin20: 'FORBIDDEN', admin19: 'FORBIDDEN', editor20: 'FORBIDDEN', editor19: 'FORBIDDEN', planner20: 'FORBIDDEN', planner19: 'FORBIDDEN', careStaff: 'FORBIDDEN', integration: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED',
  ...allowed,
});

export const MORA = seededOrganisationId('2062')!;
export const DALARNA = seededOrganisationId('20')!;
/** Agreements made here start in 2091, so that no other suite's questions about today or 2026 meet them. */
export const FUTURE = '2091-01-01';

/** The record an attempt names: `id` is replaced by a made-up one to compare a foreign viewer's answer. */
export interface Target {
  id: string;
  [key: string]: string;
}

export interface Fixture {
  /** Region Dalarna's DRAFT agreement (from 2091) with one rule, for the reads. */
  agreementId: string;
  ruleId: string;
  /** A patient of Mora's, and the request that created it (a row in Region Dalarna's access log). */
  patientId: string;
  patientRequestId: string;
  /** When the fixture was made: the access-log review reads from here on. */
  since: string;
  /** Today ± a day in the region's time zone, for the access-log verification. */
  period: { from: string; to: string };
  /** A fresh employer in Region Dalarna. */
  newOrganisation(): Promise<string>;
  /** A fresh care unit of a fresh organisation in Region Dalarna. */
  newCareUnit(): Promise<string>;
  /** A fresh DRAFT agreement of Region Dalarna (Region Dalarna and Mora) with one rule. */
  newAgreement(): Promise<{ id: string; ruleId: string }>;
}

export interface Operation {
  /** The root field, then what sets this row apart. */
  name: string;
  /** The record the attempt acts on, made fresh for it when it is a write. */
  prepare?(f: Fixture): Promise<Target>;
  query: string;
  variables(t: Target, f: Fixture, viewer: Viewer): Record<string, unknown>;
  /** When the operation answers with data: what the data must show. */
  check?(data: any, t: Target, f: Fixture, viewer: Viewer): void;
  expected: Record<Viewer, Outcome>;
  /** The tables a write changes: a refused attempt must leave them exactly as they were. */
  writes?: string[];
  /** Viewers to whom `Target.id` is another region's record: they get the answer a made-up id gets. */
  foreignTo?: Viewer[];
  /** The made-up value of `Target.id` (default: a random UUID). */
  madeUpId?: string;
  /** The operation reads the access log, so every attempt is logged; nothing else here leaves a row. */
  logged?: true;
}

/** One capability's rows of the reference matrix. */
export interface ReferenceRows {
  operations: Operation[];
}

export const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((e) => e.node.id);
