import { swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { WORKING_CALENDAR_YEARS } from '../../entities/migrations/1733240000000-working-calendar';
import { workingCalendarRows } from '../../entities/seed/working-calendar';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The working calendar the report's SQL joins is the domain's swedishWorkingCalendar, day by day:
 * a date-holidays release that moves a day off fails here until a migration fills the table again.
 */
describe('the working_calendar table', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.stop());

  it('equals the domain calendar on every day it covers', async () => {
    const table = await app.dataSource.query(
      `SELECT day::text AS day, working, working_days_up_to AS "workingDaysUpTo", next_working_day::text AS "nextWorkingDay" FROM working_calendar ORDER BY day`,
    );
    const domain = workingCalendarRows(WORKING_CALENDAR_YEARS.from, WORKING_CALENDAR_YEARS.to, swedishWorkingCalendar());
    expect(table.length).toBe(domain.length);
    const differing = domain.filter((d, i) => JSON.stringify(d) !== JSON.stringify(table[i]));
    expect(differing.slice(0, 5)).toEqual([]);
  });
});
