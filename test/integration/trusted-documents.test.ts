import { createClient, MunicipalityDocument, documentIdOf, SamrehabError } from '../../client-sdk/src';
import { Role } from '../../domain/enums';
import { startTestApp, TestApp } from '../support/test-app';

/** Trusted documents: the SDK's operations by id, and a server that runs nothing else when told to. */
describe.each([
  ['accepting any query', {}],
  ['with TRUSTED_DOCUMENTS=only', { TRUSTED_DOCUMENTS: 'only' }],
])('a server %s', (_label, env) => {
  const only = 'TRUSTED_DOCUMENTS' in env;
  let app: TestApp;
  let token: string;
  beforeAll(async () => {
    app = await startTestApp(env);
    token = await app.token('2062', Role.INTEGRATION);
  });
  afterAll(() => app.stop());

  const post = (body: unknown) =>
    fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then(async (res) => ({
      status: res.status,
      body: (await res.json()) as { data?: any; errors?: { extensions: { code: string } }[] },
    }));

  it("runs one of the SDK's operations named by its documentId, through the SDK's client too", async () => {
    const byId = await post({ documentId: await documentIdOf(MunicipalityDocument), variables: { code: '2062' } });
    expect(byId.body.data.municipality.name).toBe('Mora kommun');
    const client = createClient({ url: app.url, token, trustedDocuments: true });
    expect((await client.Municipality({ code: '2085' })).municipality?.name).toBe('Ludvika kommun');
  });

  it('refuses an unknown documentId, and a request with both an id and a query', async () => {
    const unknown = await post({ documentId: `sha256:${'0'.repeat(64)}`, variables: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const both = await post({ documentId: await documentIdOf(MunicipalityDocument), query: '{ __typename }' });
    expect(both.status).toBe(400);
    expect(both.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
  });

  it(only ? 'refuses a query of its own, by POST and by GET, before running it' : 'runs a query of its own', async () => {
    const own = await post({ query: '{ municipality(code: "2062") { name } }' });
    const get = await fetch(`${app.url}?query=${encodeURIComponent('{ __typename }')}`, { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } });
    if (only) {
      expect(own.status).toBe(400);
      expect(own.body.errors?.[0].extensions.code).toBe('BAD_REQUEST');
      expect(own.body.data).toBeUndefined();
      expect(get.status).toBe(400);
      const refused = await createClient({ url: app.url, token }).Municipality({ code: '2062' }).catch((e) => e);
      expect(refused).toBeInstanceOf(SamrehabError);
      expect(refused.code).toBe('BAD_REQUEST');
    } else {
      expect(own.body.data.municipality.name).toBe('Mora kommun');
      expect(get.status).toBe(200);
    }
  });
});
