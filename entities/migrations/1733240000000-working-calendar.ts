import { MigrationInterface, QueryRunner } from 'typeorm';
import { swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { workingCalendarRows } from '../seed/working-calendar';

/** The years the calendar table covers: every hand-off message is sent at the server's "now". */
export const WORKING_CALENDAR_YEARS = { from: 2000, to: 2100 };

/**
 * The Swedish working calendar as a table, for deadlines computed in SQL (the planners' report).
 * The domain's swedishWorkingCalendar (domain/discharge-deadlines.ts) stays the one definition:
 * every row is filled from it, and test/integration/working-calendar.test.ts fails while the table
 * and the domain disagree (a new date-holidays release that moves a holiday needs a migration that
 * fills the table again).
 *
 * `working_days_up_to` numbers the working days (how many from the first day up to and including
 * this one), so "the n-th working day after d" is one index look-up: the working day numbered
 * working_days_up_to(d) + n. `next_working_day` is the first working day after the day.
 */
export class WorkingCalendar1733240000000 implements MigrationInterface {
  name = 'WorkingCalendar1733240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE working_calendar (
        day date PRIMARY KEY,
        working boolean NOT NULL,
        working_days_up_to integer NOT NULL,
        next_working_day date NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX working_calendar_working_day_number_uq ON working_calendar (working_days_up_to) WHERE working`);
    const rows = workingCalendarRows(WORKING_CALENDAR_YEARS.from, WORKING_CALENDAR_YEARS.to, swedishWorkingCalendar());
    await q.query(
      `INSERT INTO working_calendar (day, working, working_days_up_to, next_working_day)
       SELECT * FROM unnest($1::date[], $2::boolean[], $3::integer[], $4::date[])`,
      [rows.map((r) => r.day), rows.map((r) => r.working), rows.map((r) => r.workingDaysUpTo), rows.map((r) => r.nextWorkingDay)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE working_calendar`);
  }
}
