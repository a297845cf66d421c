/** Each seeker's training record: enrolled → completed, or dropped (and re-enrolled). */
import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connection.js';
import { courses, enrollments, seekers, type Enrollment } from '../../../db/schema.js';
import { isoNow, today, type Clock } from '../../clock.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Page } from '../../http/pagination.js';
import type { EventBus } from '../../events.js';
import type { PipelineService } from '../../pipeline/service.js';
import { listPage } from '../query.js';
import type { CreateEnrollmentReq, ListEnrollmentsReq, UpdateEnrollmentReq } from './schema.js';

type Status = Enrollment['status'];
const TRANSITIONS: Record<Status, Status[]> = {
  enrolled: ['completed', 'dropped'],
  dropped: ['enrolled'],
  completed: [],
};

export function enrollmentService(db: Db, clock: Clock, events: EventBus, pipeline: PipelineService, hooks: { beforeCommit?: (seekerId: number) => void } = {}) {
  /** A change of training record changes what the seeker is ready for. */
  const published = (e: Enrollment): Enrollment => {
    events.publish({ type: 'seeker', change: 'training', id: e.seekerId });
    return e;
  };

  function get(id: number): Enrollment {
    const found = db.select().from(enrollments).where(eq(enrollments.id, id)).get();
    if (!found) throw AppError.notFound('enrollment', id);
    return found;
  }

  function assertCourseHasRoom(courseId: number) {
    const course = db.select().from(courses).where(eq(courses.id, courseId)).get()!;
    if (course.status === 'archived') throw AppError.conflict('conflict.course_archived');
    const taken = db
      .select({ n: count() })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courseId), inArray(enrollments.status, ['enrolled', 'completed'])))
      .get()!.n;
    if (taken >= course.capacity) throw AppError.conflict('conflict.course_full');
  }

  return {
    get,
    seekerOf(id: number): number | undefined {
      return Number.isFinite(id) ? db.select({ seekerId: enrollments.seekerId }).from(enrollments).where(eq(enrollments.id, id)).get()?.seekerId : undefined;
    },
    create(input: CreateEnrollmentReq): Enrollment {
      return published(db.transaction(() => {
        const problems: FieldProblem[] = [];
        const seeker = db.select({ status: seekers.status }).from(seekers).where(eq(seekers.id, input.seekerId)).get();
        if (!seeker) problems.push({ path: 'seekerId', key: 'ref.unknown_seeker', params: { id: input.seekerId } });
        if (!db.select({ id: courses.id }).from(courses).where(eq(courses.id, input.courseId)).get()) {
          problems.push({ path: 'courseId', key: 'ref.unknown_course', params: { id: input.courseId } });
        }
        if (problems.length) throw AppError.validation(problems);
        if (seeker!.status !== 'active') throw AppError.conflict('conflict.seeker_not_active');
        const existing = db
          .select({ id: enrollments.id })
          .from(enrollments)
          .where(and(eq(enrollments.seekerId, input.seekerId), eq(enrollments.courseId, input.courseId)))
          .get();
        if (existing) throw AppError.conflict('conflict.duplicate_enrollment');
        assertCourseHasRoom(input.courseId);
        const created = db
          .insert(enrollments)
          .values({ ...input, enrolledOn: input.enrolledOn ?? today(clock), createdAt: isoNow(clock), updatedAt: isoNow(clock) })
          .returning()
          .get();
        // Enrollments drive the training stages.
        pipeline.moveIfAllowed(input.seekerId, 'in_training', { byUserId: null, reason: 'enrolled', courseId: input.courseId });
        hooks.beforeCommit?.(input.seekerId);
        return created;
      }));
    },
    update(id: number, patch: UpdateEnrollmentReq): Enrollment {
      return published(db.transaction(() => {
        const current = get(id);
        const next = patch.status ?? current.status;
        if (next !== current.status && !TRANSITIONS[current.status].includes(next)) {
          throw AppError.conflict('conflict.enrollment_transition', { from: current.status, to: next });
        }
        const completedOn = next === 'completed' ? (patch.completedOn ?? current.completedOn) : null;
        if (next === 'completed' && !completedOn) {
          throw AppError.validation([{ path: 'completedOn', key: 'enrollment.completed_on_required' }]);
        }
        if (completedOn && completedOn < current.enrolledOn) {
          throw AppError.validation([{ path: 'completedOn', key: 'dates.end_before_start' }]);
        }
        if (current.status === 'dropped' && next === 'enrolled') assertCourseHasRoom(current.courseId);
        if (next !== current.status) {
          const ctx = { byUserId: null, courseId: current.courseId };
          if (next === 'completed') pipeline.moveIfAllowed(current.seekerId, 'trained', { ...ctx, reason: 'course completed' });
          if (next === 'enrolled') pipeline.moveIfAllowed(current.seekerId, 'in_training', { ...ctx, reason: 're-enrolled' });
        }
        const updated = db
          .update(enrollments)
          .set({
            status: next,
            completedOn,
            ...(patch.result !== undefined ? { result: patch.result } : {}),
            updatedAt: isoNow(clock),
          })
          .where(eq(enrollments.id, id))
          .returning()
          .get();
        hooks.beforeCommit?.(current.seekerId);
        return updated;
      }));
    },
    list(q: ListEnrollmentsReq): Page<Enrollment> {
      return listPage(db, enrollments, [
        q.seekerId !== undefined ? eq(enrollments.seekerId, q.seekerId) : undefined,
        q.courseId !== undefined ? eq(enrollments.courseId, q.courseId) : undefined,
        q.status?.length ? inArray(enrollments.status, q.status) : undefined,
      ], q);
    },
  };
}
