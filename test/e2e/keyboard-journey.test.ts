/**
 * A seeker's journey by keyboard alone — Tab, Shift+Tab, Enter and Space (and typing into the
 * sign-in fields): sign in, skip to the content, open the best match, read why it fits, apply.
 * Every focus stop on the way must show a visible focus indicator.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { focused, launchChromium, newContext, open, startDemoApp, tabUntil, type DemoApp } from './harness.js';

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

describe('keyboard only', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`a seeker signs in, opens a match, reads why it fits and applies (${lang})`, async () => {
      const context = await newContext(browser, { locale: lang });
      const page = await context.newPage();
      await open(page, `${app.url}/?lang=${lang}`);
      const keys = page.keyboard;

      // The skip link is the first stop, and it is visible when focused.
      const skip = await tabUntil(page, () => true, { max: 1 });
      expect(skip.id).toBe('skip-link');
      expect(await page.isVisible('#skip-link')).toBe(true);

      await tabUntil(page, (f) => f.id === 'f-username');
      await keys.type(lang === 'en' ? 'seeker-hearing' : 'seeker-physical');
      await tabUntil(page, (f) => f.id === 'f-password', { max: 1 });
      await keys.type('pingshan-demo-2026');
      // Shift+Tab goes back to the username; Tab returns.
      expect((await tabUntil(page, (f) => f.id === 'f-username', { back: true, max: 1 })).id).toBe('f-username');
      await tabUntil(page, (f) => f.id === 'f-password', { max: 1 });
      await Promise.all([page.waitForURL('**/seeker/matches.html'), keys.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');

      // Skip link → main, then the first match's title link.
      await tabUntil(page, (f) => f.id === 'skip-link', { max: 1 });
      await keys.press('Enter');
      expect((await focused(page)).id).toBe('main');
      const firstTitle = (await page.locator('#match-list .card__link').first().textContent())!.trim();
      await tabUntil(page, (f) => f.tag === 'a' && f.text === firstTitle);
      await Promise.all([page.waitForURL('**/seeker/job.html?id=*'), keys.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');

      // Why it fits: the reasons are on the page, under their heading; open "how it is worked out" with Space.
      expect(await page.locator('h1').textContent()).toBe(firstTitle);
      const reasons = await page.locator('.reasons li').allTextContents();
      expect(reasons.length).toBeGreaterThan(0);
      await tabUntil(page, (f) => f.tag === 'summary');
      await keys.press('Space');
      expect(await page.locator('details').first().getAttribute('open')).not.toBeNull();

      // Apply: to the message box (type a note), then the button, pressed with Space.
      await tabUntil(page, (f) => f.id === 'f-message');
      await keys.type(lang === 'en' ? 'Any weekday suits me.' : '工作日都可以。');
      await tabUntil(page, (f) => f.id === 'apply-button', { max: 1 });
      await keys.press('Space');
      await page.waitForSelector('#success-banner');
      expect((await focused(page)).id).toBe('success-banner');
      // The banner's link to the applications is the next stop.
      const next = await tabUntil(page, () => true, { max: 1 });
      expect(next.tag).toBe('a');
      await Promise.all([page.waitForURL('**/seeker/applications.html'), keys.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.locator('.card__link').allTextContents()).toContain(firstTitle);
      await context.close();
    });
  }

  it('the language switch is reachable by keyboard, reloads the page in the other language and is remembered', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, `${app.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await tabUntil(page, (f) => f.id === 'language-switch');
    await Promise.all([page.waitForURL(/lang=en/), page.keyboard.press('Enter')]);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // Remembered: a page opened without ?lang= is in English too.
    await open(page, `${app.url}/index.html`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    await context.close();
  });

  it('large text and high contrast are toggled with Space and announced as pressed', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await open(page, `${app.url}/`);
    await tabUntil(page, (f) => f.id === 'toggle-highContrast');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('#toggle-highContrast', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('html', 'class')).toContain('high-contrast');
    await open(page, `${app.url}/`); // remembered on this device before sign-in
    expect(await page.getAttribute('html', 'class')).toContain('high-contrast');
    await context.close();
  });
});
