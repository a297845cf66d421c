/**
 * Every employer page and state, in Chinese and in English, in real Chromium: axe-core (WCAG 2.0,
 * 2.1, 2.2 A + AA) reports nothing; no sideways scrolling at 320 CSS px; one h1; screenshots at
 * 1280 and 320 px in test-output/screenshots/. The employer's whole job runs through the real API
 * and database: their organisation, posting and changing a job (with errors), candidates and an
 * invitation, closing and reopening, an application moved to interview, trial, assessment and hire,
 * and the notification a new application brings.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { apiAs, checkPage, focused, launchChromium, newContext, open, signInApi, startDemoApp, type DemoApp, type Lang } from './harness.js';

// A page state is audited, reflow-checked and photographed twice: more than the default 20 s.
vi.setConfig({ testTimeout: 120_000 });

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const TEXT = {
  'zh-CN': { errorPrefix: '错误：', save: '保存', post: '发布岗位', close: '关闭这个岗位', reopen: '重新开放这个岗位', saveStatus: '保存', assess: '提交评价', jobTitle: '电商客服（居家）' },
  en: { errorPrefix: 'Error: ', save: 'Save', post: 'Post the job', close: 'Close this job', reopen: 'Reopen this job', saveStatus: 'Save', assess: 'Send the assessment', jobTitle: 'Online customer service (remote)' },
} as const;

async function expectErrorSummary(page: Page, errorPrefix: string): Promise<string[]> {
  await page.waitForSelector('#error-summary');
  expect((await focused(page)).id).toBe('error-summary');
  expect(await page.title()).toMatch(new RegExp(`^${errorPrefix}`));
  // The summary sits above the h1.
  expect(await page.evaluate(() => !!(document.getElementById('error-summary')!.compareDocumentPosition(document.querySelector('h1')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  return page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
}

/**
 * A success banner that has taken focus. Waits for the focus itself: the banner of the previous
 * step may still be on the page while this step's request is on its way.
 */
async function expectBanner(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.id === 'success-banner', null, { timeout: 15_000 }).catch(() => undefined);
  expect((await focused(page)).id).toBe('success-banner');
}

