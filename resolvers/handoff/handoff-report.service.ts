import { CareLevel, Country, LegalSex } from '../../domain/enums';
import { addFigures, DischargeFigures, NO_DISCHARGES } from '../../domain/discharge-figures';
import { reportMonths } from '../../domain/report-period';
import { PARAMETER } from '../../domain/rule-parameters';
import type { DerivedFigure, SuppressedCount, SuppressedTable } from '../../domain/statistics';
import { suppressByMonthTogether } from '../../domain/statistics-by-month';
import type { Access } from '../../server/access/access';
import type { DischargeFigureRow } from '../../server/access/handoff-report.store';
import type { CareUnitRow, OrganisationRow } from '../../server/access/rows';
import type { PeriodInput } from '../../schema/common/period.input';
import { bySex } from '../common/figure-grid';
import { plannerRegion, regionMunicipalities } from '../common/planner-region';

const SEXES = [LegalSex.FEMALE, LegalSex.MALE];
/** More than any region has. */
const ALL_HOSPITALS = { first: 500, after: null };

/** A figure of a visible group, shown even when small: the group is large enough. */
const shown = (n: number): SuppressedCount => ({ value: n, suppressed: false, display: String(n) });

/** An amount: hidden with its discharges; '–' when no daily amount is agreed for some of them. */
function amount(discharges: SuppressedCount, value: number | null): DerivedFigure {
  if (discharges.suppressed) return { value: null, suppressed: true, display: '..' };
  return value === null ? { value: null, suppressed: false, display: '–' } : { value, suppressed: false, display: String(value) };
}

/**
 * The figures of one group, both sexes and each (in SEXES order), with the discharge counts the
 * suppressed table shows for them: when those are hidden, every figure of the group with them is
 * (they are counts of the same people).
 */
function figures(both: DischargeFigures, each: DischargeFigures[], bothShown: SuppressedCount, eachShown: SuppressedCount[]) {
  const count = (get: (f: DischargeFigures) => number) => {
    const one = (f: DischargeFigures, d: SuppressedCount) => (d.suppressed ? d : shown(get(f)));
    return bySex(one(both, bothShown), each.map((f, c) => one(f, eachShown[c])));
  };
  return {
    discharges: bySex(bothShown, eachShown),
    admissionNoticesDue: count((f) => f.admissionNoticesDue),
    admissionNoticesOnTime: count((f) => f.admissionNoticesOnTime),
    sipCallOutsDue: count((f) => f.sipCallOutsDue),
    sipCallOutsOnTime: count((f) => f.sipCallOutsOnTime),
    liabilityDays: count((f) => f.liabilityDays),
    liabilityAmount: bySex(amount(bothShown, both.liabilityAmount), each.map((f, c) => amount(eachShown[c], f.liabilityAmount))),
  };
}

/** The same as the deprecated list of cells: both sexes (sex null), then FEMALE, then MALE. */
function cells(both: DischargeFigures, each: DischargeFigures[], bothShown: SuppressedCount, eachShown: SuppressedCount[]) {
  const f = figures(both, each, bothShown, eachShown);
  const cell = (sex: LegalSex | null, key: 'total' | 'female' | 'male') => ({
    sex,
    discharges: f.discharges[key],
    admissionNoticesDue: f.admissionNoticesDue[key],
    admissionNoticesOnTime: f.admissionNoticesOnTime[key],
    sipCallOutsDue: f.sipCallOutsDue[key],
    sipCallOutsOnTime: f.sipCallOutsOnTime[key],
    liabilityDays: f.liabilityDays[key],
    liabilityAmount: f.liabilityAmount[key].value,
  });
  return [cell(null, 'total'), cell(LegalSex.FEMALE, 'female'), cell(LegalSex.MALE, 'male')];
}

const sum = (figures: readonly DischargeFigures[]) => figures.reduce(addFigures, NO_DISCHARGES);

/** One breakdown: its rows' keys (null: not known), and its figures [month][row][sex]. */
class Breakdown {
  readonly figures: DischargeFigures[][][];
  private readonly index: Map<string | null, number>;

  constructor(
    readonly keys: (string | null)[],
    months: readonly { month: string }[],
    rows: readonly DischargeFigureRow[],
  ) {
    this.index = new Map(keys.map((key, i) => [key, i]));
    const month = new Map(months.map((m, i) => [m.month, i]));
    this.figures = months.map(() => keys.map(() => SEXES.map(() => NO_DISCHARGES)));
    for (const row of rows) {
      const [m, r] = [month.get(row.month)!, this.index.get(row.key)!];
      this.figures[m][r][SEXES.indexOf(row.sex)] = addFigures(this.figures[m][r][SEXES.indexOf(row.sex)], row);
    }
  }

  /** Discharges [month][row][sex], for suppression. */
  counts = () => this.figures.map((month) => month.map((row) => row.map((f) => f.discharges)));

