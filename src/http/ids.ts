import { AppError } from '../errors.js';

type Entity = Parameters<typeof AppError.notFound>[0];

/** A path id that is not a positive integer names nothing: 404, like an unknown id. */
export function pathId(raw: string | undefined, entity: Entity): number {
  if (raw === undefined || !/^[1-9]\d{0,15}$/.test(raw)) throw AppError.notFound(entity, String(raw ?? '').slice(0, 20));
  return Number(raw);
}
