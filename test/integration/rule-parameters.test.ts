import { Role } from '../../domain/enums';
import { localDateOf } from '../../domain/local-date';
import { codes, startTestApp, TestApp } from '../support/test-app';

const SET = `mutation($input: RuleParameterSetInput!) { ruleParameterSet(input: $input) { ruleParameter { id key value type validFrom validTo origin setByUserId setByOrganisationId setAt } } }`;
const IN_FORCE = `query($code: String!, $onDate: LocalDate!, $country: Country) { ruleParameters(regionCode: $code, onDate: $onDate, country: $country) {
  key value type unit min max choices description validFrom validTo origin } }`;
const HISTORY = `query($key: String!, $after: String) { ruleParameterHistory(regionCode: "20", key: $key, first: 1, after: $after) {
  edges { cursor node { value validFrom validTo origin } } pageInfo { hasNextPage endCursor } } }`;

/** Dated rule parameters through the API: what applies, what was, and a region administrator's new value. */
describe('rule parameters', () => {
  let app: TestApp;
  let admin: string;
  const stockholmDay = (offsetDays: number) => localDateOf(new Date(Date.now() + offsetDays * 86400_000), 'Europe/Stockholm');
  const rows = async () => (await app.dataSource.query(`SELECT count(*)::int AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM rule_parameter t`))[0];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await app.token('20', Role.TENANT_ADMIN);
  });
  afterAll(() => app.stop());

  it("lists each key's value in force, the region's own beating the default, with its type, range and meaning", async () => {
    const res = await app.gql(IN_FORCE, { code: '20', onDate: '2026-06-01' }, await app.token('2062', Role.CARE_STAFF));
    expect(res.errors).toBeUndefined();
    const byKey = Object.fromEntries(res.data.ruleParameters.map((p: any) => [p.key, p]));
    expect(byKey['discharge.dailyAmount']).toMatchObject({ value: '12000', type: 'DECIMAL', unit: 'SEK', min: 0, origin: 'REGION', validFrom: '2000-01-01' });
    expect(byKey['discharge.sipCallOutDays']).toMatchObject({ value: '3', type: 'INTEGER', unit: 'days', min: 1, max: 30, origin: 'DEFAULT' });
    expect(byKey['discharge.liabilityDayKind']).toMatchObject({ value: 'CALENDAR', type: 'ENUM', choices: ['CALENDAR', 'WORKING'] });
    expect(byKey['discharge.lateSendCutoff']).toBeUndefined(); // off: never seeded
    expect(res.data.ruleParameters.every((p: any) => p.description.length > 0)).toBe(true);
    // Åland has no agreed daily amount.
    const aland = await app.gql(IN_FORCE, { code: '21', country: 'FI', onDate: '2026-06-01' }, await app.token('FI:21', Role.PLANNER));
    expect(aland.data.ruleParameters.map((p: any) => p.key)).not.toContain('discharge.dailyAmount');
  });

  it("answers another region's code as one without a tenant, and a malformed one as bad input", async () => {
    const token = await app.token('19', Role.PLANNER);
    const foreign = await app.gql(IN_FORCE, { code: '20', onDate: '2026-06-01' }, token);
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors![0].extensions?.field).toBe('regionCode');
    expect(codes(await app.gql(IN_FORCE, { code: '2', onDate: '2026-06-01' }, token))).toEqual(['BAD_USER_INPUT']);
  });

  it('sets a value from a future date, ending the open-ended one the day before; the history pages through both', async () => {
    // From 2090, so that no other suite's cases meet the value.
    const from = '2090-01-01';
    const res = await app.gql(SET, { input: { regionCode: '20', key: 'discharge.liabilityAfterDays', value: '5', validFrom: from } }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.ruleParameterSet.ruleParameter).toMatchObject({ key: 'discharge.liabilityAfterDays', value: '5', type: 'INTEGER', validFrom: from, validTo: null, origin: 'REGION', setByUserId: 'test-tenant_admin' });
    expect(Date.parse(res.data.ruleParameterSet.ruleParameter.setAt)).toBeGreaterThan(Date.now() - 60_000);
    const first = (await app.gql(HISTORY, { key: 'discharge.liabilityAfterDays' }, admin)).data.ruleParameterHistory;
    expect(first.edges.map((e: any) => e.node)).toEqual([{ value: '5', validFrom: from, validTo: null, origin: 'REGION' }]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await app.gql(HISTORY, { key: 'discharge.liabilityAfterDays', after: first.pageInfo.endCursor }, admin)).data.ruleParameterHistory;
    // The default is untouched: other regions keep it; Dalarna's own value takes over from `from`.
    expect(second.edges.map((e: any) => e.node)).toEqual([{ value: '3', validFrom: '2000-01-01', validTo: null, origin: 'DEFAULT' }]);
    const before = (await app.gql(IN_FORCE, { code: '20', onDate: '2089-12-31' }, admin)).data.ruleParameters.find((p: any) => p.key === 'discharge.liabilityAfterDays');
    expect(before).toMatchObject({ value: '3', origin: 'DEFAULT' });
  });

  it('sets a value in one transaction of a fixed number of statements', async () => {
    // The admin's token is verified once and remembered: a request before the count keeps that out of it.
    expect((await app.gql(`{ testClock { controlled } }`, {}, admin)).errors).toBeUndefined();
    let res: any;
    const statements = await app.countStatements(async () => {
      res = await app.gql(SET, { input: { regionCode: '20', key: 'discharge.admissionNoticeHours', value: '12', validFrom: '2090-01-01' } }, admin);
    });
    expect(res.errors).toBeUndefined();
    // Reads of the region by code and of its time zone (today), then one transaction: the lock of the
    // key, the region's own values and the insert (no open-ended value of its own to end), as counted
    // on both backends with the units' openings and commits.
    expect(statements).toBe(7);
  });

  it.each([
    ['an unknown key', { key: 'discharge.unknown', value: '1' }, 'key'],
    ['a value of the wrong type', { key: 'discharge.sipCallOutDays', value: 'three' }, 'value'],
    ['a value out of range', { key: 'discharge.sipCallOutDays', value: '0' }, 'value'],
    ['a time of day that is none', { key: 'discharge.lateSendCutoff', value: '14.00' }, 'value'],
    ['no value for a key that needs one', { key: 'discharge.sipCallOutDays', value: null }, 'value'],
    ['a start before today', { key: 'discharge.sipCallOutDays', value: '4', validFrom: '2026-01-01' }, 'validFrom'],
  ])('refuses %s as BAD_USER_INPUT naming the field, and writes nothing', async (_what, input, field) => {
    const before = await rows();
    const res = await app.gql(SET, { input: { regionCode: '20', validFrom: stockholmDay(60), ...input } }, admin);
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(await rows()).toEqual(before);
  });
});
