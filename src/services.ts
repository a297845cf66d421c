/** The composition root's wiring: every domain service, built once. */
import type { Db } from '../db/connection.js';
import type { Clock } from './clock.js';
import type { Logger } from './logger.js';
import { createEventBus } from './events.js';
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
}

export function createServices({ db, clock }: Components) {
  const events = createEventBus();
  return {
    db,
    events,
    allianceMembers: allianceMemberService(db, clock),
    seekers: seekerService(db, clock, events),
    jobs: jobService(db, clock, events),
    projects: projectService(db, clock, events),
    courses: courseService(db, clock, events),
    enrollments: enrollmentService(db, clock, events),
  };
}

export type Services = ReturnType<typeof createServices>;
