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
import { notificationService } from './notifications/service.js';
import { matchAlertService, type MatchAlertService } from './notifications/match-alerts.js';
import { applicationService } from './resources/applications/service.js';
import { pipelineService } from './pipeline/service.js';
import { policyService } from './policy/service.js';
import { statsService } from './stats/service.js';
import { quotaService } from './stats/quota.js';

export interface Components {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: Config;
}

export function createServices({ db, clock, logger, config }: Components) {
  const events = createEventBus();
  const audit = auditService(db, clock);
  const notifications = notificationService(db, clock, logger);
  // Match alerts need the match index, which needs the job service: bound once both exist.
  let matchAlerts: MatchAlertService | undefined;
  const jobs = jobService(db, clock, events, { beforeCommit: (change, job, before) => matchAlerts?.jobWritten(change, job, before) });
  const projects = projectService(db, clock, events);
  const pipeline = pipelineService(db, clock, events, notifications);
  // Subscribed after the seeker/job writers exist and before match alerts, which read the index it keeps.
  const matches = createMatchService(db, events, { jobs, projects });
  matchAlerts = matchAlertService({ db, config, logger, events, index: matches.index, notifications });
  const policy = policyService(db, clock, audit);
  return {
    db,
    clock,
    logger,
    config,
    events,
    audit,
    accounts: accountService(db, clock, config, events),
    allianceMembers: allianceMemberService(db, clock),
    seekers: seekerService(db, clock, events, audit, { beforeCommit: (id) => matchAlerts?.seekerChanged(id) }),
    jobs,
    projects,
    courses: courseService(db, clock, events),
    enrollments: enrollmentService(db, clock, events, pipeline, { beforeCommit: (id) => matchAlerts?.seekerChanged(id) }),
    pipeline,
    applications: applicationService(db, clock, events, pipeline, notifications),
    matches,
    notifications,
    matchAlerts,
    policy,
    stats: statsService(db, clock, pipeline),
    quota: quotaService(db, policy, matches),
  };
}

export type Services = ReturnType<typeof createServices>;
