import { randomUUID } from 'node:crypto';
import { seededCareUnitId } from '../../../entities/seed/seed';
import { DALARNA, EVERYONE, MORA, only, ReferenceRows, REGION_19, regionOf } from './reference';
const ORGANISATION_TABLES = ['organisation', 'association_membership'];
const CARE_UNIT_TABLES = ['care_unit'];
const FALU_LASARETT = seededCareUnitId('20', 'falu-lasarett');

/** Reference data of regions, organisations, associations and care units, and the tenant administrator's writes of them (own region). */
export const rows: ReferenceRows = {
  operations: [
    {
      name: 'regions',
      query: `{ regions(first: 100) { edges { node { code country name } } } }`,
      variables: () => ({}),
      check: (data) => expect(data.regions.edges.map((e: any) => e.node)).toEqual(expect.arrayContaining([{ code: '20', country: 'SE', name: 'Dalarna' }, { code: '19', country: 'SE', name: 'Västmanland' }])),
      expected: EVERYONE,
    },
    {
      name: 'region',
      query: `{ region(code: "20") { code name timeZone } }`,
      variables: () => ({}),
      check: (data) => expect(data.region).toEqual({ code: '20', name: 'Dalarna', timeZone: 'Europe/Stockholm' }),
      expected: EVERYONE,
    },
    {
      name: 'organisations',
      query: `{ organisations(first: 100, filter: { regionCode: "20", kind: MUNICIPALITY }) { edges { node { id municipalityCode region { code } } } } }`,
      variables: () => ({}),
      check: (data) => {
        const nodes = data.organisations.edges.map((e: any) => e.node);
        expect(nodes).toHaveLength(15);
        expect(nodes).toContainEqual({ id: MORA, municipalityCode: '2062', region: { code: '20' } });
      },
      expected: EVERYONE,
    },
    {
      name: 'organisation',
      query: `query($id: ID!) { organisation(id: $id) { id name kind } }`,
      variables: () => ({ id: MORA }),
      check: (data) => expect(data.organisation).toEqual({ id: MORA, name: 'Mora kommun', kind: 'MUNICIPALITY' }),
      expected: EVERYONE,
    },
    {
      name: 'municipality',
      query: `{ municipality(code: "2062") { id name region { code } } }`,
      variables: () => ({}),
      check: (data) => expect(data.municipality).toEqual({ id: MORA, name: 'Mora kommun', region: { code: '20' } }),
      expected: EVERYONE,
    },
    {
      name: 'coordinationAssociations',
      query: `{ coordinationAssociations(regionCode: "20", first: 100) { edges { node { name kind } } } }`,
      variables: () => ({}),
      check: (data) => expect(data.coordinationAssociations.edges.map((e: any) => e.node)).toContainEqual({ name: 'Samordningsförbundet Norra Dalarna', kind: 'COORDINATION_ASSOCIATION' }),
      expected: EVERYONE,
    },
    {
      name: 'careUnits',
      query: `query($org: ID!) { careUnits(first: 100, filter: { organisationId: $org, careLevel: INPATIENT_CARE }) { edges { node { id careLevel organisation { id } } } } }`,
      variables: () => ({ org: DALARNA }),
      check: (data) => {
        const nodes = data.careUnits.edges.map((e: any) => e.node);
        expect(nodes).toContainEqual({ id: FALU_LASARETT, careLevel: 'INPATIENT_CARE', organisation: { id: DALARNA } });
        expect(nodes.every((n: any) => n.careLevel === 'INPATIENT_CARE' && n.organisation.id === DALARNA)).toBe(true);
      },
      expected: EVERYONE,
    },
    {
      name: 'careUnit',
      query: `query($id: ID!) { careUnit(id: $id) { id name organisation { id } } }`,
      variables: () => ({ id: FALU_LASARETT }),
      check: (data) => expect(data.careUnit).toEqual({ id: FALU_LASARETT, name: 'Falu lasarett', organisation: { id: DALARNA } }),
      expected: EVERYONE,
    },
    {
      name: 'organisationCreate',
      query: `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id kind region { code } } } }`,
      variables: () => ({ input: { kind: 'EMPLOYER', name: `Arbetsgivaren ${randomUUID().slice(0, 8)}` } }),
      // An administrator creates in their own region, whichever it is.
      check: (data, _t, _f, viewer) => expect(data.organisationCreate.organisation).toMatchObject({ kind: 'EMPLOYER', region: { code: regionOf(viewer) } }),
      expected: only({ admin20: 'DATA', admin19: 'DATA' }),
      writes: ORGANISATION_TABLES,
    },
    {
      name: 'organisationUpdate',
      prepare: async (f) => ({ id: await f.newOrganisation() }),
      query: `mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) { organisation { id name } } }`,
      variables: (t, _f, viewer) => ({ input: { id: t.id, name: `Omdöpt av ${viewer}` } }),
      check: (data, t, _f, viewer) => expect(data.organisationUpdate.organisation).toEqual({ id: t.id, name: `Omdöpt av ${viewer}` }),
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
      writes: ORGANISATION_TABLES,
      foreignTo: REGION_19,
    },
    {
      name: 'careUnitCreate',
      prepare: async (f) => ({ id: await f.newOrganisation() }),
      query: `mutation($input: CareUnitCreateInput!) { careUnitCreate(input: $input) { careUnit { name careLevel organisation { id } } } }`,
      variables: (t, _f, viewer) => ({ input: { organisationId: t.id, name: `Enhet av ${viewer}`, careLevel: 'PRIMARY_CARE' } }),
      check: (data, t, _f, viewer) => expect(data.careUnitCreate.careUnit).toEqual({ name: `Enhet av ${viewer}`, careLevel: 'PRIMARY_CARE', organisation: { id: t.id } }),
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
      writes: CARE_UNIT_TABLES,
      foreignTo: REGION_19,
    },
    {
      name: 'careUnitUpdate',
      prepare: async (f) => ({ id: await f.newCareUnit() }),
      query: `mutation($input: CareUnitUpdateInput!) { careUnitUpdate(input: $input) { careUnit { id name careLevel } } }`,
      variables: (t, _f, viewer) => ({ input: { id: t.id, name: `Omdöpt av ${viewer}`, careLevel: 'SPECIALIST_CARE' } }),
      check: (data, t, _f, viewer) => expect(data.careUnitUpdate.careUnit).toEqual({ id: t.id, name: `Omdöpt av ${viewer}`, careLevel: 'SPECIALIST_CARE' }),
      expected: only({ admin20: 'DATA', admin19: 'NOT_FOUND' }),
      writes: CARE_UNIT_TABLES,
      foreignTo: REGION_19,
    },
  ],
};
