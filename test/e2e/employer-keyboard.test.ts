/**
 * An employer's journey by keyboard alone — Tab, Shift+Tab, Enter and Space, and typing into
 * fields: sign in, go to "my jobs", post a job with accommodations ticked, open its candidates,
 * read why one fits, invite them. Every focus stop on the way must show a visible focus indicator;
 * afterwards the invitation must exist in the API.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACCOMMODATION_CODES, type AccommodationCode } from '../../matching/vocabulary.js';
import { apiAs, focused, launchChromium, newContext, open, startDemoApp, tabUntil, type DemoApp } from './harness.js';

vi.setConfig({ testTimeout: 150_000 });

/** The checklist's ids follow the vocabulary's order (forms.ts: the first is f-accommodations, then -2, -3 …). */
const checkboxId = (code: AccommodationCode) => {
  const i = ACCOMMODATION_CODES.indexOf(code);
  return i === 0 ? 'f-accommodations' : `f-accommodations-${i + 1}`;
};

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

describe('keyboard only', () => {
  for (const [lang, employer] of [
    ['zh-CN', 'employer-qiming'],
    ['en', 'employer-yunfan'],
  ] as const) {
    it(`an employer posts a job with accommodations and invites a candidate (${lang})`, async () => {
      const context = await newContext(browser, { locale: lang });
      const page = await context.newPage();
      const keys = page.keyboard;
      await open(page, `${app.url}/?lang=${lang}`);

      // Sign in: type the username, Tab to the password, Shift+Tab back and forth, Enter.
      await tabUntil(page, (f) => f.id === 'f-username');
      await keys.type(employer);
      await tabUntil(page, (f) => f.id === 'f-password', { max: 1 });
      await keys.type('pingshan-demo-2026');
      await tabUntil(page, (f) => f.id === 'f-username', { back: true, max: 1 });
      await tabUntil(page, (f) => f.id === 'f-password', { max: 1 });
      await Promise.all([page.waitForURL('**/employer/index.html'), keys.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');

      // The navigation's "my jobs", then "post a new job".
      await tabUntil(page, (f) => f.tag === 'a' && f.text === (lang === 'en' ? 'My jobs' : '我的岗位'));
      await Promise.all([page.waitForURL('**/employer/jobs.html'), keys.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');
      await tabUntil(page, (f) => f.id === 'post-job');
      await Promise.all([page.waitForURL('**/employer/job-edit.html'), keys.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');

      // The form: title, description, places (on-site and full time are the defaults); the
      // accommodations are ticked with Space.
      const title = lang === 'en' ? 'Data annotator (remote, keyboard test)' : '数据标注员（键盘测试）';
      await tabUntil(page, (f) => f.id === 'f-title');
      await keys.type(title);
      await tabUntil(page, (f) => f.id === 'f-description', { max: 1 });
      await keys.type(lang === 'en' ? 'Label pictures and text on a computer, from home.' : '在家用电脑给图片和文字做标注。');
      await tabUntil(page, (f) => f.id === 'f-openings', { max: 1 });
      await keys.press('Control+A');
      await keys.type('3');
      for (const code of ['screen_reader', 'flexible_hours', 'remote_work'] as const) {
        await tabUntil(page, (f) => f.id === checkboxId(code), { max: 40 });
        await keys.press('Space');
        expect(await page.isChecked(`input[name="accommodations"][value="${code}"]`)).toBe(true);
      }
      await tabUntil(page, (f) => f.id === 'f-requiredSkills');
      await keys.type(lang === 'en' ? 'data annotation' : '数据标注');
      await tabUntil(page, (f) => f.id === 'save-job');
      await Promise.all([page.waitForURL('**/employer/job.html?id=*'), keys.press('Enter')]);
      await page.waitForSelector('#success-banner');
      expect((await focused(page)).id).toBe('success-banner');
      const jobId = Number(new URL(page.url()).searchParams.get('id'));

      // The candidates: the first one's reasons are on the page under "why they fit".
      const reasons = await page.locator('#candidate-1 .reasons li').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      await tabUntil(page, (f) => f.tag === 'summary', { max: 80 });
      await keys.press('Enter');
      expect(await page.locator('#candidate-1 details').getAttribute('open')).not.toBeNull();
      const invite = await tabUntil(page, (f) => f.id === 'candidate-1-invite', { max: 10 });
      const seekerId = Number(await page.getAttribute(`#${invite.id}`, 'data-invite'));
      await keys.press('Space');
      await page.waitForSelector('#success-banner');
      expect((await focused(page)).id).toBe('success-banner');

      // The invitation exists, for that seeker and that job.
      const api = await apiAs(app.url, employer);
      const apps = (await api.get(`/applications?jobId=${jobId}`)) as { seekerId: number; status: string }[];
      expect(apps).toEqual([expect.objectContaining({ seekerId, status: 'invited' })]);
      await context.close();
    });
  }
});
