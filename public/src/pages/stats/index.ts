/** The statistics display (staff), the public summary (everyone) and the quota dashboard (employer: own member; staff: all). */
import type { PageDef } from '../../layout.js';

export const STATS_PAGES: Record<string, PageDef> = {};
