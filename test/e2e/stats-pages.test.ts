/**
 * The statistics page (staff), the public summary (anyone) and the quota dashboard (employer and
 * staff), in Chinese and English, in real Chromium against the real app and demo data: every
 * state axe-clean, reflowing at 320 px, one h1, photographed. Charts carry ECharts' generated
 * ARIA description; a table's CSV download holds the numbers the table shows; the public page
 * shows suppressed cells as "<5" and nobody's personal data.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiAs, checkPage, focused, launchChromium, newContext, open, signInApi, startDemoApp, type DemoApp, type Lang } from './harness.js';

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
  'zh-CN': { errorPrefix: '错误：', ariaStart: '这是一个关于', save: '保存设置', apply: '应用筛选', under5: '少于5' },
  en: { errorPrefix: 'Error: ', ariaStart: 'This is a chart about', save: 'Save setting', apply: 'Apply filters', under5: 'fewer than 5' },
} as const;

/** A page that fails the test on any script error or any CSP refusal (the charts must live within the CSP). */
async function strictPage(context: BrowserContext): Promise<{ page: Page; cspErrors: string[] }> {
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('pageerror', (e) => {
    throw e;
  });
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
  });
  return { page, cspErrors };
}

/** RFC 4180 CSV (quoted fields, CRLF), without the byte-order mark. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  return rows;
}

/** A table cell as a number when it is one ("1,234" → 1234, "14.3%" → 0.143), else its text. */
function cellValue(text: string): number | string {
  const t = text.trim();
  if (/^-?[\d,]+(\.\d+)?%$/.test(t)) return Number(t.replace(/[,%]/g, '')) / 100;
  if (/^-?[\d,]+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  return t;
}

for (const lang of ['zh-CN', 'en'] as const satisfies readonly Lang[]) {
  const text = TEXT[lang];
  const tag = lang === 'en' ? 'en' : 'zh';

  describe(`statistics (staff) in ${lang}`, () => {
    let context: BrowserContext;
    let page: Page;
    let cspErrors: string[];

    beforeAll(async () => {
      context = await newContext(browser, { locale: lang });
      await signInApi(context, app.url, 'staff');
      ({ page, cspErrors } = await strictPage(context));
    });
    afterAll(async () => context?.close());

    it('every statistic: a chart with its generated ARIA description, a table behind a disclosure (shown), CSV and XLSX links', async () => {
      await open(page, `${app.url}/staff/stats.html?lang=${lang}`);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('.stats-section').count()).toBe(8);
      const charts = page.locator('.stats-chart');
      expect(await charts.count()).toBe(8);
      for (const chart of await charts.all()) {
        expect(await chart.getAttribute('role')).toBe('img');
        expect(await chart.getAttribute('aria-label')).toContain(text.ariaStart);
        expect(await chart.locator('svg').count()).toBe(1);
      }
      // ECharts' description names the data in the page's language.
      const seekersLabel = (await page.locator('#seekers-chart').getAttribute('aria-label')) ?? '';
      expect(seekersLabel).toContain(lang === 'en' ? 'Visual' : '视力');
      expect(await page.locator('details.stats-details').count()).toBe(8);
      expect(await page.locator('.stats-downloads a[data-format="csv"]').count()).toBe(8);
      expect(await page.locator('.stats-downloads a[data-format="xlsx"]').count()).toBe(8);
      // Audited with every table shown: the closed disclosures hide nothing axe would not see open.
      for (const summary of await page.locator('details.stats-details > summary').all()) await summary.click();
      expect(await page.locator('details.stats-details[open] table').count()).toBe(8);
      await checkPage(page, `stats-${tag}`);
      // At 320 px each chart is redrawn to its box: the drawing is no wider than the screen.
      await page.setViewportSize({ width: 320, height: 900 });
      await page.waitForFunction(() => [...document.querySelectorAll('.stats-chart svg')].every((s) => s.getBoundingClientRect().width <= document.documentElement.clientWidth));
      await page.setViewportSize({ width: 1280, height: 900 });
      expect(cspErrors).toEqual([]);
    });

    it('the CSV download holds the numbers the table shows; the XLSX downloads too', async () => {
      for (const id of ['seekers', 'employment-rates', 'alliance']) {
        const table = page.locator(`#${id}-table`);
        const headers = (await table.locator('thead th').allTextContents()).map((s) => s.trim());
        const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => (c.querySelector('.visually-hidden') ? '' : (c.textContent ?? '').trim()))));
        const href = await page.locator(`#${id} a[data-format="csv"]`).getAttribute('href');
        const res = await page.request.get(`${app.url}${href}`);
        expect(res.status()).toBe(200);
        expect(res.headers()['content-type']).toContain('text/csv');
        const csv = parseCsv(await res.text());
        const [csvHeaders, ...csvRows] = csv;
        expect(csvRows.length, `${id}: rows`).toBe(rows.length);
        for (const [c, header] of headers.entries()) {
          const k = csvHeaders!.indexOf(header);
          expect(k, `${id}: CSV has the column "${header}"`).toBeGreaterThanOrEqual(0);
          for (const [r, row] of rows.entries()) {
            if (row[c] === '') continue; // "no data": an empty CSV cell
            const shown = cellValue(row[c]!);
            const exported = cellValue(csvRows[r]![k]!);
            if (typeof shown === 'number') expect(exported, `${id} row ${r} "${header}"`).toBeCloseTo(shown, 3);
            else expect(exported, `${id} row ${r} "${header}"`).toBe(shown);
          }
        }
      }
      const xlsx = await page.request.get(`${app.url}${await page.locator('#skills a[data-format="xlsx"]').getAttribute('href')}`);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    });

    it('filters applied: kept in the form and the address, used by every table and download that takes them', async () => {
      await open(page, `${app.url}/staff/stats.html?lang=${lang}`);
      await page.fill('#f-from', '2026-01-01');
      await page.fill('#f-to', '2026-09-30');
      await page.selectOption('#f-street', 'pingshan');
      await page.selectOption('#f-category', '4');
      await Promise.all([page.waitForURL(/street=pingshan/), page.getByRole('button', { name: text.apply }).click()]);
      await page.waitForSelector('body[data-ready="true"]');
      expect(await page.inputValue('#f-street')).toBe('pingshan');
      expect(await page.inputValue('#f-from')).toBe('2026-01-01');
      expect(await page.locator('#filters-applied').textContent()).toContain(lang === 'en' ? 'Pingshan' : '坪山');
      const seekersCsv = (await page.locator('#seekers a[data-format="csv"]').getAttribute('href')) ?? '';
      expect(seekersCsv).toMatch(/street=pingshan/);
      expect(seekersCsv).toMatch(/category=4/);
      expect(seekersCsv).toMatch(/from=2026-01-01/);
      // The alliance table takes period and street only; it is still shown, with those.
      const allianceCsv = (await page.locator('#alliance a[data-format="csv"]').getAttribute('href')) ?? '';
      expect(allianceCsv).toMatch(/street=pingshan/);
      expect(allianceCsv).not.toMatch(/category=/);
      // Every category is still listed; only physical disability (4) has anyone in it now.
      const counts = await page.locator('#seekers-table tbody tr').evaluateAll((trs) => trs.map((tr) => Number((tr.children[1]?.textContent ?? '').replace(/,/g, ''))));
      expect(counts.length).toBe(7);
      expect(counts.filter((n, i) => i !== 3 && n !== 0)).toEqual([]);
      expect(counts[3]).toBeGreaterThan(0);
      await checkPage(page, `stats-filtered-${tag}`);
    });

    it('filters giving no data: said in words instead of an empty chart', async () => {
      await open(page, `${app.url}/staff/stats.html?lang=${lang}&from=2020-01-01&to=2020-12-31`);
      for (const id of ['seekers', 'funnel', 'training-outcomes']) expect(await page.locator(`[data-empty="${id}"]`).count(), id).toBe(1);
      expect(await page.locator('#seekers-chart').count()).toBe(0);
      await checkPage(page, `stats-no-data-${tag}`);
    });

    it('filters the API refuses: the error summary above the h1, focused, linked to the field', async () => {
      await open(page, `${app.url}/staff/stats.html?lang=${lang}&from=2026-09-30&to=2026-01-01`);
      await page.waitForSelector('#error-summary');
      expect((await focused(page)).id).toBe('error-summary');
      expect(await page.title()).toMatch(new RegExp(`^${text.errorPrefix}`));
      expect(await page.locator('#error-summary a[href="#f-to"]').count()).toBe(1);
      expect(await page.getAttribute('#f-to', 'aria-invalid')).toBe('true');
      expect(await page.locator('.stats-section').count()).toBe(0);
      await checkPage(page, `stats-filter-error-${tag}`);
    });
  });

  describe(`public summary in ${lang}`, () => {
    it('anyone, signed out: counts only, small cells shown as "<5" and explained, no personal data', async () => {
      const context = await newContext(browser, { locale: lang });
      const { page } = await strictPage(context);
      if (lang === 'zh-CN') {
        // The start page links to it.
        await open(page, `${app.url}/`);
        await Promise.all([page.waitForURL('**/summary.html'), page.click('#summary-link')]);
        await page.waitForSelector('body[data-ready="true"]');
      } else {
        await open(page, `${app.url}/summary.html?lang=en`);
      }
      const api = (await (await fetch(`${app.url}/api/v1/public/summary?lang=${lang}`)).json()) as { data: Record<string, unknown> };
      // The demo data has fewer than 5 people in stable work: withheld.
      expect(api.data.stablyEmployed).toBe('<5');
      const suppressed = page.locator('[data-suppressed="<5"]');
      expect(await suppressed.count()).toBeGreaterThan(0);
      expect(await suppressed.first().textContent()).toBe(`<5${text.under5}`);
      expect(await page.locator('#privacy').textContent()).toContain('<5');
      const main = (await page.locator('main').textContent()) ?? '';
      const staff = await apiAs(app.url, 'staff');
      const seekers = (await staff.get('/seekers?limit=100')) as { name: string; certificateNumber: string; phone: string | null }[];
      for (const s of seekers) {
        expect(main).not.toContain(s.name);
        expect(main).not.toContain(s.certificateNumber.slice(0, 10));
        if (s.phone) expect(main).not.toContain(s.phone);
      }
      expect(main).not.toMatch(/\d{11,}/);
      await checkPage(page, `summary-${tag}`);
      await context.close();
    });
  });

  describe(`quota dashboard in ${lang}`, () => {
    it("an employer: their member's position, the levy step by step, open jobs with the best candidates", async () => {
      const context = await newContext(browser, { locale: lang });
      await signInApi(context, app.url, 'employer-qiming');
      const { page } = await strictPage(context);
      const employer = await apiAs(app.url, 'employer-qiming');
      const q = (await employer.get(`/quota/members/${employer.user.memberId}`)) as { shortfall: number; levy: number; hiresToClear: number; openJobs: { id: number }[] };
      await open(page, `${app.url}/quota.html?lang=${lang}`);
      expect(q.levy).toBeGreaterThan(0);
      const levyText = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN').format(q.levy);
      expect(await page.locator('#quota-levy').textContent()).toContain(levyText);
      expect(await page.locator('#levy-result').textContent()).toContain(levyText);
      expect(await page.locator('#quota-headline').textContent()).toContain(String(q.hiresToClear));
      expect(await page.locator('#quota-steps li').count()).toBeGreaterThanOrEqual(6);
      expect(q.openJobs.length).toBeGreaterThan(0);
      expect(await page.locator(`#quota-jobs a[href="/employer/job.html?id=${q.openJobs[0]!.id}"]`).count()).toBeGreaterThan(0);
      expect(await page.locator('.quota-candidates li').count()).toBeGreaterThan(0);
      // Staff-only parts are not there.
      expect(await page.locator('#policy-settings, #quota-table').count()).toBe(0);
      await checkPage(page, `quota-employer-${tag}`);
      await context.close();
    });

    describe('staff', () => {
      let context: BrowserContext;
      let page: Page;

      beforeAll(async () => {
        context = await newContext(browser, { locale: lang });
        await signInApi(context, app.url, 'staff');
        ({ page } = await strictPage(context));
      });
      afterAll(async () => context?.close());

      it('every member in a table sorted by shortfall (a GET parameter), each linked to its own view; the policy settings with sources', async () => {
        await open(page, `${app.url}/quota.html?sort=shortfall&lang=${lang}`);
        const shortfalls = (await page.locator('#quota-table td[data-column="shortfall"]').allTextContents()).map((s) => Number(s.replace(/,/g, '')));
        expect(shortfalls.length).toBe(40);
        expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
        expect(shortfalls[0]).toBeGreaterThan(0);
        expect(await page.locator('#quota-table th[aria-sort="descending"]').count()).toBe(1);
        expect(await page.locator('#policy-settings .summary-list__row').count()).toBe(9);
        expect(await page.locator('#policy-quota_rate .policy-source').textContent()).toContain('残疾人就业条例');
        await checkPage(page, `quota-staff-${tag}`);

        await open(page, `${app.url}/quota.html?sort=levy&lang=${lang}`);
        const levies = (await page.locator('#quota-table td[data-column="levy"]').allTextContents()).map((s) => Number(s.replace(/,/g, '')));
        expect(levies).toEqual([...levies].sort((a, b) => b - a));

        const first = page.locator('#quota-table tbody th a').first();
        const href = (await first.getAttribute('href')) ?? '';
        expect(href).toMatch(/memberId=\d+/);
        await Promise.all([page.waitForURL(/memberId=/), first.click()]);
        await page.waitForSelector('body[data-ready="true"]');
        expect(await page.locator('#quota-figures').count()).toBe(1);
        expect(await page.locator('a.back-link').count()).toBe(1);
        await checkPage(page, `quota-staff-member-${tag}`);
      });

      it('a policy setting: wrong values summarised GOV.UK-style; a right one saves and says so', async () => {
        await open(page, `${app.url}/quota.html?lang=${lang}`);
        await Promise.all([page.waitForURL(/edit=quota_rate/), page.click('#change-quota_rate')]);
        await page.waitForSelector('body[data-ready="true"]');
        expect(await page.inputValue('#f-value')).toBe('0.015');
        await page.fill('#f-value', 'one and a half');
        await page.fill('#f-source', '');
        await page.getByRole('button', { name: text.save }).click();
        await page.waitForSelector('#error-summary');
        expect((await focused(page)).id).toBe('error-summary');
        expect(await page.title()).toMatch(new RegExp(`^${text.errorPrefix}`));
        const targets = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(targets).toEqual(expect.arrayContaining(['#f-value', '#f-source']));
        expect(await page.getAttribute('#f-value', 'aria-invalid')).toBe('true');
        await checkPage(page, `quota-policy-errors-${tag}`);

        await page.fill('#f-value', '0.015');
        const source = lang === 'en' ? 'Regulations on the Employment of Persons with Disabilities, Art. 8 (checked)' : '《残疾人就业条例》第八条（已核对）';
        await page.fill('#f-source', source);
        await Promise.all([page.waitForURL((u) => !u.search.includes('edit=')), page.getByRole('button', { name: text.save }).click()]);
        await page.waitForSelector('#success-banner');
        expect((await focused(page)).id).toBe('success-banner');
        expect(await page.locator('#policy-quota_rate .policy-source').textContent()).toContain(source);
        await checkPage(page, `quota-policy-saved-${tag}`);
      });
    });
  });
}
