/**
 * Demo accounts for every role (documented in the README). They share one well-known password,
 * which is why the service refuses to start in production while any of them still has it.
 */
import { asc, eq } from 'drizzle-orm';
import { allianceMembers, seekers, users } from '../../db/schema.js';
import { verifyPassword } from '../auth/passwords.js';
import type { Services } from '../services.js';

export const DEMO_PASSWORD = 'pingshan-demo-2026';

/** username → who it acts for: a seeker of a category, an alliance member by name, or staff. */
export const DEMO_ACCOUNTS = [
  { username: 'staff', role: 'staff', displayName: '陈主任（区民政局）' },
  { username: 'employer-qiming', role: 'employer', member: '深圳坪山启明电子科技有限公司', displayName: '启明电子 人事部' },
  { username: 'employer-yunfan', role: 'employer', member: '坪山区云帆数据标注科技有限公司', displayName: '云帆数据标注 人事部' },
  { username: 'seeker-visual', role: 'seeker', category: 1, displayName: '视障求职者（演示）' },
  { username: 'seeker-hearing', role: 'seeker', category: 2, displayName: '听障求职者（演示）' },
  { username: 'seeker-physical', role: 'seeker', category: 4, displayName: '肢体残疾求职者（演示）' },
] as const;

/** Creates the demo accounts once (when there are no users yet). */
export async function seedDemoAccounts(services: Services): Promise<number> {
  const { db } = services;
  if (db.select({ id: users.id }).from(users).limit(1).get()) return 0;
  let created = 0;
  await Promise.all(
    DEMO_ACCOUNTS.map(async (a) => {
      const link =
        a.role === 'seeker'
          ? { seekerId: db.select({ id: seekers.id }).from(seekers).where(eq(seekers.disabilityCategory, a.category)).orderBy(asc(seekers.id)).limit(1).get()?.id }
          : a.role === 'employer'
            ? { memberId: db.select({ id: allianceMembers.id }).from(allianceMembers).where(eq(allianceMembers.name, a.member)).get()?.id }
            : {};
      if (a.role !== 'staff' && Object.values(link)[0] === undefined) return;
      await services.accounts.create({ username: a.username, password: DEMO_PASSWORD, role: a.role, displayName: a.displayName, ...link });
      created++;
    }),
  );
  return created;
}

/** Demo accounts that still accept the demo password (checked before a production start). */
export async function accountsWithDemoPassword(services: Services): Promise<string[]> {
  const found: string[] = [];
  for (const a of DEMO_ACCOUNTS) {
    const user = services.accounts.findByUsername(a.username);
    if (user && (await verifyPassword(DEMO_PASSWORD, user.passwordHash))) found.push(a.username);
  }
  return found;
}
