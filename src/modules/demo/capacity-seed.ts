/** Demo capacity data (AHTU registry and training). Idempotent: nothing is added once it exists. */
import type { Database } from '../../db/database.ts';
import { seedDemoAhtus } from './capacity-ahtu.ts';
import { seedDemoTraining } from './capacity-training.ts';

export async function seedDemoCapacity(db: Database): Promise<{ created: boolean }> {
  const existing = await db.asSystem((tx) =>
    tx.query(
      'SELECT 1 FROM training_programmes WHERE is_demo UNION ALL SELECT 1 FROM ahtu_reviews WHERE is_demo LIMIT 1',
    ),
  );
  if (existing.rowCount > 0) return { created: false };
  await seedDemoAhtus(db);
  await seedDemoTraining(db);
  return { created: true };
}
