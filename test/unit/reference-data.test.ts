import { financingShareProblems } from '../../domain/financing-shares';
import { municipalityCodeProblem, regionCodeProblem } from '../../domain/region-codes';
import { referenceRows, seededOrganisationId } from '../../entities/seed/seed';
import { REFERENCE_DATA } from '../../entities/seed/reference-data';

describe('seeded reference data', () => {
  const rows = referenceRows();
  const byId = new Map(rows.organisations.map((o) => [o.id, o]));

  it('has valid region and municipality codes', () => {
    for (const r of REFERENCE_DATA) {
      expect(regionCodeProblem(r.country, r.code)).toBeNull();
      for (const [code] of r.municipalities) expect([r.code, code, municipalityCodeProblem(r.country, r.code, code)]).toEqual([r.code, code, null]);
    }
  });

  it('has unique ids and municipality codes', () => {
    expect(new Set(rows.organisations.map((o) => o.id)).size).toBe(rows.organisations.length);
    expect(new Set(rows.careUnits.map((c) => c.id)).size).toBe(rows.careUnits.length);
    const codes = rows.organisations.filter((o) => o.municipalityCode).map((o) => `${o.regionId}:${o.municipalityCode}`);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('resolves every membership and care unit to a seeded organisation', () => {
    for (const m of rows.memberships) {
      expect(byId.get(m.associationId)?.kind).toBe('COORDINATION_ASSOCIATION');
      expect(byId.has(m.memberId)).toBe(true);
    }
    for (const c of rows.careUnits) expect(byId.has(c.organisationId)).toBe(true);
  });

  it('keeps every association\'s known financing shares valid', () => {
    const associations = new Set(rows.memberships.map((m) => m.associationId));
    for (const a of associations) {
      const shares = rows.memberships.filter((m) => m.associationId === a).map((m) => (m.financingShare === null ? null : Number(m.financingShare)));
      expect([byId.get(a)?.name, financingShareProblems(shares)]).toEqual([byId.get(a)?.name, []]);
    }
  });

  it('holds Dalarna\'s 15 municipalities, 5 associations and Västra Götaland\'s 14 associations', () => {
    const dalarna = REFERENCE_DATA.find((r) => r.code === '20')!;
    expect(dalarna.municipalities).toHaveLength(15);
    expect(dalarna.associations).toHaveLength(5);
    expect(REFERENCE_DATA.find((r) => r.code === '14')!.associations).toHaveLength(14);
    expect(REFERENCE_DATA.find((r) => r.code === '14')!.municipalities).toHaveLength(49);
  });

  it('names seeded organisations by code for tokens', () => {
    expect(byId.get(seededOrganisationId('2062')!)?.name).toBe('Mora kommun');
    expect(byId.get(seededOrganisationId('20')!)?.name).toBe('Region Dalarna');
    expect(byId.get(seededOrganisationId('20:fk')!)?.name).toBe('Försäkringskassan');
    expect(byId.get(seededOrganisationId('478')!)?.name).toBe('Mariehamns stad');
    expect(byId.get(seededOrganisationId('FI:21')!)?.name).toBe('Ålands hälso- och sjukvård (ÅHS)');
    expect(byId.get(seededOrganisationId('FI:21:fpa')!)?.kind).toBe('STATE_AGENCY');
    expect(seededOrganisationId('Mora')).toBeNull();
  });
});
