/** The entrepreneurship-project library (创业项目库). */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import { allianceMembers, projects, type Project } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import type { EventBus } from '../../events.js';
import { contains, listPage } from '../query.js';
import type { CreateProjectReq, ListProjectsReq, UpdateProjectReq } from './schema.js';

export function projectService(db: Db, clock: Clock, events: EventBus) {
  const published = (change: 'created' | 'updated' | 'closed' | 'reopened' | 'archived', project: Project): Project => {
    events.publish({ type: 'project', change, id: project.id });
    return project;
  };

  function get(id: number): Project {
    const found = db.select().from(projects).where(eq(projects.id, id)).get();
    if (!found) throw AppError.notFound('project', id);
    return found;
  }

  function checkMember(memberId: number | null | undefined) {
    if (memberId == null) return;
    if (!db.select({ id: allianceMembers.id }).from(allianceMembers).where(eq(allianceMembers.id, memberId)).get()) {
      throw AppError.validation([{ path: 'memberId', key: 'ref.unknown_member', params: { id: memberId } }]);
    }
  }

  function setStatus(id: number, from: Project['status'][], to: Project['status'], conflict: Parameters<typeof AppError.conflict>[0]) {
    const change = to === 'open' ? 'reopened' : to;
    return published(change, db.transaction(() => {
      const current = get(id);
      if (!from.includes(current.status)) throw AppError.conflict(current.status === 'archived' ? 'conflict.archived' : conflict);
      return db.update(projects).set({ status: to, updatedAt: isoNow(clock) }).where(eq(projects.id, id)).returning().get();
    }));
  }

  return {
    get,
    create(input: CreateProjectReq): Project {
      return published('created', db.transaction(() => {
        checkMember(input.memberId);
        return db.insert(projects).values({ ...input, createdAt: isoNow(clock), updatedAt: isoNow(clock) }).returning().get();
      }));
    },
    update(id: number, patch: UpdateProjectReq): Project {
      return published('updated', db.transaction(() => {
        const current = get(id);
        if (current.status === 'archived') throw AppError.conflict('conflict.archived');
        checkMember(patch.memberId);
        return db.update(projects).set({ ...patch, updatedAt: isoNow(clock) }).where(eq(projects.id, id)).returning().get();
      }));
    },
    close: (id: number) => setStatus(id, ['open'], 'closed', 'conflict.project_already_closed'),
    reopen: (id: number) => setStatus(id, ['closed'], 'open', 'conflict.project_already_open'),
    archive: (id: number) => setStatus(id, ['open', 'closed'], 'archived', 'conflict.already_archived'),
    list(q: ListProjectsReq): Page<Project> {
      return listPage(db, projects, [
        q.sector?.length ? inArray(projects.sector, q.sector) : undefined,
        q.status?.length ? inArray(projects.status, q.status) : undefined,
        q.street?.length ? inArray(projects.street, q.street) : undefined,
        q.workMode?.length ? inArray(projects.workMode, q.workMode) : undefined,
        q.q ? contains(projects.title, q.q) : undefined,
      ], q);
    },
  };
}
