/**
 * The planners' figures of rehabilitation coordination (issue 18 item 5), always for women and men
 * side by side (seed 003's equality requirement), with the small-cell suppression of the other
 * planner reports. The database hands over counts and sums per group of cases (care unit, home
 * municipality, age band, occupation, sex); this turns them into suppressed tables.
 *
 * Every figure concerns the cases opened in the period (a cohort): what became of them (declined,
 * closed with return to work), how soon they were first contacted, whether the employer was
 * contacted, how many activities and KVÅ codes they earned. Each breakdown (by care unit, by home
 * municipality, by age band, by age band and occupation) covers the whole cohort, so they are
 * suppressed together: a total hidden in one is hidden in all (suppressTables).
 */
import { LegalSex } from './enums';
import { DerivedFigure, DerivedTable, meansHiddenLike, range, SuppressedCount, SuppressedTable, suppressTables } from './statistics';

/** Where a case's patient stood, on the day it was opened, against the "young adult" band. */
export enum CoordinationAgeBand {
  BELOW_YOUNG_ADULT = 'BELOW_YOUNG_ADULT',
  YOUNG_ADULT = 'YOUNG_ADULT',
  ABOVE_YOUNG_ADULT = 'ABOVE_YOUNG_ADULT',
}

/** One group of cases opened in the period, as the database counts it. */
export interface CoordinationGroup {
  careUnitId: string;
  /** The patient's home municipality; null when none is recorded. */
  municipalityId: string | null;
  ageBand: CoordinationAgeBand;
  occupation: string;
  sex: LegalSex;
  opened: number;
  declined: number;
  closedWithReturnToWork: number;
  /** Cases in which the patient was contacted (the case's first_contact_at). */
  firstContacted: number;
  /** Days from opening to first contact, summed over those cases. */
  daysToFirstContact: number;
  /** Cases with at least one activity with their employer. */
  employerContact: number;
  activities: number;
  /** KVÅ codes earned, by code. */
  kva: Readonly<Record<string, number>>;
}

/** A figure for women and men together and apart. */
export interface BySex<T> {
  total: T;
  female: T;
  male: T;
}

export interface CoordinationFigures {
  opened: BySex<SuppressedCount>;
  declined: BySex<SuppressedCount>;
  closedWithReturnToWork: BySex<SuppressedCount>;
  firstContacted: BySex<SuppressedCount>;
  meanDaysToFirstContact: BySex<DerivedFigure>;
  withEmployerContact: BySex<SuppressedCount>;
  /** Per cent of the cases opened. */
  employerContactShare: BySex<DerivedFigure>;
  activitiesPer100Cases: BySex<DerivedFigure>;
  kvaPer100Cases: { code: string; per100Cases: BySex<DerivedFigure> }[];
}

/** The rows of each breakdown, in the order the report shows them (zeros included). */
export interface CoordinationBreakdowns {
  careUnitIds: readonly string[];
  /** null: persons with no home municipality recorded. */
  municipalityIds: readonly (string | null)[];
  occupations: readonly string[];
  kvaCodes: readonly string[];
}

export interface CoordinationReport {
  region: CoordinationFigures;
  byCareUnit: { careUnitId: string; figures: CoordinationFigures }[];
  byMunicipality: { municipalityId: string | null; figures: CoordinationFigures }[];
  byAgeBand: { ageBand: CoordinationAgeBand; figures: CoordinationFigures }[];
  /** For each age band and occupation: the share of cases with employer contact, women against men. */
  employerContactGap: EmployerContactGapRow[];
}

export interface EmployerContactGapRow {
  ageBand: CoordinationAgeBand;
  occupation: string;
  opened: BySex<SuppressedCount>;
  withEmployerContact: BySex<SuppressedCount>;
  employerContactShare: BySex<DerivedFigure>;
  /** Women's share less men's, in percentage points; hidden when either share is. */
  gapPercentagePoints: DerivedFigure;
}

const SEXES = [LegalSex.FEMALE, LegalSex.MALE];
export const AGE_BANDS = Object.values(CoordinationAgeBand);

type Count = Exclude<keyof CoordinationGroup, 'careUnitId' | 'municipalityId' | 'ageBand' | 'occupation' | 'sex' | 'kva'>;
type Dimension = { rows: number; rowOf: (g: CoordinationGroup) => number };

const HIDDEN: DerivedFigure = { value: null, suppressed: true, display: '..' };

/**
 * The report from the groups: every figure by care unit, home municipality and age band, and the
 * employer-contact gap by age band and occupation, each for women and men; the region's figures
 * are the tables' shared margins.
 */
