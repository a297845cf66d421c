/**
 * The staff pipeline pages — to do today, the board, a seeker's timeline, an application, the
 * audit log — in every state (reminders listed, empty stage column, form errors from the API
 * (422 and 409) in the error summary, success banners, a filtered audit log, a live notification),
 * in Chinese and in English, in real Chromium against the real app and database: axe-core
 * (WCAG 2.0/2.1/2.2 A + AA) clean, no sideways scrolling at 320 px, one h1, screenshots.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiAs, checkPage, focused, launchChromium, newContext, open, signInApi, startDemoApp, type DemoApp, type Lang } from './harness.js';

vi.setConfig({ testTimeout: 120_000 });

let app: DemoApp;
let browser: Browser;
let staff: Awaited<ReturnType<typeof apiAs>>;

interface BoardColumn {
  stage: string;
  count: number;
  seekers: { id: number }[];
}
/** Demo accounts' own seekers stay out of these changes (other test files sign in as them). */
const DEMO_SEEKERS = new Set([1, 2, 4]);

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
  staff = await apiAs(app.url, 'staff');
  // A work trial that ends within 3 days of the service's today (2026-11-25), for the reminders.
  const interviewing = (await staff.get('/applications?status=interviewing&limit=100')) as { id: number; jobId: number }[];
  for (const a of interviewing) {
    const job = await staff.get(`/jobs/${a.jobId}`);
    if (job.status === 'open' && job.openings > 0) {
      await staff.post(`/applications/${a.id}/status`, { status: 'trial', trialStartsOn: '2026-11-20', trialEndsOn: '2026-11-27' });
      break;
    }
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const TEXT = {
  'zh-CN': { errorPrefix: '错误：', record: '记录回访结果', move: '移动阶段', save: '保存状态', filter: '筛选', trained: '已结业', success: '成功' },
  en: { errorPrefix: 'Error: ', record: 'Record the follow-up', move: 'Move stage', save: 'Save the status', filter: 'Apply filters', trained: 'Trained', success: 'Success' },
} as const;

async function expectSummary(page: Page, errorPrefix: string, links: number): Promise<string[]> {
  await page.waitForSelector('#error-summary');
  expect((await focused(page)).id).toBe('error-summary');
  expect(await page.title()).toMatch(new RegExp(`^${errorPrefix}`));
  const before = await page.evaluate(() => !!(document.getElementById('error-summary')!.compareDocumentPosition(document.querySelector('h1')!) & Node.DOCUMENT_POSITION_FOLLOWING));
  expect(before, 'the error summary is above the h1').toBe(true);
  const items = await page.locator('#error-summary li').allTextContents();
  expect(items.length).toBe(links);
  return items;
}

async function expectBanner(page: Page): Promise<string> {
  // Waits for the focus itself: the previous step's banner may still be there while this step's request is on its way.
  await page.waitForFunction(() => document.activeElement?.id === 'success-banner', null, { timeout: 15_000 }).catch(() => undefined);
  expect((await focused(page)).id).toBe('success-banner');
  return (await page.locator('#success-banner .banner__heading').textContent()) ?? '';
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  describe(`staff pipeline pages in ${lang}`, () => {
    const text = TEXT[lang];
    const tag = lang === 'en' ? 'en' : 'zh';
    const pick = lang === 'en' ? 1 : 0;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await newContext(browser, { locale: lang });
      await signInApi(context, app.url, 'staff');
      page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
    });
    afterAll(async () => context?.close());

    it('to do today: trials ending, assessments overdue and follow-ups due, each linking to the seeker and the application', async () => {
      await open(page, `${app.url}/staff/index.html?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      const reminders = await staff.get('/pipeline/reminders');
      expect(reminders.trialsEndingSoon.length).toBeGreaterThan(0);
      expect(await page.locator('#trials-ending > li').count()).toBe(reminders.trialsEndingSoon.length);
      expect(await page.locator('#assessments-overdue > li').count()).toBe(reminders.assessmentsOverdue.length);
      expect(await page.locator('#follow-ups-due > li').count()).toBe(reminders.followUpsDue.length);
      const first = reminders.trialsEndingSoon[0];
      expect(await page.locator(`#trials-ending a[href="/staff/timeline.html?seekerId=${first.seekerId}"]`).count()).toBe(1);
      expect(await page.locator(`#trials-ending a[href="/staff/application.html?id=${first.applicationId}"]`).count()).toBe(1);
      await checkPage(page, `staff-today-${tag}`);
    });

    it('a follow-up "left" without a reason: the API says what is missing, in the error summary', async () => {
      const card = page.locator('#follow-ups-due > li').first();
      await card.locator('input[value="left"]').check();
      await card.getByRole('button', { name: new RegExp(text.record) }).click();
      const items = await expectSummary(page, text.errorPrefix, 1);
      const link = page.locator('#error-summary a').first();
      const target = await link.getAttribute('href');
      expect(target).toMatch(/^#f-followUp\d+-reason$/);
      expect(await page.getAttribute(target!, 'aria-invalid')).toBe('true');
      expect(items[0]!.length).toBeGreaterThan(0);
      await checkPage(page, `staff-today-errors-${tag}`);
    });

    it('a follow-up recorded as still employed: success banner, and the API has it', async () => {
      const card = page.locator('#follow-ups-due > li').first();
      const followUpId = Number((await card.getAttribute('id'))!.replace('follow-up-', ''));
      const applicationId = Number((await card.locator('a[href^="/staff/application.html"]').getAttribute('href'))!.split('=')[1]);
      await card.locator('input[value="still_employed"]').check();
      await card.getByRole('button', { name: new RegExp(text.record) }).click();
      await expectBanner(page);
      const recorded = ((await staff.get(`/applications/${applicationId}/follow-ups`)) as { id: number; outcome: string | null }[]).find((f) => f.id === followUpId);
      expect(recorded?.outcome).toBe('still_employed');
      expect(await page.locator(`#follow-up-${followUpId}`).count()).toBe(0);
      await checkPage(page, `staff-today-recorded-${tag}`);
    });

    it('the board: a heading and count per stage, seekers linking to their timeline, an empty stage said in words', async () => {
      await open(page, `${app.url}/staff/pipeline.html?lang=${lang}`);
      const board = (await staff.get('/pipeline/board')) as BoardColumn[];
      expect(await page.locator('#board > section').count()).toBe(board.length);
      for (const c of board) {
        expect(await page.locator(`#stage-${c.stage} h2`).textContent()).toContain(String(c.count));
        expect(await page.locator(`#stage-${c.stage} li`).count()).toBe(c.seekers.length);
      }
      const empty = board.find((c) => c.count === 0);
      expect(empty, 'the demo data leaves a stage empty (withdrawn)').toBeDefined();
      expect(await page.locator(`#stage-${empty!.stage} .board__empty`).count()).toBe(1);
      await checkPage(page, `staff-board-${tag}`);
    });

    it('the board filtered by street (a GET form: the choice is in the address)', async () => {
      const all = Number((await page.locator('#board-total').textContent())!.replace(/\D/g, ''));
      await page.selectOption('#f-street', 'kengzi');
      await Promise.all([page.waitForURL(/street=kengzi/), page.getByRole('button', { name: text.filter, exact: true }).click()]);
      await page.waitForSelector('body[data-ready="true"]');
      const filtered = Number((await page.locator('#board-total').textContent())!.replace(/\D/g, ''));
      const api = (await staff.get('/pipeline/board?street=kengzi')) as BoardColumn[];
      expect(filtered).toBe(api.reduce((n, c) => n + c.count, 0));
      expect(filtered).toBeLessThan(all);
      await checkPage(page, `staff-board-filtered-${tag}`);
    });

    describe('a seeker\'s timeline and moving their stage', () => {
      let seekerId = 0;
      it('shows the stage, the allowed moves, the applications and the events', async () => {
        const board = (await staff.get('/pipeline/board')) as BoardColumn[];
        seekerId = board.find((c) => c.stage === 'assessed')!.seekers.filter((s) => !DEMO_SEEKERS.has(s.id))[pick]!.id;
        await open(page, `${app.url}/staff/timeline.html?seekerId=${seekerId}&lang=${lang}`);
        // From "assessed" the stage machine allows in training, in job adaptation, withdrawn.
        expect(await page.locator('#stage-form input[name="to"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(['in_training', 'in_adaptation', 'withdrawn']);
        const events = (await staff.get(`/seekers/${seekerId}/timeline`)) as unknown[];
        expect(await page.locator('#timeline > li').count()).toBe(events.length);
        await checkPage(page, `staff-timeline-${tag}`);
      });

      it('a move with no stage and no reason: 422, both fields in the error summary', async () => {
        await page.getByRole('button', { name: text.move, exact: true }).click();
        await expectSummary(page, text.errorPrefix, 2);
        expect(await page.locator('#error-summary a').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(['#f-to', '#f-reason']);
        await checkPage(page, `staff-timeline-errors-${tag}`);
      });

      it('a move that someone else made first: 409 from the stage machine, in the error summary', async () => {
        await staff.post(`/seekers/${seekerId}/stage`, { to: 'in_training', reason: 'enrolled by a colleague' });
        await page.check('#f-to'); // "in training", offered when the page was drawn at "assessed"
        await page.fill('#f-reason', lang === 'en' ? 'Starting the course' : '开始上课');
        await page.getByRole('button', { name: text.move, exact: true }).click();
        // The stage machine's refusal names both stages in the page's language, not their codes.
        const named = lang === 'en' ? 'the stage cannot go from "In training" to "In training"' : '阶段不能从“培训中”直接变为“培训中”';
        await page.waitForFunction((n) => document.getElementById('error-summary')?.textContent?.includes(n), named);
        await expectSummary(page, text.errorPrefix, 1);
        await checkPage(page, `staff-timeline-conflict-${tag}`);
      });

      it('a move allowed now: success banner, the new stage shown, the event recorded', async () => {
        await open(page, `${app.url}/staff/timeline.html?seekerId=${seekerId}&lang=${lang}`);
        await page.check('#stage-form input[value="trained"]');
        await page.fill('#f-reason', lang === 'en' ? 'Finished the course' : '课程已结业');
        await page.getByRole('button', { name: text.move, exact: true }).click();
        expect(await expectBanner(page)).toContain(text.trained);
        expect(await page.locator('#stage-now').textContent()).toBe(text.trained);
        expect((await staff.get(`/seekers/${seekerId}`)).stage).toBe('trained');
        await checkPage(page, `staff-timeline-moved-${tag}`);
      });
    });

    describe('an application', () => {
      it('hiring into a job with no openings left: 409 in the error summary, nothing changed', async () => {
        const trials = (await staff.get('/applications?status=trial&limit=100')) as { id: number; jobId: number }[];
        const full: number[] = [];
        for (const a of trials) if ((await staff.get(`/jobs/${a.jobId}`)).openings === 0) full.push(a.id);
        const id = full[pick]!;
        await open(page, `${app.url}/staff/application.html?id=${id}&lang=${lang}`);
        await checkPage(page, `staff-application-${tag}`);
        await page.check('#status-form input[value="hired"]');
        await page.getByRole('button', { name: text.save, exact: true }).click();
        await expectSummary(page, text.errorPrefix, 1);
        expect((await staff.get(`/applications/${id}`)).status).toBe('trial');
        await checkPage(page, `staff-application-conflict-${tag}`);
      });

      it('starting a work trial: the dates are needed (422), then the trial is set (banner)', async () => {
        const interviewing = (await staff.get('/applications?status=interviewing&limit=100')) as { id: number; jobId: number; seekerId: number }[];
        let id = 0;
        for (const a of interviewing.slice(pick * 3)) {
          const job = await staff.get(`/jobs/${a.jobId}`);
          if (job.status === 'open' && job.openings > 0 && !DEMO_SEEKERS.has(a.seekerId)) {
            id = a.id;
            break;
          }
        }
        await open(page, `${app.url}/staff/application.html?id=${id}&lang=${lang}`);
        await page.check('#status-form input[value="trial"]');
        await page.getByRole('button', { name: text.save, exact: true }).click();
        await expectSummary(page, text.errorPrefix, 2);
        expect(await page.locator('#error-summary a').evaluateAll((els) => els.map((e) => e.getAttribute('href')))).toEqual(['#f-trialStartsOn', '#f-trialEndsOn']);
        await checkPage(page, `staff-application-errors-${tag}`);
        await page.fill('#f-trialStartsOn', '2026-12-01');
        await page.fill('#f-trialEndsOn', '2026-12-21');
        await page.getByRole('button', { name: text.save, exact: true }).click();
        await expectBanner(page);
        expect(await page.locator('#error-summary').count()).toBe(0);
        const after = await staff.get(`/applications/${id}`);
        expect([after.status, after.trialStartsOn, after.trialEndsOn]).toEqual(['trial', '2026-12-01', '2026-12-21']);
        await checkPage(page, `staff-application-trial-${tag}`);
      });

      it('a follow-up that is not due yet cannot be confirmed as still employed: 409 in the error summary', async () => {
        const hired = (await staff.get('/applications?status=hired&limit=100')) as { id: number; seekerId: number }[];
        const candidates: { applicationId: number; followUpId: number }[] = [];
        for (const a of hired) {
          const later = ((await staff.get(`/applications/${a.id}/follow-ups`)) as { id: number; outcome: string | null; dueOn: string }[]).find((f) => !f.outcome && f.dueOn > '2026-11-25');
          if (later && !DEMO_SEEKERS.has(a.seekerId)) candidates.push({ applicationId: a.id, followUpId: later.id });
          if (candidates.length > pick) break;
        }
        const target = candidates[pick]!;
        await open(page, `${app.url}/staff/application.html?id=${target.applicationId}&lang=${lang}`);
        const card = page.locator(`#follow-up-${target.followUpId}`);
        await card.locator('input[value="still_employed"]').check();
        await card.getByRole('button', { name: new RegExp(text.record) }).click();
        await expectSummary(page, text.errorPrefix, 1);
        expect(await page.locator('#error-summary').textContent()).toMatch(/\d{4}-\d{2}-\d{2}/);
        await checkPage(page, `staff-application-follow-up-conflict-${tag}`);
      });
    });

    describe('the audit log', () => {
      it('lists who read sensitive data, as a table', async () => {
        await open(page, `${app.url}/staff/audit.html?lang=${lang}`);
        const log = await staff.get('/audit-log?limit=20');
        expect(log.length).toBeGreaterThan(0);
        expect(await page.locator('#audit-table tbody tr').count()).toBe(log.length);
        await checkPage(page, `staff-audit-${tag}`);
      });

      it('filtered by action and record type', async () => {
        await page.selectOption('#f-action', 'read_sensitive');
        await page.selectOption('#f-entity', 'seeker');
        await Promise.all([page.waitForURL(/action=read_sensitive/), page.getByRole('button', { name: text.filter, exact: true }).click()]);
        await page.waitForSelector('body[data-ready="true"]');
        const rows = await page.locator('#audit-table tbody tr').count();
        expect(rows).toBeGreaterThan(0);
        expect(await page.locator('#audit-table tbody tr a[href^="/staff/timeline.html"]').count()).toBe(rows);
        await checkPage(page, `staff-audit-filtered-${tag}`);
      });

      it('a date the API cannot read: the error summary names the field', async () => {
        await page.fill('#f-from', 'yesterday');
        await Promise.all([page.waitForURL(/from=yesterday/), page.getByRole('button', { name: text.filter, exact: true }).click()]);
        await page.waitForSelector('body[data-ready="true"]');
        await expectSummary(page, text.errorPrefix, 1);
        expect(await page.locator('#error-summary a').getAttribute('href')).toBe('#f-from');
        expect(await page.getAttribute('#f-from', 'aria-invalid')).toBe('true');
        await checkPage(page, `staff-audit-errors-${tag}`);
      });
    });

    it('a live notification: a colleague moves a seeker while the page is open; announced politely, focus stays', async () => {
      await open(page, `${app.url}/staff/index.html?lang=${lang}`);
      // Connected: the unread count was read; a moment more for the socket's backlog to finish.
      await page.waitForFunction(() => document.getElementById('unread-label')?.textContent !== '');
      await page.waitForTimeout(500);
      const before = await focused(page);
      const colleague = await apiAs(app.url, 'staff');
      const board = (await colleague.get('/pipeline/board')) as BoardColumn[];
      const seeker = board.find((c) => c.stage === 'registered')!.seekers.filter((s) => !DEMO_SEEKERS.has(s.id))[pick]!;
      await colleague.post(`/seekers/${seeker.id}/stage`, { to: 'assessed', reason: lang === 'en' ? 'Assessed at the street office' : '已在街道完成评估' });
      await page.waitForSelector('#live-notice .live-notice__item');
      expect(await page.getAttribute('#live-notice', 'aria-live')).toBe('polite');
      // It says what happened in words, and leads to that seeker's timeline.
      expect(await page.textContent('#live-notice .live-notice__item')).toContain(lang === 'en' ? `Job seeker ${seeker.id}: Registered → Assessed` : `求职者 ${seeker.id} 号：已登记 → 已评估`);
      expect(await page.getAttribute('#live-notice .live-notice__item a', 'href')).toBe(`/staff/timeline.html?seekerId=${seeker.id}`);
      expect((await focused(page)).id).toBe(before.id);
      await checkPage(page, `staff-notification-${tag}`);
    });
  });
}
