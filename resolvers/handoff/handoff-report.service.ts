import { Country, LegalSex } from '../../domain/enums';
import { DeadlineStatus, DeadlineView } from '../../domain/handoff-timeline';
import { PARAMETER } from '../../domain/rule-parameters';
import { SuppressedCount, SuppressedTable, suppressTables } from '../../domain/statistics';
import type { Access } from '../../server/access/access';
import type { PeriodInput } from '../../schema/common/period.input';
import { plannerRegion } from '../common/planner-region';
import { groupByKey } from '../../server/access/reference.loaders';
import { dischargeTimeline } from './handoff.service';

/** What one discharge adds to the figures. */
interface Figures {
  discharges: number;
  admissionNoticesDue: number;
  admissionNoticesOnTime: number;
  sipCallOutsDue: number;
  sipCallOutsOnTime: number;
  liabilityDays: number;
  liabilityAmount: number | null;
}

const ZERO: Figures = { discharges: 0, admissionNoticesDue: 0, admissionNoticesOnTime: 0, sipCallOutsDue: 0, sipCallOutsOnTime: 0, liabilityDays: 0, liabilityAmount: 0 };

const fellDue = (d: DeadlineView) => d.status === DeadlineStatus.MET || d.status === DeadlineStatus.MISSED;

function add(a: Figures, b: Figures): Figures {
  return {
    discharges: a.discharges + b.discharges,
    admissionNoticesDue: a.admissionNoticesDue + b.admissionNoticesDue,
    admissionNoticesOnTime: a.admissionNoticesOnTime + b.admissionNoticesOnTime,
    sipCallOutsDue: a.sipCallOutsDue + b.sipCallOutsDue,
    sipCallOutsOnTime: a.sipCallOutsOnTime + b.sipCallOutsOnTime,
    liabilityDays: a.liabilityDays + b.liabilityDays,
    liabilityAmount: a.liabilityAmount === null || b.liabilityAmount === null ? null : a.liabilityAmount + b.liabilityAmount,
  };
}

const SEXES = [LegalSex.FEMALE, LegalSex.MALE];

/**
 * One cell: its discharges as the suppressed table shows them, and when those are hidden, every
 * figure of the group with them (they are counts of the same people).
 */
function cell(sex: LegalSex | null, f: Figures, discharges: SuppressedCount) {
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

type Item = { sex: LegalSex; figures: Figures; municipalityId: string | null; hospitalId: string };

const sum = (items: Item[]) => items.reduce((acc, i) => add(acc, i.figures), ZERO);

/** Both sexes, then FEMALE, then MALE, of `items`, with the discharge counts the table shows for them. */
function cells(items: Item[], both: SuppressedCount, bySex: SuppressedCount[]) {
  return [cell(null, sum(items), both), ...SEXES.map((sex, c) => cell(sex, sum(items.filter((i) => i.sex === sex)), bySex[c]))];
}

/** The discharges grouped by one key (null: not known, a group of its own), in first-seen order. */
function groupsBy<K>(items: Item[], keyOf: (item: Item) => K): { key: K; items: Item[] }[] {
  const keys = [...new Set(items.map(keyOf))];
  return groupByKey(keys, items, keyOf).map((members, i) => ({ key: keys[i], items: members }));
}

/** Discharges per group and sex: one suppression table. */
const dischargeCounts = (groups: { items: Item[] }[]) => groups.map((g) => SEXES.map((sex) => g.items.filter((i) => i.sex === sex).length));

/**
 * Coordinated-discharge figures of a region's discharges admitted in a period, per home
 * municipality and per hospital, by sex. PLANNER of that region. Deadlines are judged as of now.
 */
export async function handoffDeadlineReport(access: Access, regionCode: string, country: Country, period: PeriodInput) {
  const region = await plannerRegion(access, regionCode, country, period);
  const { handoffs, messages } = await access.handoffs.reportRows(region.id, region.timeZone, period.from, period.to);
  const parameters = await access.reference.parameters(region.id);
  const threshold = await access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, await access.today(), region.id);
  const messagesOf = groupByKey(handoffs.map((h) => h.id), messages, (m) => m.handoffId);
  const items: Item[] = handoffs.map((h, i) => {
    const { timeline } = dischargeTimeline(region, parameters, h, messagesOf[i], access.now());
    const callOuts = timeline.readyPeriods.map((p) => p.sipCallOut);
    const figures: Figures = {
      discharges: 1,
      admissionNoticesDue: Number(fellDue(timeline.admissionNotice)),
      admissionNoticesOnTime: Number(timeline.admissionNotice.status === DeadlineStatus.MET),
      sipCallOutsDue: callOuts.filter(fellDue).length,
      sipCallOutsOnTime: callOuts.filter((d) => d.status === DeadlineStatus.MET).length,
      liabilityDays: timeline.liabilityDays,
      liabilityAmount: timeline.liabilityAmount,
    };
    return { sex: h.legalSex, municipalityId: h.homeMunicipalityId, hospitalId: h.sendingCareUnitId, figures };
  });
  const municipalities = groupsBy(items, (i) => i.municipalityId);
  const hospitals = groupsBy(items, (i) => i.hospitalId);
  // Both break down the same discharges, so they are suppressed together (domain/statistics.ts).
  const [byMunicipality, byHospital] = suppressTables([dischargeCounts(municipalities), dischargeCounts(hospitals)], SEXES.length, threshold);
  const rows = <K, N extends { name: string }>(groups: { key: K; items: Item[] }[], table: SuppressedTable, load: (key: K) => Promise<N | null>) =>
    Promise.all(groups.map(async (g, r) => ({ named: await load(g.key), cells: cells(g.items, table.rowTotals[r], table.cells[r]) }))).then(byName);
  const [municipalityRows, hospitalRows] = await Promise.all([
    rows(municipalities, byMunicipality, (id) => (id === null ? Promise.resolve(null) : access.reference.organisation(id))),
    rows(hospitals, byHospital, (id) => access.reference.careUnit(id)),
  ]);
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    total: cells(items, byMunicipality.total, byMunicipality.columnTotals),
    byMunicipality: municipalityRows.map((r) => ({ municipality: r.named, cells: r.cells })),
    byHospital: hospitalRows.map((r) => ({ hospital: r.named, cells: r.cells })),
  };
}

/** By name; the group without one (residents of no known municipality) last. */
function byName<T extends { named: { name: string } | null }>(rows: T[]): T[] {
  return rows.sort((a, b) => (a.named === null ? 1 : b.named === null ? -1 : a.named.name.localeCompare(b.named.name, 'sv')));
}
