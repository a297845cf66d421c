/**
 * Every seeker page and state, in Chinese and in English, in real Chromium: axe-core (WCAG 2.0,
 * 2.1, 2.2 A + AA) reports nothing; no sideways scrolling at 320 CSS px; screenshots at 1280 and
 * 320 px in test-output/screenshots/. The person's journey runs through the real API and database.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A page state is audited, reflow-checked and photographed twice: more than the default 20 s.
vi.setConfig({ testTimeout: 120_000 });
import { DEMO_PASSWORD } from '../../src/demo/accounts.js';
import { buildSeeker, certificateNumber } from '../support/factories.js';
import { apiAs, audit, checkPage, focused, horizontalOverflow, launchChromium, newContext, open, screenshots, signInApi, startDemoApp, type DemoApp, type Lang } from './harness.js';

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

const check = checkPage;

const TEXT = {
  'zh-CN': { errorPrefix: '错误：', signIn: '登录', apply: '申请这个岗位', save: '保存', accept: '接受邀请', withdraw: '撤回申请', consentsSave: '保存我的选择' },
  en: { errorPrefix: 'Error: ', signIn: 'Sign in', apply: 'Apply for this job', save: 'Save', accept: 'Accept invitation', withdraw: 'Withdraw application', consentsSave: 'Save my choices' },
} as const;

for (const [lang, seeker] of [
  ['zh-CN', 'seeker-physical'],
  ['en', 'seeker-hearing'],
] as const satisfies readonly (readonly [Lang, string])[]) {
  describe(`a seeker's pages in ${lang}`, () => {
    const text = TEXT[lang];
    const tag = lang === 'en' ? 'en' : 'zh';
    let context: BrowserContext;
    let page: Page;
    let firstJobId = 0;

    beforeAll(async () => {
      context = await newContext(browser, { locale: lang });
      page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
    });
    afterAll(async () => context?.close());

    it('start page: the service, sign-in form and demo accounts; the language is the one asked for', async () => {
      await open(page, `${app.url}/?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await expect(page.locator('[data-demo]').count()).resolves.toBe(6);
      await check(page, `start-${tag}`);
    });

    it('sign-in errors: summary above the h1, focused, linked to each field; "Error:" in the title and inline', async () => {
      await page.getByRole('button', { name: text.signIn, exact: true }).click();
      await page.waitForSelector('#error-summary');
      expect((await focused(page)).id).toBe('error-summary');
      expect(await page.title()).toMatch(new RegExp(`^${text.errorPrefix}`));
      const summaryFirst = await page.evaluate(() => {
        const s = document.getElementById('error-summary')!;
        const h1 = document.querySelector('h1')!;
        return !!(s.compareDocumentPosition(h1) & Node.DOCUMENT_POSITION_FOLLOWING);
      });
      expect(summaryFirst).toBe(true);
      const links = page.locator('#error-summary a');
      expect(await links.count()).toBe(2);
      expect(await page.locator('#f-username-error .visually-hidden').textContent()).toBe(text.errorPrefix);
      expect(await page.getAttribute('#f-username', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#f-username', 'aria-describedby')).toContain('f-username-error');
      await check(page, `start-errors-${tag}`);
      // The summary's link takes focus to the field.
      await links.first().click();
      expect((await focused(page)).id).toBe('f-username');

      // Wrong password: one general message, linked to the username.
      await page.fill('#f-username', seeker);
      await page.fill('#f-password', 'not the password');
      await page.getByRole('button', { name: text.signIn, exact: true }).click();
      await page.waitForFunction(() => document.querySelectorAll('#error-summary li').length === 1);
      expect((await focused(page)).id).toBe('error-summary');
    });

    it('signs in with the form and lands on the ranked matches, each explained', async () => {
      await page.fill('#f-password', 'pingshan-demo-2026');
      await Promise.all([page.waitForURL('**/seeker/matches.html'), page.getByRole('button', { name: text.signIn, exact: true }).click()]);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('#match-list > li').count()).toBeGreaterThan(0);
      expect(await page.locator('#match-list > li').first().locator('.reasons li').count()).toBeGreaterThan(0);
      const href = await page.locator('#match-list .card__link').first().getAttribute('href');
      firstJobId = Number(/id=(\d+)/.exec(href ?? '')![1]);
      await check(page, `seeker-matches-${tag}`);
      await page.locator('#match-list details summary').first().click();
      await check(page, `seeker-matches-details-open-${tag}`);
    });

    it('a job: facts, my needs against it, why it fits, then apply (success banner takes focus)', async () => {
      await open(page, `${app.url}/seeker/job.html?id=${firstJobId}`);
      expect(await page.locator('.reasons li').count()).toBeGreaterThan(0);
      await check(page, `seeker-job-${tag}`);
      await page.fill('#f-message', lang === 'en' ? 'I can come to an interview on any weekday.' : '工作日都可以来面试。');
      await page.getByRole('button', { name: text.apply }).click();
      await page.waitForSelector('#success-banner');
      expect((await focused(page)).id).toBe('success-banner');
      expect(await page.locator('#applied-status').count()).toBe(1);
      await check(page, `seeker-job-applied-${tag}`);
    });

    it('consents: plain explanations; turning on sharing saves and says so', async () => {
      await open(page, `${app.url}/seeker/consents.html`);
      await check(page, `seeker-consents-${tag}`);
      const share = page.locator('input[value="shareWithEmployers"]');
      if (!(await share.isChecked())) await share.check();
      await Promise.all([page.waitForURL('**/seeker/profile.html'), page.getByRole('button', { name: text.consentsSave }).click()]);
      await page.waitForSelector('#success-banner');
      expect((await focused(page)).id).toBe('success-banner');
      await check(page, `seeker-profile-saved-${tag}`);
    });

    it('an invitation from an employer: shown with accept and decline; accepting says so', async () => {
      const employer = await apiAs(app.url, 'employer-qiming');
      const self = await apiAs(app.url, seeker);
      const jobs = (await employer.get(`/jobs?memberId=${employer.user.memberId}&status=open&limit=100`)) as { id: number }[];
      const mine = (await self.get('/applications?limit=100')) as { jobId: number }[];
      const job = jobs.find((j) => !mine.some((a) => a.jobId === j.id))!;
      await employer.post(`/jobs/${job.id}/invitations`, { seekerId: self.user.seekerId, message: lang === 'en' ? 'We would like to meet you.' : '欢迎来面试。' });

      await open(page, `${app.url}/seeker/applications.html`);
      expect(await page.locator('[data-action="accept"]').count()).toBe(1);
      await check(page, `seeker-applications-invited-${tag}`);
      await page.locator('[data-action="accept"]').click();
      await page.waitForSelector('#success-banner');
      expect((await focused(page)).id).toBe('success-banner');
      await check(page, `seeker-applications-accepted-${tag}`);
    });

    it('withdraw: a confirmation page with an optional reason, then back with a banner', async () => {
      await open(page, `${app.url}/seeker/applications.html`);
      await page.locator('a[href^="/seeker/withdraw.html"]').first().click();
      await page.waitForSelector('body[data-ready="true"]');
      await check(page, `seeker-withdraw-${tag}`);
      await Promise.all([page.waitForURL('**/seeker/applications.html'), page.getByRole('button', { name: text.withdraw }).click()]);
      await page.waitForSelector('#success-banner');
      await check(page, `seeker-applications-withdrawn-${tag}`);
    });

    it('profile edit: errors from the API summarised, linked and inline; fixing them saves', async () => {
      await open(page, `${app.url}/seeker/profile-edit.html`);
      await check(page, `seeker-profile-edit-${tag}`);
      for (const box of await page.locator('input[name="workModes"]').all()) await box.uncheck();
      await page.fill('#f-email', 'not-an-email');
      await page.fill('#f-salaryExpectation', 'lots');
      await page.getByRole('button', { name: text.save, exact: true }).click();
      await page.waitForSelector('#error-summary');
      expect((await focused(page)).id).toBe('error-summary');
      expect(await page.title()).toMatch(new RegExp(`^${text.errorPrefix}`));
      const targets = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(targets).toEqual(expect.arrayContaining(['#f-email', '#f-workModes', '#f-salaryExpectation']));
      expect(await page.locator('[data-field="workModes"] .error-message').count()).toBe(1);
      await check(page, `seeker-profile-edit-errors-${tag}`);
      await page.locator('#error-summary a[href="#f-workModes"]').click();
      expect((await focused(page)).id).toBe('f-workModes');

      await page.check('#f-workModes');
      await page.fill('#f-email', 'me@example.cn');
      await page.fill('#f-salaryExpectation', '5000');
      await page.getByRole('button', { name: text.save, exact: true }).click();
      await page.waitForURL('**/seeker/profile.html');
      await page.waitForSelector('#success-banner');
      expect(await page.locator('main').textContent()).toContain('me@example.cn');
    });

    it('profile edit: adding and removing skill rows keeps focus in the list', async () => {
      await open(page, `${app.url}/seeker/profile-edit.html`);
      const before = await page.locator('.skill-row').count();
      await page.click('#add-skill');
      expect(await page.locator('.skill-row').count()).toBe(before + 1);
      expect((await focused(page)).name).toMatch(/^skills\.\d+\.skill$/);
      await page.locator('.skill-row').last().locator('button').click();
      expect(await page.locator('.skill-row').count()).toBe(before);
      const f = await focused(page);
      expect(f.id === 'add-skill' || /^f-skills-\d+-skill$/.test(f.id), `focus after removing a row: ${JSON.stringify(f)}`).toBe(true);
    });

    it('projects and notifications', async () => {
      await open(page, `${app.url}/seeker/projects.html`);
      await check(page, `seeker-projects-${tag}`);
      await open(page, `${app.url}/notifications.html`);
      await check(page, `notifications-${tag}`);
    });

    it('large text and high contrast: remembered on the device and on the account, still clean and reflowing', async () => {
      await open(page, `${app.url}/seeker/matches.html`);
      await page.click('#toggle-largeText');
      await page.click('#toggle-highContrast');
      expect(await page.getAttribute('html', 'class')).toMatch(/large-text/);
      expect(await page.getAttribute('#toggle-highContrast', 'aria-pressed')).toBe('true');
      await open(page, `${app.url}/seeker/job.html?id=${firstJobId}`);
      expect(await page.getAttribute('html', 'class')).toMatch(/high-contrast/);
      await check(page, `seeker-job-contrast-large-${tag}`);
      await open(page, `${app.url}/seeker/matches.html`);
      await check(page, `seeker-matches-contrast-large-${tag}`);
      await open(page, `${app.url}/seeker/profile-edit.html`);
      await check(page, `seeker-profile-edit-contrast-large-${tag}`);
      const session = await (await context.request.get(`${app.url}/api/v1/auth/session`)).json();
      expect(session.data.user).toMatchObject({ largeText: true, highContrast: true, locale: lang });
      await page.click('#toggle-largeText');
      await page.click('#toggle-highContrast');
      expect(await page.getAttribute('html', 'class')).not.toMatch(/large-text|high-contrast/);
    });

    it('delete my details: a question page saying what goes and what stays; the request is recorded and the profile says so', async () => {
      await open(page, `${app.url}/seeker/profile.html`);
      await page.click('#delete-link');
      await page.waitForSelector('#deletion-form');
      await check(page, `seeker-delete-${tag}`);
      await page.click('#deletion-button');
      await page.waitForURL('**/seeker/profile.html');
      await page.waitForSelector('#success-banner');
      expect(await page.locator('#deletion-pending').count()).toBe(1);
      expect(await page.locator('#delete-link').count()).toBe(0);
      await check(page, `seeker-profile-deletion-requested-${tag}`);
      const me = await (await context.request.get(`${app.url}/api/v1/auth/session`)).json();
      const record = await (await context.request.get(`${app.url}/api/v1/seekers/${me.data.user.seekerId}`)).json();
      expect(record.data.deletionRequestedAt).toEqual(expect.any(String));
    });
  });
}

