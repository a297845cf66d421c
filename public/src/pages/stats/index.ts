/** The statistics display (staff), the public summary (everyone) and the quota dashboard (employer: own member; staff: all). */
import type { PageDef } from '../../layout.js';
import { renderQuota } from './quota.js';
import { renderStaffStats } from './staff-stats.js';
import { renderPublicSummary } from './summary.js';

export const STATS_PAGES: Record<string, PageDef> = {
  'staff-stats': { role: 'staff', render: renderStaffStats },
  'public-summary': { render: renderPublicSummary },
  quota: { role: ['employer', 'staff'], render: renderQuota },
};
