import fs from 'node:fs';
import path from 'node:path';
import { printAppSchema } from './schema';

/** `npm run generate`: writes schema/schema.graphql (the SDK is generated from it next). */
export const SCHEMA_FILE = path.resolve(__dirname, '..', '..', 'schema', 'schema.graphql');

if (require.main === module) {
  void printAppSchema().then((sdl) => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  });
}