describe('empty states (a newly registered seeker: no skills, matches, applications or notifications)', () => {
  beforeAll(async () => {
    // Staff register the person and give them an account, as at the service desk.
    const staff = await apiAs(app.url, 'staff');
    const created = (await staff.post('/seekers', buildSeeker({ name: '新登记求职者', skills: [], needs: [{ code: 'braille', strength: 'must' }], certificateNumber: certificateNumber(1, 2, 987), disabilityCategory: 1, disabilityLevel: 2 }))) as { id: number };
    await staff.post('/users', { username: 'seeker-new', password: DEMO_PASSWORD, role: 'seeker', displayName: '新登记求职者', seekerId: created.id });
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`in ${lang}`, async () => {
      const tag = lang === 'en' ? 'en' : 'zh';
      const context = await newContext(browser, { locale: lang });
      const page = await context.newPage();
      await signInApi(context, app.url, 'seeker-new');
      await open(page, `${app.url}/seeker/matches.html?lang=${lang}`);
      await page.waitForSelector('#no-matches');
      await check(page, `seeker-matches-empty-${tag}`);
      await open(page, `${app.url}/seeker/applications.html`);
      await page.waitForSelector('#no-applications');
      await page.waitForSelector('#no-invitations');
      await check(page, `seeker-applications-empty-${tag}`);
      // A job that is not among the person's matches says so, and can still be applied for.
      await open(page, `${app.url}/seeker/job.html?id=27`);
      expect(await page.locator('#apply-form').count()).toBe(1);
      await check(page, `seeker-job-not-a-match-${tag}`);
      await open(page, `${app.url}/notifications.html`);
      await page.waitForSelector('#no-notifications');
      await check(page, `notifications-empty-${tag}`);
      await open(page, `${app.url}/seeker/profile.html`);
      await check(page, `seeker-profile-${tag}`);
      await context.close();
    });
  }

  it('a signed-out visitor to a seeker page is sent to sign in, and back afterwards', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${app.url}/seeker/applications.html`);
    await page.waitForURL(/\/\?next=/);
    await page.waitForSelector('body[data-ready="true"]');
    await page.fill('#f-username', 'seeker-new');
    await page.fill('#f-password', 'pingshan-demo-2026');
    await Promise.all([page.waitForURL('**/seeker/applications.html'), page.click('#sign-in')]);
    await context.close();
  });
});