  /** A row's (or with row null the whole breakdown's) figures per sex, in a month or (month null) the period. */
  of(month: number | null, row: number | null): DischargeFigures[] {
    const months = month === null ? this.figures : [this.figures[month]];
    return SEXES.map((_, c) => sum(months.flatMap((m) => (row === null ? m : [m[row]]).map((r) => r[c]))));
  }
}

/** A row's figures and the deprecated cells, as the suppressed table of a month (or the period) shows them. */
function row(b: Breakdown, table: SuppressedTable, month: number | null, r: number) {
  const each = b.of(month, r);
  return { figures: figures(sum(each), each, table.rowTotals[r], table.cells[r]), cells: cells(sum(each), each, table.rowTotals[r], table.cells[r]) };
}

/**
 * Coordinated-discharge figures of a region's discharges admitted in a period and in each month
 * of it, per home municipality (every one of the region) and per hospital (every inpatient care
 * unit of the region), by sex. PLANNER or TENANT_ADMIN of that region. Deadlines are judged as of now. PostgreSQL
 * counts per month and group (server/access/handoff-report.store.ts); suppression of small cells
 * happens here: both breakdowns by month and sex are suppressed together, so no hidden count can be
 * worked out from the other breakdown, the other sex or the other months.
 */
export async function handoffDeadlineReport(access: Access, regionCode: string, country: Country, period: PeriodInput, municipalityCode?: string | null) {
  const region = await plannerRegion(access, regionCode, country, period);
  const [rows, { municipalities: named, only }, units] = await Promise.all([
    access.reference.parameters(region.id).then((parameters) => access.handoffReport.dischargeFigures(region, period, parameters)),
    regionMunicipalities(access, region, municipalityCode),
    access.reference.careUnits({ regionId: region.id, careLevel: CareLevel.INPATIENT_CARE }, ALL_HOSPITALS),
  ]);
  const unconfigured = rows.filter((r) => r.breakdown === 'MUNICIPALITY').reduce((n, r) => n + r.withoutParameters, 0);
  if (unconfigured > 0) throw new Error(`The discharge rule parameters have no value on the admission date of ${unconfigured} discharges`);
  const threshold = await access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, await access.today(), region.id);
  const months = reportMonths(period);

  const [municipalityRows, hospitalRows] = [rows.filter((r) => r.breakdown === 'MUNICIPALITY'), rows.filter((r) => r.breakdown === 'HOSPITAL')];
  // Residents of no municipality of the region count in a row of their own, as do discharges from any other sending unit.
  const municipalities: (OrganisationRow | null)[] = [...named];
  if (municipalityRows.some((r) => !named.some((m) => m.id === r.key))) municipalities.push(null);
  const otherIds = [...new Set(hospitalRows.map((r) => r.key!))].filter((id) => !units.nodes.some((u) => u.id === id));
  const others = byName(await Promise.all(otherIds.map(async (id) => ({ id, unit: await access.reference.careUnit(id) }))));
  const hospitals: (CareUnitRow | null)[] = [...units.nodes, ...others.map((o) => o.unit)];
  const municipalityBreakdown = new Breakdown(
    municipalities.map((m) => m?.id ?? null),
    months,
    municipalityRows.map((r) => (named.some((m) => m.id === r.key) ? r : { ...r, key: null })),
  );
  const hospitalBreakdown = new Breakdown([...units.nodes.map((u) => u.id), ...others.map((o) => o.id)], months, hospitalRows);

  // Both break down the same discharges, so they are suppressed together (domain/statistics-by-month.ts).
  const [byMunicipality, byHospital] = suppressByMonthTogether(
    [
      { cells: municipalityBreakdown.counts(), rows: municipalities.length },
      { cells: hospitalBreakdown.counts(), rows: hospitals.length },
    ],
    months.length,
    SEXES.length,
    threshold,
  );
  const shownMunicipalities = municipalities.flatMap((municipality, i) => (only === null || municipality?.id === only ? [{ municipality, i }] : []));
  const layOut = (month: number | null) => {
    const [m, h] = month === null ? [byMunicipality.period, byHospital.period] : [byMunicipality.months[month], byHospital.months[month]];
    // Every discharge has one home municipality (or none): the municipality rows add up to all.
    const each = municipalityBreakdown.of(month, null);
    return {
      region: figures(sum(each), each, m.total, m.columnTotals),
      total: cells(sum(each), each, m.total, m.columnTotals),
      byMunicipality: shownMunicipalities.map(({ municipality, i }) => ({ municipality, ...row(municipalityBreakdown, m, month, i) })),
      byHospital: hospitals.map((hospital, i) => ({ hospital, ...row(hospitalBreakdown, h, month, i) })),
    };
  };
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    ...layOut(null),
    byMonth: months.map((month, m) => ({ ...month, ...layOut(m) })),
  };
}

/** By name (Swedish order); an unreadable unit last. */
function byName<T extends { unit: { name: string } | null }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.unit === null ? 1 : b.unit === null ? -1 : a.unit.name.localeCompare(b.unit.name, 'sv')));
}
