import { openingStatement } from '../../server/access/tenant-db';

const REGION = '6f1c2a8e-3b4d-4c5e-8f90-1a2b3c4d5e6f';
const ORGANISATION = '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d';

describe('the opening of a tenant transaction', () => {
  it("sets the app role and the viewer's region and organisation, local to the transaction, in one statement", () => {
    expect(openingStatement('samrehab_app', { regionId: REGION, organisationId: ORGANISATION })).toBe(
      `BEGIN; SET LOCAL ROLE samrehab_app; SELECT set_config('app.region_id', '${REGION}', true), set_config('app.organisation_id', '${ORGANISATION}', true)`,
    );
  });

  it('opens a read-only transaction, with the same role and settings, for a read replica', () => {
    expect(openingStatement('samrehab_app', { regionId: REGION, organisationId: ORGANISATION }, true)).toBe(
      `BEGIN READ ONLY; SET LOCAL ROLE samrehab_app; SELECT set_config('app.region_id', '${REGION}', true), set_config('app.organisation_id', '${ORGANISATION}', true)`,
    );
  });

  it('sets no region without a viewer', () => {
    expect(openingStatement('samrehab_app', null)).toBe('BEGIN; SET LOCAL ROLE samrehab_app');
  });

  it('refuses ids that are not UUIDs before they reach SQL', () => {
    expect(() => openingStatement('samrehab_app', { regionId: `${REGION}', true); DROP TABLE patient; --`, organisationId: ORGANISATION })).toThrow(/UUID/);
    expect(() => openingStatement('samrehab_app', { regionId: REGION, organisationId: 'x' })).toThrow(/UUID/);
    expect(() => openingStatement('app role', null)).toThrow(/lower-case letters/);
  });
});
