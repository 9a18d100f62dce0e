import type { DataSource } from 'typeorm';
import type { Config } from '../config';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';
import type { Logger } from '../logger';
import { createDataSource } from './data-source';
import { countDemoData, DEFAULT_DEMO_HANDOFFS, inOneSession, seedDemoData } from './demo-data';
import { StatementCounter } from './statement-counter';

/**
 * DEMO_DATA=true: fills Region Dalarna with demo data when it holds none (a restart keeps the batch
 * it has; `npm run seed:demo` replaces it), as the tables' owner: the migrations' URL when there is
 * one, else the server's own connection (development, the embedded database).
 */
export async function seedDemoDataAtStart(config: Config, dataSource: DataSource, cipher: IdentityNumberCipher, now: Date, logger: Logger): Promise<void> {
  const owner = config.databaseMigrationUrl ? createDataSource(config.databaseMigrationUrl, 1, new StatementCounter(), 'samrehab-owner') : dataSource;
  if (owner !== dataSource) await owner.initialize();
  try {
    const counts = await inOneSession(owner, async (session) => {
      const present = await countDemoData(session, 'SE', '20');
      return present.patients > 0 ? null : seedDemoData(session, cipher, { country: 'SE', regionCode: '20', handoffs: DEFAULT_DEMO_HANDOFFS, now });
    });
    if (counts) logger.info({ ...counts, regionCode: '20' }, 'demo data seeded (DEMO_DATA=true)');
    else logger.info({ regionCode: '20' }, 'demo data present: kept (DEMO_DATA=true)');
  } finally {
    if (owner !== dataSource) await owner.destroy();
  }
}
