/**
 * The staff library pages in real Chromium against the real app and database: for the demand,
 * job-supply and project libraries, the alliance and the courses — the list (filled, and a search
 * that finds nothing), a record, creating with errors then for real, editing, archiving through
 * its confirmation step. Every state passes checkPage (axe WCAG 2.0/2.1/2.2 A + AA, no sideways
 * scrolling at 320 px, one h1, screenshots); every write is checked through the API.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { certificateNumber } from '../support/factories.js';
import { apiAs, checkPage, focused, launchChromium, newContext, open, signInApi, startDemoApp, tabUntil, type DemoApp, type Lang } from './harness.js';

vi.setConfig({ testTimeout: 120_000 });

let app: DemoApp;
let browser: Browser;
let staff: Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchChromium();
  staff = await apiAs(app.url, 'staff');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** How each library's create form is filled in, what an edit changes, and where the API keeps it. */
interface LibrarySpec {
  plural: string;
  one: string;
  api: string;
  /** Fields the API names when the form is sent empty (each must be linked from the summary). */
  emptyErrors: string[];
  fill(page: Page, lang: Lang): Promise<string>;
  /** A text field the edit changes, and the record's property it lands in. */
  edit: { field: string; property: string };
}

const stamp = (lang: Lang) => (lang === 'en' ? 'EN' : 'ZH');

const LIBRARIES: LibrarySpec[] = [
  {
    plural: 'seekers',
    one: 'seeker',
    api: '/seekers',
    emptyErrors: ['f-name', 'f-certificateNumber', 'f-workModes', 'f-consents'],
    async fill(page, lang) {
      const name = `测试登记${stamp(lang)}`;
      await page.fill('#f-name', name);
      await page.fill('#f-certificateNumber', certificateNumber(4, 2, lang === 'en' ? 611 : 613));
      await page.selectOption('#f-disabilityCategory', '4');
      await page.selectOption('#f-disabilityLevel', '2');
      await page.fill('#f-phone', '13800138000');
      await page.fill('#f-skills', '电商客服\n数据录入');
      await page.check('#f-needs-step_free_access-3'); // must have
      await page.check('#f-workModes');
      await page.check('#f-consents');
      return name;
    },
    edit: { field: 'about', property: 'about' },
  },
  {
    plural: 'jobs',
    one: 'job',
    api: '/jobs',
    emptyErrors: ['f-title', 'f-openings'],
    async fill(page, lang) {
      const name = `无障碍数据录入员${stamp(lang)}`;
      await page.fill('#f-title', name);
      await page.fill('#f-openings', '2');
      await page.fill('#f-requiredSkills', '数据录入');
      await page.check('#f-accommodations'); // the first accommodation
      return name;
    },
    edit: { field: 'description', property: 'description' },
  },
  {
    plural: 'projects',
    one: 'project',
    api: '/projects',
    emptyErrors: ['f-title', 'f-sponsorName', 'f-sector', 'f-capacity'],
    async fill(page, lang) {
      const name = `社区咖啡小站${stamp(lang)}`;
      await page.fill('#f-title', name);
      await page.fill('#f-sponsorName', '坪山区助残创业服务中心');
      await page.fill('#f-sector', '餐饮');
      await page.fill('#f-capacity', '3');
      await page.check('#f-supports');
      return name;
    },
    edit: { field: 'description', property: 'description' },
  },
  {
    plural: 'members',
    one: 'member',
    api: '/alliance-members',
    emptyErrors: ['f-name', 'f-headcount', 'f-joinedOn'],
    async fill(page, lang) {
      const name = `坪山测试社会服务中心${stamp(lang)}`;
      await page.fill('#f-name', name);
      await page.selectOption('#f-kind', 'social_organisation');
      await page.fill('#f-headcount', '35');
      await page.fill('#f-pledgedPositions', '3');
      await page.fill('#f-joinedOn', '2026-10-01');
      return name;
    },
    edit: { field: 'description', property: 'description' },
  },
  {
    plural: 'courses',
    one: 'course',
    api: '/courses',
    emptyErrors: ['f-code', 'f-titleZh', 'f-titleEn', 'f-provider', 'f-durationHours', 'f-capacity'],
    async fill(page, lang) {
      const name = `手语沟通入门${stamp(lang)}`;
      await page.fill('#f-code', `SGN-${lang === 'en' ? 'E' : 'Z'}01`);
      await page.fill('#f-titleZh', name);
      await page.fill('#f-titleEn', `Sign language basics ${stamp(lang)}`);
      await page.fill('#f-provider', '坪山区残疾人职业康复中心');
      await page.fill('#f-durationHours', '40');
      await page.fill('#f-capacity', '20');
      await page.fill('#f-skills', '手语');
      return lang === 'en' ? `Sign language basics ${stamp(lang)}` : name;
    },
    edit: { field: 'description', property: 'description' },
  },
];

