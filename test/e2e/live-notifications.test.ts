/**
 * A live alert reaches an open seeker page when an employer, in a second browser context, posts
 * a job that fits: announced in the polite live region without moving focus, the unread count
 * in the header goes up, and the page stays axe-clean with the notification shown (zh and en).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { audit, focused, launchChromium, newContext, open, screenshots, signInApi, startDemoApp, type DemoApp } from './harness.js';

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

/** A remote web-development job: fits seeker-physical (web development, works remotely) well. */
const fittingJob = (title: string) => ({
  title,
  description: '居家开发和维护网站前端，远程协作。',
  street: 'pingshan',
  workMode: 'remote',
  hours: 'full_time',
  salaryMin: 7000,
  salaryMax: 12000,
  openings: 2,
  requiredSkills: ['网页开发'],
  accommodations: ['remote_work', 'flexible_hours', 'adjustable_workstation', 'screen_reader'],
});

describe('live notifications on an open page', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`an employer posts a fitting job; the seeker's page announces it politely (${lang})`, async () => {
      const tag = lang === 'en' ? 'en' : 'zh';
      const seeker = await newContext(browser, { locale: lang });
      const page = await seeker.newPage();
      await signInApi(seeker, app.url, 'seeker-physical');
      await open(page, `${app.url}/seeker/matches.html?lang=${lang}`);
      // Wait until the socket is connected (the backlog arrived and the count was read).
      await page.waitForFunction(() => document.getElementById('unread-label')?.textContent !== '');
      const before = Number((await page.textContent('#unread-count')) ?? '0');
      await page.focus('#apply-filters');
      expect(await page.textContent('#live-notice')).toBe('');
      expect(await page.getAttribute('#live-notice', 'aria-live')).toBe('polite');

      // The employer, in a browser context of their own, posts the job.
      const employer = await newContext(browser);
      await signInApi(employer, app.url, 'employer-qiming');
      const csrf = (await (await employer.request.get(`${app.url}/api/v1/auth/session`)).json()).data.csrfToken as string;
      const title = lang === 'en' ? '网页前端开发（居家，英文测试）' : '网页前端开发（居家）';
      const posted = await employer.request.post(`${app.url}/api/v1/jobs`, { data: fittingJob(title), headers: { 'X-CSRF-Token': csrf } });
      expect(posted.status()).toBe(201);

      await page.waitForSelector('#live-notice .live-notice__item', { timeout: 10_000 });
      const notice = (await page.textContent('#live-notice'))!;
      expect(notice).toContain(title);
      expect(notice).toContain(lang === 'en' ? 'A new job suits you' : '有一个适合你的新岗位');
      // On an English page the Chinese title is marked as Chinese.
      if (lang === 'en') expect(await page.locator('#live-notice span[lang="zh-CN"]').count()).toBeGreaterThan(0);
      expect(Number(await page.textContent('#unread-count'))).toBe(before + 1);
      expect(await page.isVisible('#unread-count')).toBe(true);
      // Focus did not move.
      expect((await focused(page)).id).toBe('apply-filters');

      expect(await audit(page)).toEqual([]);
      await screenshots(page, `seeker-live-notification-${tag}`);

      // The notifications page lists it; marking it read lowers the count.
      await open(page, `${app.url}/notifications.html`);
      expect(await page.locator('#notification-list > li').count()).toBeGreaterThan(0);
      expect(await audit(page)).toEqual([]);
      await screenshots(page, `notifications-filled-${tag}`);
      await page.click('#read-all');
      await page.waitForFunction(() => document.getElementById('unread-count')?.hidden === true);
      expect(await audit(page)).toEqual([]);
      await employer.close();
      await seeker.close();
    });
  }
});
