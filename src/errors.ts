/**
 * One error type for every expected failure. Domain services throw these; the error middleware
 * is the only place that turns them into HTTP responses, translated per request.
 */
import type { MessageKey } from './i18n.js';

export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'too_many_requests'
  | 'not_found'
  | 'route_not_found'
  | 'conflict'
  | 'internal';

/** A problem with one field: where (`salaryMin`, `needs.2.code`) and what, as a message key. */
export interface FieldProblem {
  path: string;
  key: MessageKey;
  params?: Record<string, string | number>;
}

const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  too_many_requests: 429,
  not_found: 404,
  route_not_found: 404,
  conflict: 409,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    readonly messageKey: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldProblem[] = [],
    /** Catastrophic errors mean the process state is suspect (practica's flag); none yet. */
    readonly catastrophic = false,
  ) {
    super(`${code}: ${messageKey}`);
    this.status = STATUS[code];
  }

  static validation(fields: FieldProblem[]): AppError {
    return new AppError('validation_failed', 'error.validation_failed', { count: fields.length }, fields);
  }

  static notFound(entity: 'alliance_member' | 'seeker' | 'job' | 'project' | 'course' | 'enrollment' | 'user' | 'application' | 'follow_up', id: number | string): AppError {
    return new AppError('not_found', 'error.not_found', { entity, id });
  }

  static conflict(detail: MessageKey, params: Record<string, string | number> = {}): AppError {
    return new AppError('conflict', 'error.conflict', { ...params, detail });
  }
}
