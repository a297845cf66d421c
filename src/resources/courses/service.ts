/** The training catalogue: courses and the skills they teach. */
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import { courses, type Course } from '../../../db/schema.js';
import { isoNow, type Clock } from '../../clock.js';
import { AppError } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import type { EventBus } from '../../events.js';
import { contains, listPage } from '../query.js';
import { skillAliases } from '../skills.js';
import type { CreateCourseReq, ListCoursesReq, UpdateCourseReq } from './schema.js';

function checkDates(c: { startsOn?: string | null; endsOn?: string | null }) {
  if (c.startsOn && c.endsOn && c.endsOn < c.startsOn) throw AppError.validation([{ path: 'endsOn', key: 'dates.end_before_start' }]);
}

export function courseService(db: Db, clock: Clock, events: EventBus) {
  const published = (change: 'created' | 'updated' | 'archived', course: Course): Course => {
    events.publish({ type: 'course', change, id: course.id });
    return course;
  };

  function get(id: number): Course {
    const found = db.select().from(courses).where(eq(courses.id, id)).get();
    if (!found) throw AppError.notFound('course', id);
    return found;
  }

  function assertCodeFree(code: string, exceptId?: number) {
    const clash = db.select({ id: courses.id }).from(courses).where(and(eq(courses.code, code), exceptId === undefined ? undefined : ne(courses.id, exceptId))).get();
    if (clash) throw AppError.conflict('conflict.duplicate_course_code');
  }

  return {
    get,
    create(input: CreateCourseReq): Course {
      checkDates(input);
      return published('created', db.transaction(() => {
        assertCodeFree(input.code);
        return db.insert(courses).values({ ...input, createdAt: isoNow(clock), updatedAt: isoNow(clock) }).returning().get();
      }));
    },
    update(id: number, patch: UpdateCourseReq): Course {
      return published('updated', db.transaction(() => {
        const current = get(id);
        if (current.status === 'archived') throw AppError.conflict('conflict.archived');
        checkDates({ ...current, ...patch });
        if (patch.code !== undefined) assertCodeFree(patch.code, id);
        return db.update(courses).set({ ...patch, updatedAt: isoNow(clock) }).where(eq(courses.id, id)).returning().get();
      }));
    },
    archive(id: number): Course {
      return published('archived', db.transaction(() => {
        if (get(id).status === 'archived') throw AppError.conflict('conflict.already_archived');
        return db.update(courses).set({ status: 'archived', updatedAt: isoNow(clock) }).where(eq(courses.id, id)).returning().get();
      }));
    },
    list(q: ListCoursesReq): Page<Course> {
      return listPage(db, courses, [
        q.status?.length ? inArray(courses.status, q.status) : undefined,
        q.workMode?.length ? inArray(courses.workMode, q.workMode) : undefined,
        q.q ? or(contains(courses.titleZh, q.q), contains(courses.titleEn, q.q)) : undefined,
        ...(q.skill ?? []).map(
          (label) => sql`EXISTS (SELECT 1 FROM json_each(${courses.skills}) WHERE ${inArray(sql`lower(json_each.value)`, skillAliases(label))})`,
        ),
      ], q);
    },
  };
}
