/**
 * The statistics charts: Apache ECharts, loaded only by the statistics page (a dynamic import, so
 * esbuild puts it in its own chunk and no other page downloads it).
 *
 * - ARIA on: ECharts gives the chart role="img" and an aria-label describing it (title, kind,
 *   series and values) in the page's language; the data table next to it carries every number.
 * - SVG renderer, so the text is real text and scales; ECharts sets styles through the CSSOM
 *   (element.style), which the CSP's style-src 'self' allows.
 * - Not colour alone: every series has its own decal pattern (and, for lines, its own marker and
 *   dash), values are written on the bars, and the legend names each series.
 * - No animation when the person prefers reduced motion; high-contrast mode redraws in
 *   white/yellow on black; charts redraw to their container's width, so they reflow at 320 px.
 *
 * This module imports nothing from the page code (only types), so the chunk does not pull shared
 * code out of app.js.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { init, use, type ComposeOption, type ECharts } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { AriaComponentOption, GridComponentOption, LegendComponentOption, TitleComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { Lang } from '../../prefs.js';

use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | LineSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TitleComponentOption>;

export interface ChartSpec {
  /** What the chart shows: the start of its ARIA description (not drawn; the section heading is). */
  title: string;
  /** `hbar`: one horizontal bar per category (long names fit); `line`: categories along time. */
  kind: 'hbar' | 'line';
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Values are shares (0–1), shown as percentages. */
  percent?: boolean;
}

/** Marks and colours that pass 3:1 against the background; decals and markers tell series apart too. */
const PALETTE = ['#1d70b8', '#912b88', '#00703c', '#0b0c0c'];
const PALETTE_HIGH_CONTRAST = ['#ffffff', '#ffff00', '#00ffff', '#66ff99'];
const HIGH_CONTRAST_DECALS = (['rect', 'circle', 'triangle', 'diamond'] as const).map((symbol) => ({ color: '#000000', symbol }));
const LINE_MARKERS = ['circle', 'rect', 'triangle', 'diamond'];
const LINE_DASHES = ['solid', 'dashed', 'dotted', 'solid'] as const;
/** Height of one category's band in a horizontal bar chart, per series (px). */
const BAND_PER_SERIES = 14;

const highContrast = () => document.documentElement.classList.contains('high-contrast') || matchMedia('(forced-colors: active)').matches;
const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const cssVar = (name: string, fallback: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

function option(spec: ChartSpec, width: number, lang: Lang): Option {
  const contrast = highContrast();
  const text = cssVar('--text', '#0b0c0c');
  const lines = contrast ? text : '#505a5f';
  const palette = contrast ? PALETTE_HIGH_CONTRAST : PALETTE;
  const scale = spec.percent ? 100 : 1;
  const value = (v: number | null) => (v === null ? null : Math.round(v * scale * 10) / 10);
  const format = (v: number) => (spec.percent ? `${v}%` : new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'zh-CN').format(v));
  const fontFamily = getComputedStyle(document.body).fontFamily;
  const font = { color: text, fontFamily, fontSize: 13 };
  // Long category names (alliance members, courses) get a share of the width and an ellipsis; the table has them whole.
  const labelWidth = Math.max(64, Math.min(220, Math.round(width * 0.34)));
  const hbar = spec.kind === 'hbar';
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    inverse: hbar, // first row at the top, as in the table
    axisLabel: { ...font, width: hbar ? labelWidth : undefined, overflow: 'truncate' as const, hideOverlap: true },
    axisLine: { lineStyle: { color: lines } },
    axisTick: { lineStyle: { color: lines } },
  };
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { ...font, formatter: (v: number) => format(v), hideOverlap: true },
    splitLine: { lineStyle: { color: contrast ? '#767676' : '#b1b4b6', type: 'dashed' as const } },
    max: spec.percent ? 100 : undefined,
  };
  return {
    animation: !reducedMotion(),
    backgroundColor: 'transparent',
    color: palette,
    textStyle: font,
    title: { text: spec.title, show: false },
    aria: {
      enabled: true,
      label: { enabled: true, data: { maxCount: 40 } },
      // ECharts' own patterns; in high contrast, black ones that show on the white and yellow bars.
      decal: contrast ? { show: true, decals: HIGH_CONTRAST_DECALS } : { show: true },
    },
    legend: {
      show: spec.series.length > 1,
      top: 0,
      left: 0,
      // Clicking a legend entry would hide a series by mouse only; the legend just names them.
      selectedMode: false,
      textStyle: font,
      itemWidth: 28,
      itemHeight: 16,
    },
    grid: { top: spec.series.length > 1 ? 56 : 12, left: 8, right: hbar ? 48 : 24, bottom: 8 },
    xAxis: hbar ? valueAxis : categoryAxis,
    yAxis: hbar ? categoryAxis : valueAxis,
    series: spec.series.map((s, i) =>
      hbar
        ? ({
            type: 'bar',
            name: s.name,
            data: s.values.map(value),
            barMaxWidth: 18,
            itemStyle: { borderColor: lines, borderWidth: contrast ? 1 : 0 },
            label: { show: true, position: 'right', ...font, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? format(p.value) : '') },
          } satisfies BarSeriesOption)
        : ({
            type: 'line',
            name: s.name,
            data: s.values.map(value),
            symbol: LINE_MARKERS[i % LINE_MARKERS.length],
            symbolSize: 8,
            lineStyle: { width: 3, type: LINE_DASHES[i % LINE_DASHES.length] },
          } satisfies LineSeriesOption),
    ),
  };
}

/** Height a chart needs: bars grow with their categories, so long lists stay readable. */
function heightFor(spec: ChartSpec): number {
  const legend = spec.series.length > 1 ? 56 : 12;
  if (spec.kind === 'line') return 320 + legend;
  const band = Math.max(28, spec.series.length * BAND_PER_SERIES + 10);
  return spec.categories.length * band + legend + 40;
}

const drawn = new Set<{ redraw(): void }>();
let watchingMode = false;

/** Redraws every chart when the high-contrast button is pressed (it toggles a class on <html>). */
function watchDisplayMode(): void {
  if (watchingMode) return;
  watchingMode = true;
  new MutationObserver(() => {
    for (const c of drawn) c.redraw();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['class'] });
}

/** Draws a chart into `el` (which ECharts labels with role="img" and its description) and keeps it fitted to its width. */
export function drawChart(el: HTMLElement, spec: ChartSpec, lang: Lang): ECharts {
  el.style.height = `${heightFor(spec)}px`;
  const chart = init(el, null, { renderer: 'svg', locale: lang === 'en' ? 'EN' : 'ZH' });
  let width = el.clientWidth;
  const redraw = () => chart.setOption(option(spec, width, lang), { notMerge: true });
  redraw();
  new ResizeObserver(() => {
    if (el.clientWidth === width || el.clientWidth === 0) return;
    width = el.clientWidth;
    chart.resize();
    redraw();
  }).observe(el);
  drawn.add({ redraw });
  watchDisplayMode();
  return chart;
}
