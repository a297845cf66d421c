/**
 * One shape for every statistics table: named columns with zh/en headers and rows of plain
 * cells. The same table feeds the JSON response (for charts and the accessible data table), the
 * CSV and the XLSX export, so what a chart shows and what is exported cannot drift apart.
 */
import ExcelJS from 'exceljs';
import type { Bilingual } from '../../matching/vocabulary.js';
import type { Locale } from '../i18n.js';

export type Cell = string | number | null;

export interface Column extends Bilingual {
  key: string;
}

export interface StatTable {
  /** File name stem and sheet name: `library-sizes`. */
  name: string;
  title: Bilingual;
  columns: Column[];
  rows: Record<string, Cell>[];
  /** What the figures mean and which filters were applied (JSON only). */
  meta?: Record<string, unknown>;
}

const pick = (b: Bilingual, locale: Locale) => (locale === 'en' ? b.en : b.zh);

export function tableJson(t: StatTable, locale: Locale) {
  return {
    name: t.name,
    title: pick(t.title, locale),
    columns: t.columns.map((c) => ({ key: c.key, label: pick(c, locale) })),
    rows: t.rows,
    ...(t.meta ? { meta: t.meta } : {}),
  };
}

/** A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading quote. */
function defuse(v: string): string {
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = defuse(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV (RFC 4180, CRLF) with a UTF-8 byte-order mark, so Excel opens Chinese text correctly. */
export function toCsv(t: StatTable, locale: Locale): Buffer {
  const lines = [t.columns.map((c) => csvCell(pick(c, locale))).join(',')];
  for (const row of t.rows) lines.push(t.columns.map((c) => csvCell(row[c.key] ?? null)).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** One worksheet: a bold header row in the request's language, then the rows; numbers stay numbers. */
export async function toXlsx(t: StatTable, locale: Locale): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AbilityBridge';
  const ws = wb.addWorksheet(t.name.slice(0, 31));
  ws.columns = t.columns.map((c) => ({ header: pick(c, locale), key: c.key, width: Math.max(10, pick(c, locale).length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const row of t.rows) {
    ws.addRow(Object.fromEntries(t.columns.map((c) => {
      const v = row[c.key] ?? null;
      return [c.key, typeof v === 'string' ? defuse(v) : v];
    })));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
