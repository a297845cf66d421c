import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificateNumber } from '../../src/domain/identity.js';
import { seedDemo } from '../../src/demo/seed.js';
import { startTestApp, type TestApp } from '../support/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const q = <T>(sql: string) => app.db.$client.prepare(sql).all() as T[];

describe('the demo data', () => {
  it('loads the alliance, the three libraries and the catalogue', async () => {
    const result = seedDemo(app.db, app.services.config);
    expect(result.seeded).toBe(true);
    expect(result.counts.members).toBe(40);
    expect(result.counts.seekers).toBe(300);
    expect(result.counts.jobs).toBe(150);
    expect(result.counts.projects).toBe(20);
    expect(result.counts.courses).toBeGreaterThanOrEqual(15);
    expect(result.counts.applications).toBeGreaterThan(60);
    expect(result.counts.hired).toBeGreaterThan(10);

    const members = await app.http.get('/api/v1/alliance-members?limit=100');
    expect(members.body.page.total).toBe(40);
    const kinds = new Set(members.body.data.map((m: { kind: string }) => m.kind));
    expect(kinds).toEqual(new Set(['enterprise', 'social_organisation', 'foundation', 'public_institution']));
    expect(new Set(members.body.data.map((m: { street: string }) => m.street)).size).toBe(6);
  });

  it('covers every disability category and level, with valid certificate numbers that agree', () => {
    const combos = q<{ c: number; l: number }>('SELECT DISTINCT disability_category c, disability_level l FROM seekers');
    expect(combos).toHaveLength(28);
    const rows = q<{ certificate_number: string; disability_category: number; disability_level: number }>('SELECT certificate_number, disability_category, disability_level FROM seekers');
    for (const r of rows) {
      const parsed = parseCertificateNumber(r.certificate_number, '2026-11-25');
      expect(parsed.ok && [parsed.value.category, parsed.value.level]).toEqual([r.disability_category, r.disability_level]);
    }
  });

  it('gives seekers skills, needs (must and prefer) and training; jobs skills and accommodations', () => {
    const [s] = q<{ skills: number; musts: number; prefers: number; trained: number }>(`SELECT
      (SELECT count(DISTINCT seeker_id) FROM seeker_skills) skills,
      (SELECT count(*) FROM seeker_needs WHERE strength = 'must') musts,
      (SELECT count(*) FROM seeker_needs WHERE strength = 'prefer') prefers,
      (SELECT count(*) FROM enrollments WHERE status = 'completed') trained`);
    expect(s!.skills).toBe(300);
    expect(s!.musts).toBeGreaterThan(50);
    expect(s!.prefers).toBeGreaterThan(50);
    expect(s!.trained).toBeGreaterThan(30);
    const [j] = q<{ noSkills: number; noAcc: number }>(`SELECT
      (SELECT count(*) FROM jobs WHERE id NOT IN (SELECT job_id FROM job_skills)) noSkills,
      (SELECT count(*) FROM jobs WHERE id NOT IN (SELECT job_id FROM job_accommodations)) noAcc`);
    expect(j).toEqual({ noSkills: 0, noAcc: 0 });
    const stages = q<{ stage: string }>('SELECT DISTINCT stage FROM seekers ORDER BY stage').map((r) => r.stage);
    // A year of history: every stage of the pipeline is represented.
    expect(stages).toEqual(['assessed', 'employed', 'in_adaptation', 'in_training', 'registered', 'stably_employed', 'trained']);
    const [events] = q<{ n: number }>("SELECT count(*) n FROM seekers s WHERE stage != (SELECT to_stage FROM pipeline_events e WHERE e.seeker_id = s.id ORDER BY id DESC LIMIT 1)");
    expect(events!.n).toBe(0);
  });

  it("is idempotent and deterministic", async () => {
    const snapshot = () => JSON.stringify(q('SELECT name, certificate_number, street FROM seekers ORDER BY id')) + JSON.stringify(q('SELECT title, member_id, openings FROM jobs ORDER BY id'));
    const first = snapshot();
    expect(seedDemo(app.db, app.services.config).seeded).toBe(false);
    expect(snapshot()).toBe(first);

    const fresh = await startTestApp();
    try {
      seedDemo(fresh.db, fresh.services.config);
      const again = JSON.stringify(fresh.db.$client.prepare('SELECT name, certificate_number, street FROM seekers ORDER BY id').all()) +
        JSON.stringify(fresh.db.$client.prepare('SELECT title, member_id, openings FROM jobs ORDER BY id').all());
      expect(again).toBe(first);
    } finally {
      fresh.close();
    }
  });
});
