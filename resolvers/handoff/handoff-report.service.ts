import { Country, LegalSex } from '../../domain/enums';
import { addFigures, DischargeFigures, NO_DISCHARGES } from '../../domain/discharge-figures';
import { PARAMETER } from '../../domain/rule-parameters';
import { SuppressedCount, SuppressedTable, suppressTables } from '../../domain/statistics';
import type { Access } from '../../server/access/access';
import type { DischargeFigureRow } from '../../server/access/handoff-report.store';
import type { PeriodInput } from '../../schema/common/period.input';
import { plannerRegion } from '../common/planner-region';

const SEXES = [LegalSex.FEMALE, LegalSex.MALE];

/**
 * One cell: its discharges as the suppressed table shows them, and when those are hidden, every
 * figure of the group with them (they are counts of the same people).
 */
function cell(sex: LegalSex | null, f: DischargeFigures, discharges: SuppressedCount) {
  // The other figures of a visible group are shown even when small: the group is large enough.
  const count = (n: number) => (discharges.suppressed ? discharges : { value: n, suppressed: false, display: String(n) });
  return {
    sex,
    discharges,
    admissionNoticesDue: count(f.admissionNoticesDue),
    admissionNoticesOnTime: count(f.admissionNoticesOnTime),
    sipCallOutsDue: count(f.sipCallOutsDue),
    sipCallOutsOnTime: count(f.sipCallOutsOnTime),
    liabilityDays: count(f.liabilityDays),
    liabilityAmount: discharges.suppressed ? null : f.liabilityAmount,
  };
}

/** A group of one breakdown (key null: not known, a group of its own) with its figures per sex, in SEXES order. */
interface Group {
  key: string | null;
  bySex: DischargeFigures[];
}

/** The rows of one breakdown as groups, in the order the rows come. */
function groupsOf(rows: DischargeFigureRow[], breakdown: DischargeFigureRow['breakdown']): Group[] {
  const groups = new Map<string | null, Group>();
  for (const row of rows.filter((r) => r.breakdown === breakdown)) {
    const group = groups.get(row.key) ?? { key: row.key, bySex: SEXES.map(() => NO_DISCHARGES) };
    group.bySex[SEXES.indexOf(row.sex)] = row;
    groups.set(row.key, group);
  }
  return [...groups.values()];
}

const sum = (figures: DischargeFigures[]) => figures.reduce(addFigures, NO_DISCHARGES);

/** Both sexes, then FEMALE, then MALE, with the discharge counts the table shows for them. */
function cells(bySex: DischargeFigures[], both: SuppressedCount, shown: SuppressedCount[]) {
  return [cell(null, sum(bySex), both), ...SEXES.map((sex, c) => cell(sex, bySex[c], shown[c]))];
}

/** Discharges per group and sex: one suppression table. */
const dischargeCounts = (groups: Group[]) => groups.map((g) => g.bySex.map((f) => f.discharges));

/**
 * Coordinated-discharge figures of a region's discharges admitted in a period, per home
 * municipality and per hospital, by sex. PLANNER of that region. Deadlines are judged as of now.
 * PostgreSQL counts (server/access/handoff-report.store.ts); suppression of small cells happens
 * here, on the grouped counts.
 */
export async function handoffDeadlineReport(access: Access, regionCode: string, country: Country, period: PeriodInput) {
  const region = await plannerRegion(access, regionCode, country, period);
  const rows = await access.handoffReport.dischargeFigures(region, period, await access.reference.parameters(region.id));
  const unconfigured = rows.filter((r) => r.breakdown === 'MUNICIPALITY').reduce((n, r) => n + r.withoutParameters, 0);
  if (unconfigured > 0) throw new Error(`The discharge rule parameters have no value on the admission date of ${unconfigured} discharges`);
  const threshold = await access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, await access.today(), region.id);
  const municipalities = groupsOf(rows, 'MUNICIPALITY');
  const hospitals = groupsOf(rows, 'HOSPITAL');
  // Both break down the same discharges, so they are suppressed together (domain/statistics.ts).
  const [byMunicipality, byHospital] = suppressTables([dischargeCounts(municipalities), dischargeCounts(hospitals)], SEXES.length, threshold);
  const named = <N extends { name: string }>(groups: Group[], table: SuppressedTable, load: (key: string | null) => Promise<N | null>) =>
    Promise.all(groups.map(async (g, r) => ({ named: await load(g.key), cells: cells(g.bySex, table.rowTotals[r], table.cells[r]) }))).then(byName);
  const [municipalityRows, hospitalRows] = await Promise.all([
    named(municipalities, byMunicipality, (id) => (id === null ? Promise.resolve(null) : access.reference.organisation(id))),
    named(hospitals, byHospital, (id) => access.reference.careUnit(id!)),
  ]);
  // Every discharge has one home municipality (or none): the municipality groups add up to all.
  const total = SEXES.map((_, c) => sum(municipalities.map((g) => g.bySex[c])));
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    total: cells(total, byMunicipality.total, byMunicipality.columnTotals),
    byMunicipality: municipalityRows.map((r) => ({ municipality: r.named, cells: r.cells })),
    byHospital: hospitalRows.map((r) => ({ hospital: r.named, cells: r.cells })),
  };
}

/** By name; the group without one (residents of no known municipality) last. */
function byName<T extends { named: { name: string } | null }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.named === null ? 1 : b.named === null ? -1 : a.named.name.localeCompare(b.named.name, 'sv')));
}