for (const [lang, employer, seeker] of [
  ['zh-CN', 'employer-qiming', 'seeker-physical'],
  ['en', 'employer-yunfan', 'seeker-hearing'],
] as const satisfies readonly (readonly [Lang, string, string])[]) {
  describe(`an employer's pages in ${lang}`, () => {
    const text = TEXT[lang];
    const tag = lang === 'en' ? 'en' : 'zh';
    let context: BrowserContext;
    let page: Page;
    let jobId = 0;

    beforeAll(async () => {
      context = await newContext(browser, { locale: lang });
      page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      await signInApi(context, app.url, employer);
    });
    afterAll(async () => context?.close());

    it('my organisation: profile and pledge; the edit form shows API errors, then saves with a banner', async () => {
      await open(page, `${app.url}/employer/index.html?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('#pledge .summary-list__row').count()).toBe(4);
      expect(await page.getAttribute('.service-nav__link[href="/employer/index.html"]', 'aria-current')).toBe('page');
      await checkPage(page, `employer-member-${tag}`);

      await page.click('#edit-member');
      await page.waitForURL('**/employer/member-edit.html');
      await page.waitForSelector('body[data-ready="true"]');
      await checkPage(page, `employer-member-edit-${tag}`);
      await page.fill('#f-headcount', 'lots');
      await page.fill('#f-contactEmail', 'not-an-email');
      await page.getByRole('button', { name: text.save, exact: true }).click();
      const links = await expectErrorSummary(page, text.errorPrefix);
      expect(links).toEqual(expect.arrayContaining(['#f-headcount', '#f-contactEmail']));
      expect(await page.getAttribute('#f-headcount', 'aria-invalid')).toBe('true');
      await checkPage(page, `employer-member-edit-errors-${tag}`);

      await page.fill('#f-headcount', '900');
      await page.fill('#f-contactEmail', 'hr@example.cn');
      await page.fill('#f-averageWage', '98000');
      await Promise.all([page.waitForURL('**/employer/index.html'), page.getByRole('button', { name: text.save, exact: true }).click()]);
      await expectBanner(page);
      expect(await page.locator('#member-profile').textContent()).toContain('hr@example.cn');
      await checkPage(page, `employer-member-saved-${tag}`);
    });

    it('my jobs: the list with status and places; a filter that finds nothing says so', async () => {
      await open(page, `${app.url}/employer/jobs.html`);
      expect(await page.locator('#job-list > li').count()).toBeGreaterThan(0);
      await checkPage(page, `employer-jobs-${tag}`);
      await open(page, `${app.url}/employer/jobs.html?status=closed&q=${encodeURIComponent('没有这个岗位')}`);
      await page.waitForSelector('#no-jobs');
      await checkPage(page, `employer-jobs-filtered-empty-${tag}`);
    });

    it('post a job: errors summarised and linked; fixed, it is posted with its accommodations and a banner', async () => {
      await open(page, `${app.url}/employer/job-edit.html`);
      expect(await page.locator('input[name="accommodations"]').count()).toBe(18);
      await checkPage(page, `employer-job-new-${tag}`);
      await page.fill('#f-salaryMin', '6000');
      await page.fill('#f-salaryMax', '4000');
      await page.fill('#f-openings', '0');
      await page.getByRole('button', { name: text.post, exact: true }).click();
      const links = await expectErrorSummary(page, text.errorPrefix);
      expect(links).toEqual(expect.arrayContaining(['#f-title', '#f-openings']));
      await checkPage(page, `employer-job-new-errors-${tag}`);
      await page.locator('#error-summary a[href="#f-title"]').click();
      expect((await focused(page)).id).toBe('f-title');

      await page.fill('#f-title', text.jobTitle);
      await page.fill('#f-description', lang === 'en' ? 'Answer customers’ questions by online chat, from home.' : '在家通过网上聊天回答顾客的问题。');
      await page.fill('#f-openings', '2');
      await page.check('input[name="workMode"][value="remote"]');
      await page.fill('#f-salaryMin', '4000');
      await page.fill('#f-salaryMax', '5500');
      for (const code of ['remote_work', 'screen_reader', 'text_communication', 'flexible_hours']) await page.check(`input[name="accommodations"][value="${code}"]`);
      await page.fill('#f-requiredSkills', lang === 'en' ? 'customer service' : '电商客服');
      await page.check('input[name="requiredCourseIds"][value="1"]');
      await Promise.all([page.waitForURL('**/employer/job.html?id=*'), page.getByRole('button', { name: text.post, exact: true }).click()]);
      await expectBanner(page);
      jobId = Number(new URL(page.url()).searchParams.get('id'));
      expect(await page.locator('#job-accommodations li').count()).toBe(4);
      await checkPage(page, `employer-job-posted-${tag}`);
    });

    it('the job: ranked, anonymised candidates with why they fit; invite one (banner), the invitation exists', async () => {
      await open(page, `${app.url}/employer/job.html?id=${jobId}`);
      const cards = page.locator('#candidate-list > li');
      expect(await cards.count()).toBeGreaterThan(0);
      expect(await cards.first().locator('.reasons li').count()).toBeGreaterThan(0);
      await checkPage(page, `employer-job-candidates-${tag}`);
      const seekerId = Number(await page.locator('[data-invite]').first().getAttribute('data-invite'));
      await page.locator('[data-invite]').first().click();
      await expectBanner(page);
      await checkPage(page, `employer-job-invited-${tag}`);
      const self = await apiAs(app.url, employer);
      const apps = (await self.get(`/applications?jobId=${jobId}`)) as { seekerId: number; status: string; origin: string }[];
      expect(apps).toEqual([expect.objectContaining({ seekerId, status: 'invited', origin: 'invited' })]);
      // Until they accept, the employer sees no name.
      await open(page, `${app.url}/employer/applications.html?jobId=${jobId}`);
      expect(await page.locator('#application-list > li').count()).toBe(1);
      await checkPage(page, `employer-applications-invited-${tag}`);
    });

    it('change a job, close it (closed state, no invitations) and reopen it', async () => {
      await open(page, `${app.url}/employer/job-edit.html?id=${jobId}`);
      expect(await page.inputValue('#f-title')).toBe(text.jobTitle);
      expect(await page.isChecked('input[name="accommodations"][value="screen_reader"]')).toBe(true);
      await checkPage(page, `employer-job-edit-${tag}`);
      await page.check('input[name="accommodations"][value="rest_breaks"]');
      await Promise.all([page.waitForURL(`**/employer/job.html?id=${jobId}`), page.getByRole('button', { name: lang === 'en' ? 'Save the job' : '保存岗位' }).click()]);
      await expectBanner(page);
      expect(await page.locator('#job-accommodations li').count()).toBe(5);

      await page.getByRole('button', { name: text.close }).click();
      await page.waitForSelector('#reopen-form');
      await expectBanner(page);
      expect(await page.locator('[data-invite]').count()).toBe(0);
      await checkPage(page, `employer-job-closed-${tag}`);
      await page.getByRole('button', { name: text.reopen }).click();
      await page.waitForSelector('#close-form');
      await expectBanner(page);
    });

    it('a new application: the notification is shown and leads to it; interview, trial (with date errors), assessment, hire', async () => {
      const applicant = await apiAs(app.url, seeker);
      const applied = (await applicant.post('/applications', { jobId, message: lang === 'en' ? 'I have done online customer service before.' : '我做过网上客服。' })) as { id: number };

      await open(page, `${app.url}/notifications.html`);
      const link = page.locator(`#notification-list a[href="/employer/application.html?id=${applied.id}"]`).first();
      expect(await link.count()).toBe(1);
      await checkPage(page, `employer-notifications-${tag}`);
      await Promise.all([page.waitForURL(`**/employer/application.html?id=${applied.id}`), link.click()]);
      await page.waitForSelector('body[data-ready="true"]');
      // Applied: the employer now sees who it is; only the moves allowed now are offered.
      expect(await page.locator('#person').textContent()).not.toBe('');
      expect(await page.locator('input[name="status"]').evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value))).toEqual(['interviewing', 'trial', 'rejected']);
      await checkPage(page, `employer-application-applied-${tag}`);

      await page.check('input[name="status"][value="interviewing"]');
      await page.getByRole('button', { name: text.saveStatus, exact: true }).click();
      await expectBanner(page);
      expect(await page.locator('input[name="status"]').evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value))).toEqual(['trial', 'rejected']);

      // Trial without dates: the API names both fields.
      await page.check('input[name="status"][value="trial"]');
      expect(await page.isVisible('#f-trialStartsOn')).toBe(true);
      await page.getByRole('button', { name: text.saveStatus, exact: true }).click();
      const links = await expectErrorSummary(page, text.errorPrefix);
      expect(links).toEqual(['#f-trialStartsOn', '#f-trialEndsOn']);
      await checkPage(page, `employer-application-trial-errors-${tag}`);
      await page.fill('#f-trialStartsOn', '2026-12-01');
      await page.fill('#f-trialEndsOn', '2026-12-31');
      await page.getByRole('button', { name: text.saveStatus, exact: true }).click();
      await expectBanner(page);
      await page.waitForSelector('#assessment-form');
      await checkPage(page, `employer-application-trial-${tag}`);

      // The end-of-trial assessment: an empty one is refused, a real one saved.
      await page.getByRole('button', { name: text.assess }).click();
      expect(await expectErrorSummary(page, text.errorPrefix)).toEqual(['#f-assessment']);
      await page.fill('#f-assessment', lang === 'en' ? 'Answers customers well; needs a quiet corner.' : '回答顾客很好，需要安静的位置。');
      await page.getByRole('button', { name: text.assess }).click();
      await expectBanner(page);

      await page.check('input[name="status"][value="hired"]');
      await page.getByRole('button', { name: text.saveStatus, exact: true }).click();
      await expectBanner(page);
      expect(await page.locator('#follow-ups .summary-list__row').count()).toBe(4);
      expect(await page.locator('#no-next').count()).toBe(1);
      await checkPage(page, `employer-application-hired-${tag}`);

      await open(page, `${app.url}/employer/applications.html`);
      await checkPage(page, `employer-applications-${tag}`);
    });
  });
}

