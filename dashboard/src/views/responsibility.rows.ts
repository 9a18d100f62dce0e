import type {
  ComparisonKind,
  DashboardAnswerFieldsFragment,
  DashboardResponsibilityChangesQuery,
  DashboardResponsibilityMapQuery,
  DashboardResponsibilitySummaryQuery,
  HousingForm,
} from '../../../client-sdk/src/generated';

export type Answer = DashboardAnswerFieldsFragment;

/** The parts of an answer the map shows, each in its own column of both scenarios. */
export const PARTS = ['responsible', 'performer', 'costBearer'] as const;
export type Part = (typeof PARTS)[number];

/** One situation of one municipality: the answers of both scenarios side by side, and why it is marked. */
export interface MapRow {
  interventionCode: string;
  /** The catalogue's name (the code when the catalogue lacks it). */
  interventionName: string;
  housingForm: HousingForm;
  enrolledInHomeHealthCare: boolean;
  from: Answer;
  to: Answer;
  /** The comparison's marks (CHANGED, GAP, OVERLAP); empty when the scenarios agree. */
  kinds: ComparisonKind[];
  /** The parts whose value differs between two assigned answers: the changed cells. */
  changedParts: Part[];
}

type Situation = { interventionCode: string; housingForm: HousingForm; enrolledInHomeHealthCare: boolean };
const keyOf = (s: Situation) => `${s.interventionCode}|${s.housingForm}|${s.enrolledInHomeHealthCare}`;

/** A part as compared: the organisation, and for the performer also the care level that performs. */
function partValue(answer: Answer, part: Part): string {
  if (part === 'performer') return `${answer.performer?.id ?? ''}|${answer.performerCareLevel ?? ''}`;
  return answer[part]?.id ?? '';
}

function changedParts(from: Answer, to: Answer): Part[] {
  if (from.status !== 'ASSIGNED' || to.status !== 'ASSIGNED') return [];
  return PARTS.filter((p) => partValue(from, p) !== partValue(to, p));
}

type Catalogue = DashboardResponsibilityChangesQuery['interventions'];

function row(situation: Situation, from: Answer, to: Answer, kinds: ComparisonKind[], catalogue: Map<string, Catalogue[number]>): MapRow {
  const entry = catalogue.get(situation.interventionCode);
  return {
    interventionCode: situation.interventionCode,
    interventionName: entry?.name ?? situation.interventionCode,
    housingForm: situation.housingForm,
    enrolledInHomeHealthCare: situation.enrolledInHomeHealthCare,
    from,
    to,
    kinds,
    changedParts: changedParts(from, to),
  };
}

const catalogueOf = (changes: DashboardResponsibilityChangesQuery) => new Map(changes.interventions.map((i) => [i.code, i]));

/** The rows shown first: the comparison's cases (changed, gap, overlap) of one municipality, in its order. */
export function changedRows(changes: DashboardResponsibilityChangesQuery): MapRow[] {
  const catalogue = catalogueOf(changes);
  return changes.responsibilityComparison.cases.map((c) => row(c, c.from, c.to, c.kinds, catalogue));
}

/**
 * Every row: the two matrices of one municipality joined situation by situation, in the first
 * matrix's (catalogue) order, marked with the comparison's kinds.
 */
export function allRows(changes: DashboardResponsibilityChangesQuery, matrices: DashboardResponsibilityMapQuery): MapRow[] {
  const catalogue = catalogueOf(changes);
  const kinds = new Map(changes.responsibilityComparison.cases.map((c) => [keyOf(c), c.kinds]));
  const toAnswers = new Map(matrices.toMatrix.cells.map((c) => [keyOf(c), c.municipalities[0]?.answer]));
  return matrices.fromMatrix.cells.flatMap((cell) => {
    const from = cell.municipalities[0]?.answer;
    const to = toAnswers.get(keyOf(cell));
    return from && to ? [row(cell, from, to, kinds.get(keyOf(cell)) ?? [], catalogue)] : [];
  });
}

/** How many situations each municipality has of each kind; every municipality listed, zeros included. */
export interface SummaryRow {
  code: string;
  name: string;
  counts: Record<ComparisonKind, number>;
}

export const KINDS: readonly ComparisonKind[] = ['CHANGED', 'GAP', 'OVERLAP'];

export function summaryRows(
  comparison: DashboardResponsibilitySummaryQuery['responsibilityComparison'],
  municipalities: readonly { code: string; name: string }[],
): SummaryRow[] {
  const rows = municipalities.map((m) => ({ code: m.code, name: m.name, counts: { CHANGED: 0, GAP: 0, OVERLAP: 0 } }));
  const byCode = new Map(rows.map((r) => [r.code, r]));
  for (const c of comparison.cases) {
    const row = byCode.get(c.municipalityCode);
    if (row) for (const k of c.kinds) row.counts[k] += 1;
  }
  return rows;
}
