/** The composition root's wiring: every domain service, built once. */
import type { Db } from '../db/connection.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { createEventBus } from './events.js';
import { createMatchService } from './match/service.js';
import { auditService } from './audit/service.js';
import { accountService } from './auth/service.js';
import type { Config } from './config.js';
import { allianceMemberService } from './resources/alliance-members/service.js';
import { seekerService } from './resources/seekers/service.js';
import { jobService } from './resources/jobs/service.js';
import { projectService } from './resources/projects/service.js';
import { courseService } from './resources/courses/service.js';
import { enrollmentService } from './resources/enrollments/service.js';

export interface Components {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
}

export function createServices({ db, clock, logger, config }: Components) {
  const events = createEventBus();
  const audit = auditService(db, clock);
  const jobs = jobService(db, clock, events);
  const projects = projectService(db, clock, events);
  return {
    db,
    clock,
    logger,
    config,
    events,
    audit,
    accounts: accountService(db, clock, config, events),
    allianceMembers: allianceMemberService(db, clock),
    seekers: seekerService(db, clock, events, audit),
    jobs,
    projects,
    courses: courseService(db, clock, events),
    enrollments: enrollmentService(db, clock, events),
    matches: createMatchService(db, events, { jobs, projects }),
  };
}

export type Services = ReturnType<typeof createServices>;