describe('empty states (a new alliance member: no jobs, applications or candidates yet)', () => {
  beforeAll(async () => {
    const staff = await apiAs(app.url, 'staff');
    const member = (await staff.post('/alliance-members', { name: '坪山新成员公益服务中心', kind: 'social_organisation', street: 'longtian', headcount: 40, pledgedPositions: 3, joinedOn: '2026-11-01' })) as { id: number };
    await staff.post('/users', { username: 'employer-new', password: DEMO_PASSWORD, role: 'employer', displayName: '新成员 负责人', memberId: member.id });
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`in ${lang}`, async () => {
      const tag = lang === 'en' ? 'en' : 'zh';
      const context = await newContext(browser, { locale: lang });
      const page = await context.newPage();
      await signInApi(context, app.url, 'employer-new');
      await open(page, `${app.url}/employer/index.html?lang=${lang}`);
      await checkPage(page, `employer-member-new-${tag}`);
      await open(page, `${app.url}/employer/jobs.html`);
      await page.waitForSelector('#no-jobs');
      await checkPage(page, `employer-jobs-empty-${tag}`);
      await open(page, `${app.url}/employer/applications.html`);
      await page.waitForSelector('#no-applications');
      await checkPage(page, `employer-applications-empty-${tag}`);
      await context.close();
    });
  }

  it('a job nobody fits yet says so plainly, in both languages', async () => {
    const self = await apiAs(app.url, 'employer-new');
    const job = (await self.post('/jobs', { title: '古籍修复学徒', street: 'longtian', workMode: 'onsite', hours: 'full_time', openings: 1, requiredSkills: ['古籍修复'], accommodations: [] })) as { id: number };
    for (const lang of ['zh-CN', 'en'] as const) {
      const context = await newContext(browser, { locale: lang });
      const page = await context.newPage();
      await signInApi(context, app.url, 'employer-new');
      await open(page, `${app.url}/employer/job.html?id=${job.id}&lang=${lang}`);
      await page.waitForSelector('#candidate-count');
      await checkPage(page, `employer-job-candidates-new-${lang === 'en' ? 'en' : 'zh'}`);
      await context.close();
    }
  });

  it('another member’s job is not shown to an employer', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInApi(context, app.url, 'employer-new');
    const other = await apiAs(app.url, 'employer-qiming');
    const jobs = (await other.get(`/jobs?memberId=${other.user.memberId}&limit=1`)) as { id: number }[];
    await open(page, `${app.url}/employer/job.html?id=${jobs[0]!.id}`);
    expect(await page.locator('[data-invite]').count()).toBe(0);
    expect(await page.locator('#candidate-list').count()).toBe(0);
    await context.close();
  });
});
