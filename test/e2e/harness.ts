/**
 * Browser tests' harness: the real AbilityBridge (demo data and demo accounts, fresh SQLite file,
 * real HTTP + socket.io on an ephemeral port), the page bundle built from public/src, and Debian's
 * Chromium driven by playwright-core. axe-core audits, keyboard helpers and screenshots.
 *
 * Chromium must be at /usr/bin/chromium (`apt-get install -y chromium fonts-noto-cjk`; .ci/run does
 * it when run as root). Without it these tests FAIL with that instruction; they never skip.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDatabase } from '../../db/connection.js';
import { buildWeb } from '../../public/build-web.js';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { DEMO_PASSWORD, seedDemoAccounts } from '../../src/demo/accounts.js';
import { seedDemo } from '../../src/demo/seed.js';
import { attachLive } from '../../src/live/server.js';
import { createLogger } from '../../src/logger.js';
import { createServices, type Services } from '../../src/services.js';
import { FIXED_CLOCK } from '../support/app.js';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-output/screenshots');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface DemoApp {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** The app as `npm start` runs it (demo data + accounts), on its own database and port. */
export async function startDemoApp(): Promise<DemoApp> {
  await buildWeb();
  const dir = mkdtempSync(join(tmpdir(), 'abilitybridge-e2e-'));
  const db = openDatabase(join(dir, 'e2e.sqlite'));
  const config = loadConfig({ NODE_ENV: 'test' });
  seedDemo(db, config);
  const services = createServices({ db, clock: FIXED_CLOCK, logger: createLogger('silent'), config });
  await seedDemoAccounts(services);
  const server: Server = createApp(services).listen(0, '127.0.0.1');
  await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
  const live = attachLive(server, services);
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    url,
    services,
    async close() {
      await live.close();
      server.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. The browser tests need it and never skip: install it with ` +
        '`apt-get update && apt-get install -y chromium fonts-noto-cjk` (as root; .ci/run does this), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export type Lang = 'zh-CN' | 'en';

export async function newContext(browser: Browser, options: { width?: number; locale?: Lang } = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: options.locale ?? 'zh-CN', reducedMotion: 'reduce' });
}

/** Opens a page of the app and waits until it has rendered (body[data-ready]). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
}

/** Signs in through the API within the context (the browser shares its cookies). */
export async function signInApi(context: BrowserContext, baseUrl: string, username: string): Promise<void> {
  const res = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  if (res.status() !== 200) throw new Error(`sign-in as ${username} failed: ${res.status()}`);
}

/** A cookie-keeping API client for a demo account (acting as a second person: employer, staff). */
export async function apiAs(baseUrl: string, username: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await res.json()) as { data: { csrfToken: string; user: { memberId: number | null; seekerId: number | null } } };
  const call = async (method: string, path: string, data?: unknown) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'X-CSRF-Token': body.data.csrfToken, ...(data !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: data === undefined ? null : JSON.stringify(data),
    });
    const json = (await r.json().catch(() => ({}))) as { data?: unknown; error?: unknown };
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(json)}`);
    return json.data as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { user: body.data.user, get: (p: string) => call('GET', p), post: (p: string, d: unknown = {}) => call('POST', p, d) };
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[];
}

/** axe-core with the WCAG 2.0/2.1/2.2 A and AA rules; returns readable violations (empty = pass). */
export async function audit(page: Page): Promise<string[]> {
  // Injected through the DevTools protocol rather than addScriptTag: the pages' CSP (script-src
  // 'self') rightly refuses an inline <script>, and the audit must not weaken it.
  const present = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined');
  if (!present) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    (tags) => (globalThis as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<unknown> } }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  )) as AxeResult;
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')} — ${n.failureSummary ?? ''}`));
}

/** Full-page screenshots at 1280 and 320 CSS px into test-output/screenshots/<name>-<width>.png. */
export async function screenshots(page: Page, name: string, widths: number[] = [1280, 320]): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** No sideways scrolling at the current width (WCAG 1.4.10 reflow). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** What has focus, described for assertions and messages. */
export async function focused(page: Page): Promise<{ tag: string; id: string; text: string; name: string | null; visibleFocus: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: 'body', id: '', text: '', name: null, visibleFocus: false };
    const s = getComputedStyle(el);
    const visibleFocus =
      (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && s.outlineColor !== 'rgba(0, 0, 0, 0)') ||
      s.boxShadow !== 'none' ||
      s.backgroundColor === 'rgb(255, 221, 0)';
    return { tag: el.tagName.toLowerCase(), id: el.id, text: (el.textContent ?? '').trim().slice(0, 80), name: el.getAttribute('name'), visibleFocus };
  });
}

/**
 * Presses Tab (or Shift+Tab) until `match` says the focused element is the one wanted; every stop
 * on the way must show a visible focus indicator. Fails after `max` presses.
 */
export async function tabUntil(
  page: Page,
  match: (f: Awaited<ReturnType<typeof focused>>) => boolean,
  options: { max?: number; back?: boolean } = {},
): Promise<Awaited<ReturnType<typeof focused>>> {
  const stops: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    stops.push(`${f.tag}#${f.id} "${f.text}"`);
    if (f.tag !== 'body' && !f.visibleFocus) throw new Error(`no visible focus on ${f.tag}#${f.id} "${f.text}"`);
    if (match(f)) return f;
  }
  throw new Error(`did not reach the element by keyboard; stops: ${stops.join(' | ')}`);
}

/**
 * The checks every page state gets: axe clean (WCAG 2.0/2.1/2.2 A + AA), no sideways scrolling at
 * 320 CSS px, exactly one h1, and screenshots at 1280 and 320 px for a person to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  const { expect } = await import('vitest');
  expect(await audit(page), `axe on ${name}`).toEqual([]);
  await page.setViewportSize({ width: 320, height: 900 });
  expect(await horizontalOverflow(page), `sideways scrolling at 320 px on ${name}`).toBe(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshots(page, name);
  expect(await page.locator('h1').count(), `one h1 on ${name}`).toBe(1);
}
