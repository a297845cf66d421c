/**
 * Staff's key journey by keyboard alone — Tab, Shift+Tab, Enter and Space (and typing into the
 * sign-in fields): sign in, go to the pipeline board, find the seeker whose application is at the
 * work trial (适岗), open their timeline and the application, and hire them. Then the API must say
 * the application is hired, the job has one opening fewer and the seeker's stage is employed.
 * Every focus stop on the way must show a visible focus indicator.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiAs, focused, launchChromium, newContext, open, startDemoApp, tabUntil, type DemoApp } from './harness.js';

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

describe('staff, keyboard only', () => {
  it('signs in, finds the seeker on a work trial on the board, opens the application and hires them (zh-CN)', async () => {
    const staff = await apiAs(app.url, 'staff');
    // The demo's trial whose job still has openings (the others' jobs are full: hiring there is a 409).
    const trials = (await staff.get('/applications?status=trial&limit=100')) as { id: number; jobId: number; seekerId: number }[];
    let trial: (typeof trials)[number] | undefined;
    let openingsBefore = 0;
    for (const a of trials) {
      const job = await staff.get(`/jobs/${a.jobId}`);
      if (job.status === 'open' && job.openings > 0) {
        trial = a;
        openingsBefore = job.openings;
        break;
      }
    }
    expect(trial, 'the demo data has a work trial in a job with openings').toBeDefined();
    expect((await staff.get(`/seekers/${trial!.seekerId}`)).stage).toBe('in_adaptation');

    const context = await newContext(browser, { locale: 'zh-CN' });
    const page = await context.newPage();
    const keys = page.keyboard;
    await open(page, `${app.url}/?lang=zh-CN`);

    // Sign in: type the username and password; Shift+Tab back and Tab forward again; Enter.
    await tabUntil(page, (f) => f.id === 'f-username');
    await keys.type('staff');
    await tabUntil(page, (f) => f.id === 'f-password', { max: 1 });
    await keys.type('pingshan-demo-2026');
    await tabUntil(page, (f) => f.id === 'f-username', { back: true, max: 1 });
    await tabUntil(page, (f) => f.id === 'f-password', { max: 1 });
    await Promise.all([page.waitForURL('**/staff/index.html'), keys.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('h1').textContent()).toBe('今天要跟进的事');

    // The navigation's "就业进度" (pipeline) link.
    await tabUntil(page, (f) => f.tag === 'a' && f.text === '就业进度');
    await Promise.all([page.waitForURL('**/staff/pipeline.html'), keys.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');

    // Skip link → main, then on through the filters and the stage columns to the seeker in "适岗中".
    await tabUntil(page, (f) => f.id === 'skip-link', { max: 1 });
    await keys.press('Enter');
    expect((await focused(page)).id).toBe('main');
    expect(await page.locator(`#stage-in_adaptation #board-seeker-${trial!.seekerId}`).count()).toBe(1);
    await tabUntil(page, (f) => f.id === `board-seeker-${trial!.seekerId}`, { max: 200 });
    await Promise.all([page.waitForURL(`**/staff/timeline.html?seekerId=${trial!.seekerId}`), keys.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.locator('#stage-now').textContent()).toBe('适岗中');

    // Their applications: the one at the trial.
    await tabUntil(page, (f) => f.id === `application-link-${trial!.id}`);
    await Promise.all([page.waitForURL(`**/staff/application.html?id=${trial!.id}`), keys.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');

    // The status form: "录用" (hire) is the first choice; Space checks it; Enter on the button saves.
    const hire = await tabUntil(page, (f) => f.id === 'f-status');
    expect(hire.tag).toBe('input');
    await keys.press('Space');
    expect(await page.isChecked('#f-status')).toBe(true);
    expect(await page.getAttribute('#f-status', 'value')).toBe('hired');
    await tabUntil(page, (f) => f.id === 'status-save');
    await keys.press('Enter');
    await page.waitForSelector('#success-banner');
    expect((await focused(page)).id).toBe('success-banner');
    expect(await page.locator('#success-banner').textContent()).toContain(`还剩 ${openingsBefore - 1} 个`);

    // The API agrees: hired, one opening fewer, the seeker employed, follow-ups booked.
    const after = await staff.get(`/applications/${trial!.id}`);
    expect(after.status).toBe('hired');
    expect((await staff.get(`/jobs/${trial!.jobId}`)).openings).toBe(openingsBefore - 1);
    expect((await staff.get(`/seekers/${trial!.seekerId}`)).stage).toBe('employed');
    expect(((await staff.get(`/applications/${trial!.id}/follow-ups`)) as { monthsAfterHire: number }[]).map((f) => f.monthsAfterHire)).toEqual([1, 3, 6, 12]);
    await context.close();
  });
});
