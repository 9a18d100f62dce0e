import { Role } from '../../domain/enums';
import { seedReferenceData } from '../../entities/seed/seed';
import { startTestApp, TestApp } from '../support/test-app';

/** What a municipal system or planning dashboard reads: the seeded principals of each region. */
describe('reference data API', () => {
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('2062', Role.INTEGRATION);
  });
  afterAll(() => app.stop());

  it('lists Region Dalarna\'s 15 municipalities with their official codes', async () => {
    const res = await app.gql(
      `{ organisations(first: 100, filter: { regionCode: "20", kind: MUNICIPALITY }) { edges { node { name municipalityCode region { code country } } } } }`,
      {},
      token,
    );
    const nodes = res.data.organisations.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.municipalityCode).sort()).toEqual(
      ['2021', '2023', '2026', '2029', '2031', '2034', '2039', '2061', '2062', '2080', '2081', '2082', '2083', '2084', '2085'],
    );
    expect(nodes.every((n: any) => n.region.code === '20' && n.region.country === 'SE')).toBe(true);
  });

  it('answers municipality(code) and region(code), Åland with its Finnish codes', async () => {
    const res = await app.gql(
      `{ mora: municipality(code: "2062") { name kind region { name } }
         mariehamn: municipality(code: "478", country: FI) { name region { name country timeZone } }
         aland: region(code: "21", country: FI) { name }
         none: municipality(code: "2099") { name } }`,
      {},
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      mora: { name: 'Mora kommun', kind: 'MUNICIPALITY', region: { name: 'Dalarna' } },
      mariehamn: { name: 'Mariehamns stad', region: { name: 'Åland', country: 'FI', timeZone: 'Europe/Mariehamn' } },
      aland: { name: 'Åland' },
      none: null,
    });
  });

  it('lists Dalarna\'s coordination associations with members and the known financing shares', async () => {
    const res = await app.gql(
      `{ coordinationAssociations(regionCode: "20") { edges { node { name establishedOn members { financingShare member { name kind } } } } } }`,
      {},
      token,
    );
    const associations = res.data.coordinationAssociations.edges.map((e: any) => e.node);
    // Other suites may have added associations to the shared test database.
    expect(associations.map((a: any) => a.name)).toEqual(
      expect.arrayContaining([
        'Finsam Falun-Borlänge',
        'Finsam Västerdalarna',
        'Samordningsförbundet Nedansiljan',
        'Samordningsförbundet Norra Dalarna',
        'Samordningsförbundet Södra Dalarna',
      ]),
    );
    const falunBorlange = associations.find((a: any) => a.name === 'Finsam Falun-Borlänge');
    expect(falunBorlange.establishedOn).toBe('2023-01-01');
    const shares = Object.fromEntries(falunBorlange.members.map((m: any) => [m.member.name, m.financingShare]));
    expect(shares).toEqual({ 'Region Dalarna': 25, Försäkringskassan: 25, Arbetsförmedlingen: 25, 'Falu kommun': 13, 'Borlänge kommun': 12 });
    const norra = associations.find((a: any) => a.name === 'Samordningsförbundet Norra Dalarna');
    expect(norra.members.filter((m: any) => m.member.kind === 'MUNICIPALITY').map((m: any) => m.member.name).sort()).toEqual([
      'Mora kommun',
      'Orsa kommun',
      'Älvdalens kommun',
    ]);
  });

  it('holds Västmanland\'s Västra Mälardalen and Västra Götaland\'s 14 associations, one spanning into Värmland', async () => {
    const vm = await app.gql(`{ coordinationAssociations(regionCode: "19") { edges { node { name members { member { municipalityCode } } } } } }`, {}, token);
    const [vastraMalardalen] = vm.data.coordinationAssociations.edges.map((e: any) => e.node);
    expect(vastraMalardalen.name).toBe('Samordningsförbundet Västra Mälardalen');
    expect(vastraMalardalen.members.map((m: any) => m.member.municipalityCode).filter(Boolean).sort()).toEqual(['1960', '1983', '1984']);

    const vg = await app.gql(`{ coordinationAssociations(regionCode: "14", first: 50) { edges { node { name members { member { municipalityCode region { code } } } } } } }`, {}, token);
    const vgAssociations = vg.data.coordinationAssociations.edges.map((e: any) => e.node);
    expect(vgAssociations).toHaveLength(14);
    const badEsa = vgAssociations.find((a: any) => a.name === 'Samordningsförbundet BÅD-ESÅ');
    expect(badEsa.members.filter((m: any) => m.member.region.code === '17').map((m: any) => m.member.municipalityCode).sort()).toEqual(['1765', '1782']);
  });

  it('lists the hospitals and vårdcentraler of Region Dalarna as care units', async () => {
    const region = await app.gql(`{ municipality(code: "2062") { memberships { association { id } } } organisations(filter: { regionCode: "20", kind: REGION }) { edges { node { id } } } }`, {}, token);
    const regionId = region.data.organisations.edges[0].node.id;
    const res = await app.gql(
      `query($id: ID!) { inpatient: careUnits(first: 100, filter: { organisationId: $id, careLevel: INPATIENT_CARE }) { edges { node { name organisation { name } } } }
                        primary: careUnits(first: 100, filter: { organisationId: $id, careLevel: PRIMARY_CARE }) { edges { node { name } } } }`,
      { id: regionId },
      token,
    );
    expect(res.data.inpatient.edges.map((e: any) => e.node.name)).toEqual(
      expect.arrayContaining(['Avesta lasarett', 'Borlänge sjukhus', 'Falu lasarett', 'Ludvika lasarett', 'Mora lasarett', 'Säters sjukhus, psykiatri']),
    );
    expect(res.data.inpatient.edges[0].node.organisation.name).toBe('Region Dalarna');
    expect(res.data.primary.edges.map((e: any) => e.node.name)).toContain('Vårdcentralen Mora');
  });

  it('pages through all organisations in a stable order without gaps or repeats', async () => {
    const all = await app.gql(`{ organisations(first: 100) { edges { node { id } } pageInfo { hasNextPage } } }`, {}, token);
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const page: any = await app.gql(`query($after: String) { organisations(first: 7, after: $after) { edges { node { id name } } pageInfo { hasNextPage endCursor } } }`, { after }, token);
      seen.push(...page.data.organisations.edges.map((e: any) => e.node.id));
      if (!page.data.organisations.pageInfo.hasNextPage) break;
      after = page.data.organisations.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.slice(0, 100)).toEqual(all.data.organisations.edges.map((e: any) => e.node.id));
    expect(seen.length).toBeGreaterThan(100);
  });

  it('filters organisations by name, case-insensitively, treating % as text', async () => {
    const res = await app.gql(`{ organisations(filter: { search: "FALU" }) { edges { node { name } } } pct: organisations(filter: { search: "%" }) { edges { node { name } } } }`, {}, token);
    expect(res.data.organisations.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(['Falu kommun', 'Finsam Falun-Borlänge']));
    expect(res.data.pct.edges).toEqual([]);
  });

  it('changes nothing when the seed runs again', async () => {
    const snapshot = () =>
      app.dataSource.query(`SELECT (SELECT count(*) FROM region) r, (SELECT count(*) FROM organisation) o,
        (SELECT count(*) FROM association_membership) m, (SELECT count(*) FROM care_unit) c,
        (SELECT md5(string_agg(id::text || name || coalesce(municipality_code, ''), ',' ORDER BY id)) FROM organisation) h`);
    const before = await snapshot();
    await app.dataSource.transaction((tx) => seedReferenceData(tx));
    expect(await snapshot()).toEqual(before);
  });
});