const TEXT = {
  'zh-CN': { errorPrefix: '错误：', save: '保存', find: '查找', confirm: '确定归档' },
  en: { errorPrefix: 'Error: ', save: 'Save', find: 'Search', confirm: 'Yes, archive it' },
} as const;

async function submitAndWaitFor(page: Page, buttonId: string, urlPart: string): Promise<void> {
  await Promise.all([page.waitForURL(`**${urlPart}**`), page.click(`#${buttonId}`)]);
  await page.waitForSelector('body[data-ready="true"]');
}

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`staff library pages in ${lang}`, () => {
    const tag = lang === 'en' ? 'en' : 'zh';
    const text = TEXT[lang];
    let context: BrowserContext;
    let page: Page;
    // Chinese gets every state; English a representative set that still covers every page
    // (list, record, form, confirmation), so the file stays a few minutes long.
    const full = lang === 'zh-CN';
    const checkAlsoEn = (name: string) => checkPage(page, `${name}-${tag}`);
    const checkZh = (name: string) => (full ? checkPage(page, `${name}-${tag}`) : Promise.resolve());

    beforeAll(async () => {
      context = await newContext(browser, { locale: lang });
      await signInApi(context, app.url, 'staff');
      page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      // The language is chosen once, as a person would with the switch; it is remembered after.
      await open(page, `${app.url}/staff/seekers.html?lang=${lang}`);
    });
    afterAll(async () => context?.close());

    it('keyboard only: skip link, search a library, open a record, reach its form and back again', async () => {
      await open(page, `${app.url}/staff/jobs.html`);
      await page.keyboard.press('Tab');
      expect((await focused(page)).id).toBe('skip-link');
      await page.keyboard.press('Enter');
      await tabUntil(page, (f) => f.id === 'f-q');
      await page.keyboard.type('客服'); // the demo jobs are written in Chinese
      await Promise.all([page.waitForURL('**q=**'), page.keyboard.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');
      const first = ((await page.locator('#results tbody th a').first().textContent()) ?? '').trim();
      expect(first).not.toBe('');
      await tabUntil(page, (f) => f.tag === 'a' && f.text === first);
      await Promise.all([page.waitForURL('**/staff/job.html?id=**'), page.keyboard.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');
      await tabUntil(page, (f) => f.id === 'edit-link');
      await Promise.all([page.waitForURL('**/staff/job-edit.html?id=**'), page.keyboard.press('Enter')]);
      await page.waitForSelector('body[data-ready="true"]');
      // Through the whole form to Save and back to the title: no traps on the way.
      await tabUntil(page, (f) => f.id === 'save', { max: 120 });
      await tabUntil(page, (f) => f.id === 'f-title', { max: 120, back: true });
    });

    for (const lib of LIBRARIES) {
      it(`${lib.plural}: a filled list with pages, then a search that finds nothing`, async () => {
        await open(page, `${app.url}/staff/${lib.plural}.html`);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.locator('#results tbody tr').count()).toBeGreaterThan(0);
        expect(await page.getAttribute(`.service-nav a[href="/staff/${lib.plural}.html"]`, 'aria-current')).toBe('page');
        await checkAlsoEn(`staff-${lib.plural}`);

        // Keyset pages: "next" carries the cursor; the next page starts after this one and links back to the first.
        if (await page.locator('#next-page').count()) {
          const firstOnPage1 = await page.locator('#results tbody th a').first().getAttribute('href');
          await Promise.all([page.waitForURL('**cursor=**'), page.click('#next-page')]);
          await page.waitForSelector('body[data-ready="true"]');
          expect(await page.locator('#results tbody th a').first().getAttribute('href')).not.toBe(firstOnPage1);
          expect(await page.locator('#first-page').count()).toBe(1);
        }

        // The search is a GET form: the result is a link of its own.
        await page.fill('#f-q', 'zzz-nothing-like-this');
        await Promise.all([page.waitForURL('**q=zzz-nothing-like-this**'), page.getByRole('button', { name: text.find, exact: true }).click()]);
        await page.waitForSelector('body[data-ready="true"]');
        expect(await page.locator('#no-results').count()).toBe(1);
        expect(await page.locator('#clear-filters').count()).toBe(1);
        await checkZh(`staff-${lib.plural}-empty`);
      });

      it(`${lib.plural}: create — the empty form's problems summarised and linked, then created with a banner`, async () => {
        await open(page, `${app.url}/staff/${lib.one}-edit.html`);
        await page.getByRole('button', { name: text.save, exact: true }).click();
        await page.waitForSelector('#error-summary');
        expect((await focused(page)).id).toBe('error-summary');
        expect(await page.title()).toMatch(new RegExp(`^${text.errorPrefix}`));
        const targets = await page.locator('#error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(targets).toEqual(expect.arrayContaining(lib.emptyErrors.map((id) => `#${id}`)));
        const summaryFirst = await page.evaluate(() => !!(document.getElementById('error-summary')!.compareDocumentPosition(document.querySelector('h1')!) & Node.DOCUMENT_POSITION_FOLLOWING));
        expect(summaryFirst).toBe(true);
        await checkAlsoEn(`staff-${lib.one}-create-errors`);

        const name = await lib.fill(page, lang);
        await submitAndWaitFor(page, 'save', `/staff/${lib.one}.html?id=`);
        await page.waitForSelector('#success-banner');
        expect((await focused(page)).id).toBe('success-banner');
        expect(await page.locator('h1').textContent()).toBe(name);
        await checkAlsoEn(`staff-${lib.one}-created`);
        const id = Number(new URL(page.url()).searchParams.get('id'));
        const record = (await staff.get(`${lib.api}/${id}`)) as { status: string };
        expect(record.status).toMatch(/^(active|open)$/);
      });

      it(`${lib.plural}: edit, then archive through the confirmation step`, async () => {
        const id = Number(new URL(page.url()).searchParams.get('id'));
        await page.click('#edit-link');
        await page.waitForURL(`**/staff/${lib.one}-edit.html?id=${id}`);
        await page.waitForSelector('body[data-ready="true"]');
        await checkZh(`staff-${lib.one}-edit`);
        const changed = lang === 'en' ? 'Changed by staff in the browser test.' : '工作人员在浏览器测试里改过。';
        await page.fill(`#f-${lib.edit.field}`, changed);
        await submitAndWaitFor(page, 'save', `/staff/${lib.one}.html?id=${id}`);
        await page.waitForSelector('#success-banner');
        expect(((await staff.get(`${lib.api}/${id}`)) as Record<string, unknown>)[lib.edit.property]).toBe(changed);

        await page.click('#archive-link');
        await page.waitForURL('**action=archive**');
        await page.waitForSelector('#confirm-button');
        await (lib.one === 'job' ? checkAlsoEn : checkZh)(`staff-${lib.one}-archive-confirm`);
        await page.getByRole('button', { name: text.confirm, exact: true }).click();
        await page.waitForSelector('#success-banner');
        expect(new URL(page.url()).searchParams.get('action')).toBeNull();
        expect(await page.locator('#edit-link').count()).toBe(0);
        expect(((await staff.get(`${lib.api}/${id}`)) as { status: string }).status).toBe('archived');
      });
    }

    it('a job: staff verify it, close it and reopen it', async () => {
      const jobs = (await staff.get('/jobs?status=open&verified=false&limit=1')) as { id: number }[];
      const id = jobs[0]!.id;
      await open(page, `${app.url}/staff/job.html?id=${id}`);
      await Promise.all([page.waitForURL(`**/staff/job.html?id=${id}`), page.click('#verify-button')]);
      await page.waitForSelector('#success-banner');
      expect(((await staff.get(`/jobs/${id}`)) as { verified: boolean }).verified).toBe(true);
      expect(await page.locator('#verify-button').count()).toBe(0);
      await page.click('#close-button');
      await page.waitForSelector('#reopen-button');
      expect(((await staff.get(`/jobs/${id}`)) as { status: string }).status).toBe('closed');
      await checkZh('staff-job-closed');
      await page.click('#reopen-button');
      await page.waitForSelector('#close-button');
      expect(((await staff.get(`/jobs/${id}`)) as { status: string }).status).toBe('open');
    });

    it('a seeker: unmasked certificate for staff, consents, training enrolled and completed (errors first)', async () => {
      const seeker = (await staff.post('/seekers', {
        name: `培训测试${stamp(lang)}`,
        certificateNumber: certificateNumber(2, 3, lang === 'en' ? 711 : 713),
        disabilityCategory: 2,
        disabilityLevel: 3,
        street: 'biling',
        education: 'senior_secondary',
        workModes: ['onsite'],
        consents: { sensitiveData: true, matchAlerts: true, textVersion: '2026-01' },
      })) as { id: number; certificateNumber: string };
      await open(page, `${app.url}/staff/seeker.html?id=${seeker.id}`);
      expect(await page.locator('#certificate-number').textContent()).not.toContain('*');
      expect(await page.locator('#seeker-consents').textContent()).toContain(lang === 'en' ? 'Yes' : '是');
      expect(await page.locator('#no-enrollments').count()).toBe(1);
      expect(await page.getAttribute('#timeline-link', 'href')).toBe(`/staff/timeline.html?seekerId=${seeker.id}`);
      await checkAlsoEn('staff-seeker-training');

      const courseId = Number(await page.locator('#f-courseId').inputValue());
      await Promise.all([page.waitForURL(`**/staff/seeker.html?id=${seeker.id}`), page.click('#enrol-button')]);
      await page.waitForSelector('#success-banner');
      await page.waitForSelector('#finish-form');
      expect(await page.locator('#enrollments tbody tr').count()).toBe(1);

      // Completing without a date: the API says the date is needed, at the date field.
      await page.click('#finish-button');
      await page.waitForSelector('#error-summary');
      expect(await page.locator('#error-summary a').first().getAttribute('href')).toBe('#f-completedOn');
      expect(await page.title()).toMatch(new RegExp(`^${text.errorPrefix}`));
      await checkZh('staff-seeker-finish-errors');
      await page.fill('#f-completedOn', '2026-11-25');
      await page.fill('#f-result', lang === 'en' ? 'passed' : '合格');
      await Promise.all([page.waitForURL(`**/staff/seeker.html?id=${seeker.id}`), page.click('#finish-button')]);
      await page.waitForSelector('#success-banner');
      const enrollments = (await staff.get(`/enrollments?seekerId=${seeker.id}`)) as { courseId: number; status: string; completedOn: string }[];
      expect(enrollments).toEqual([expect.objectContaining({ courseId, status: 'completed', completedOn: '2026-11-25' })]);
    });

    it('a seeker: a deletion request recorded, then anonymised — each through its own confirmation step', async () => {
      const seeker = (await staff.post('/seekers', {
        name: `删除测试${stamp(lang)}`,
        certificateNumber: certificateNumber(1, 4, lang === 'en' ? 811 : 813),
        disabilityCategory: 1,
        disabilityLevel: 4,
        street: 'shijing',
        education: 'bachelor',
        workModes: ['remote'],
        consents: { sensitiveData: true, textVersion: '2026-01' },
      })) as { id: number };
      await open(page, `${app.url}/staff/seeker.html?id=${seeker.id}`);
      await page.click('#deletion-request-link');
      await page.waitForSelector('#confirm-button');
      await checkZh('staff-seeker-deletion-confirm');
      await page.click('#confirm-button');
      await page.waitForSelector('#anonymise-link');
      expect(((await staff.get(`/seekers/${seeker.id}`)) as { deletionRequestedAt: string | null }).deletionRequestedAt).not.toBeNull();

      await page.click('#anonymise-link');
      await page.waitForSelector('#confirm-button');
      await checkAlsoEn('staff-seeker-anonymise-confirm');
      await page.click('#confirm-button');
      await page.waitForSelector('#success-banner');
      const after = (await staff.get(`/seekers/${seeker.id}`)) as { status: string; name: string };
      expect(after.status).toBe('anonymised');
      expect(after.name).not.toContain('删除测试');
      await checkZh('staff-seeker-anonymised');
    });
  });
}
