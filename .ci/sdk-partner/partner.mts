/**
 * A partner's program, type-checked and run by .ci/run in a scratch project that installed the packed
 * SDK: graphql-request infers types from the SDK's typed documents, the SDK's own client pages.
 */
import { request } from 'graphql-request';
import { createClient, MunicipalityDocument, pages, SamrehabError } from '@samrehab/client-sdk';

const url = process.env.SAMREHAB_URL!;
const token = process.env.SAMREHAB_TOKEN!;

/** Never called: tsc fails here unless graphql-request knows the document's variable types. */
export function wrongVariables() {
  // @ts-expect-error code is a String
  return request({ url, document: MunicipalityDocument, variables: { code: 2062 } });
}

async function main() {
  const answer = await request({ url, document: MunicipalityDocument, variables: { code: '2062' }, requestHeaders: { authorization: `Bearer ${token}` } });
  const name: string | undefined = answer.municipality?.name;

  const client = createClient({ url, token });
  let municipalities = 0;
  for await (const _ of pages((after) => client.Organisations({ filter: { regionCode: '20', kind: 'MUNICIPALITY' }, first: 5, after }).then((r) => r.organisations))) {
    municipalities++;
  }
  const refused = await createClient({ url }).Regions({}).catch((e: unknown) => e);
  const code = refused instanceof SamrehabError ? refused.code : undefined;

  if (name !== 'Mora kommun' || municipalities !== 15 || code !== 'UNAUTHENTICATED') {
    console.error(`partner program: unexpected answers (${name}, ${municipalities}, ${code})`);
    process.exit(1);
  }
  console.log(`partner program: ${name} through graphql-request, ${municipalities} municipalities in pages, ${code} without a token`);
}

await main();