export function coordinationReport(groups: readonly CoordinationGroup[], rows: CoordinationBreakdowns, threshold: number): CoordinationReport {
  const index = <K>(keys: readonly K[]) => new Map(keys.map((k, i) => [k, i]));
  const [units, municipalities, occupations] = [index(rows.careUnitIds), index(rows.municipalityIds), index(rows.occupations)];
  const bands = index(AGE_BANDS);
  const dimensions: Dimension[] = [
    { rows: rows.careUnitIds.length, rowOf: (g) => units.get(g.careUnitId)! },
    { rows: rows.municipalityIds.length, rowOf: (g) => municipalities.get(g.municipalityId)! },
    { rows: AGE_BANDS.length, rowOf: (g) => bands.get(g.ageBand)! },
    { rows: AGE_BANDS.length * rows.occupations.length, rowOf: (g) => bands.get(g.ageBand)! * rows.occupations.length + occupations.get(g.occupation)! },
  ];
  // Each dimension's [row][sex] sums of a figure.
  const grid = (value: (g: CoordinationGroup) => number) =>
    dimensions.map((d) => {
      const cells = range(d.rows).map(() => [0, 0]);
      for (const g of groups) cells[d.rowOf(g)][SEXES.indexOf(g.sex)] += value(g);
      return cells;
    });
  const counts = (figure: Count) => {
    const values = grid((g) => g[figure]);
    return { values, tables: suppressTables(values, 2, threshold) };
  };

  const opened = counts('opened');
  const declined = counts('declined');
  const closed = counts('closedWithReturnToWork');
  const contacted = counts('firstContacted');
  const employer = counts('employerContact');
  const per100 = (value: (g: CoordinationGroup) => number) => {
    const sums = grid((g) => 100 * value(g));
    return dimensions.map((_, d) => meansHiddenLike(opened.tables[d], opened.values[d], sums[d]));
  };
  const daysSums = grid((g) => g.daysToFirstContact);
  const meanDays = dimensions.map((_, d) => meansHiddenLike(contacted.tables[d], contacted.values[d], daysSums[d]));
  const shares = dimensions.map((_, d) => sharesOf(opened.tables[d], employer.tables[d], opened.values[d], employer.values[d]));
  const activities = per100((g) => g.activities);
  const kva = rows.kvaCodes.map((code) => ({ code, tables: per100((g) => g.kva[code] ?? 0) }));

  // The figures of row r of dimension d, or of the whole region (r null).
  const figures = (d: number, r: number | null): CoordinationFigures => ({
    opened: bySex(opened.tables[d], r),
    declined: bySex(declined.tables[d], r),
    closedWithReturnToWork: bySex(closed.tables[d], r),
    firstContacted: bySex(contacted.tables[d], r),
    meanDaysToFirstContact: bySex(meanDays[d], r),
    withEmployerContact: bySex(employer.tables[d], r),
    employerContactShare: bySex(shares[d], r),
    activitiesPer100Cases: bySex(activities[d], r),
    kvaPer100Cases: kva.map((k) => ({ code: k.code, per100Cases: bySex(k.tables[d], r) })),
  });
  const gap = 3;
  return {
    region: figures(0, null),
    byCareUnit: rows.careUnitIds.map((careUnitId, r) => ({ careUnitId, figures: figures(0, r) })),
    byMunicipality: rows.municipalityIds.map((municipalityId, r) => ({ municipalityId, figures: figures(1, r) })),
    byAgeBand: AGE_BANDS.map((ageBand, r) => ({ ageBand, figures: figures(2, r) })),
    employerContactGap: AGE_BANDS.flatMap((ageBand, b) =>
      rows.occupations.map((occupation, o) => {
        const r = b * rows.occupations.length + o;
        const share = bySex(shares[gap], r);
        return {
          ageBand,
          occupation,
          opened: bySex(opened.tables[gap], r),
          withEmployerContact: bySex(employer.tables[gap], r),
          employerContactShare: share,
          gapPercentagePoints: difference(share.female, share.male),
        };
      }),
    ),
  };
}

function bySex<T>(table: { cells: T[][]; rowTotals: T[]; columnTotals: T[]; total: T }, r: number | null): BySex<T> {
  return r === null
    ? { total: table.total, female: table.columnTotals[0], male: table.columnTotals[1] }
    : { total: table.rowTotals[r], female: table.cells[r][0], male: table.cells[r][1] };
}

/**
 * Per cent of the cases (`cases`) that have something (`some`, a subset), to two decimals: hidden
 * where either count is, since the share and the count of cases give the hidden count away; '–'
 * over no cases.
 */
export function sharesOf(cases: SuppressedTable, some: SuppressedTable, caseValues: readonly (readonly number[])[], someValues: readonly (readonly number[])[]): DerivedTable {
  const hiddenWhereSome = (t: DerivedTable): DerivedTable => ({
    cells: t.cells.map((row, r) => row.map((f, c) => (some.cells[r][c].suppressed ? HIDDEN : f))),
    rowTotals: t.rowTotals.map((f, r) => (some.rowTotals[r].suppressed ? HIDDEN : f)),
    columnTotals: t.columnTotals.map((f, c) => (some.columnTotals[c].suppressed ? HIDDEN : f)),
    total: some.total.suppressed ? HIDDEN : t.total,
  });
  return hiddenWhereSome(meansHiddenLike(cases, caseValues, someValues.map((row) => row.map((v) => 100 * v))));
}

/** a − b, to two decimals; hidden when either is, none ('–') when either is a share of nobody. */
export function difference(a: DerivedFigure, b: DerivedFigure): DerivedFigure {
  if (a.suppressed || b.suppressed) return HIDDEN;
  if (a.value === null || b.value === null) return { value: null, suppressed: false, display: '–' };
  const value = Math.round((a.value - b.value) * 100) / 100;
  return { value, suppressed: false, display: value.toFixed(2) };
}
