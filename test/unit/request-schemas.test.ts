import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CreateSeekerBody, UpdateSeekerBody } from '../../src/resources/seekers/schema.js';
import { CreateJobBody, UpdateJobBody } from '../../src/resources/jobs/schema.js';
import { CreateCourseBody } from '../../src/resources/courses/schema.js';
import { issuesToProblems } from '../../src/http/validation.js';
import { buildCourse, buildJob, buildSeeker } from '../support/factories.js';

function problems(schema: z.ZodType, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? [] : issuesToProblems(r.error.issues, input);
}

describe('request schemas', () => {
  it('accept a complete seeker registration', () => {
    expect(problems(CreateSeekerBody, buildSeeker())).toEqual([]);
  });

  it('reject an accommodation code outside the vocabulary, naming the item', () => {
    const p = problems(CreateSeekerBody, buildSeeker({ needs: [{ code: 'wheelchair_ramp', strength: 'must' }] }));
    expect(p).toEqual([expect.objectContaining({ path: 'needs.0.code', key: 'field.one_of' })]);
  });

  it('reject unknown fields, including ones that only staff or the pipeline may set', () => {
    const p = problems(CreateSeekerBody, buildSeeker({ stage: 'employed', role: 'staff' }));
    expect(p.map((x) => [x.path, x.key])).toEqual([
      ['stage', 'field.unknown'],
      ['role', 'field.unknown'],
    ]);
    expect(problems(UpdateJobBody, { verified: true, status: 'open' }).map((x) => x.path)).toEqual(['verified', 'status']);
  });

  it('reject category 8, level 0 and a missing consent to process disability data', () => {
    const p = problems(CreateSeekerBody, buildSeeker({ disabilityCategory: 8, disabilityLevel: 0, consents: { sensitiveData: false, textVersion: 'v1' } }));
    expect(p.map((x) => x.path).sort()).toEqual(['consents.sensitiveData', 'disabilityCategory', 'disabilityLevel']);
  });

  it('name a missing required field as required', () => {
    const { street: _street, ...noStreet } = buildSeeker();
    expect(problems(CreateSeekerBody, noStreet)).toEqual([{ path: 'street', key: 'field.required' }]);
  });

  it('reject a street outside the six and duplicate list items', () => {
    const p = problems(CreateJobBody, buildJob(1, { street: 'futian', accommodations: ['elevator', 'elevator'] }));
    expect(p.map((x) => [x.path, x.key])).toEqual([
      ['street', 'field.one_of'],
      ['accommodations', 'field.duplicate_items'],
    ]);
  });

  it('require at least one opening on a new job and whole numbers', () => {
    expect(problems(CreateJobBody, buildJob(1, { openings: 0 }))).toEqual([{ path: 'openings', key: 'field.too_small', params: { minimum: 1 } }]);
    expect(problems(CreateJobBody, buildJob(1, { openings: 1.5 }))[0]).toMatchObject({ path: 'openings', key: 'field.integer' });
  });

  it('say in words which kind of value a field needs', () => {
    expect(problems(CreateJobBody, buildJob(1, { openings: 'three', reserved: 'yes' })).map((p) => p.key)).toEqual(['field.type_number', 'field.type_boolean']);
  });

  it('reject impossible calendar dates', () => {
    expect(problems(CreateCourseBody, buildCourse({ startsOn: '2026-02-30' }))).toEqual([{ path: 'startsOn', key: 'field.date' }]);
  });

  it('accept an empty patch and reject a blank name', () => {
    expect(problems(UpdateSeekerBody, {})).toEqual([]);
    expect(problems(UpdateSeekerBody, { name: '   ' })).toEqual([{ path: 'name', key: 'field.blank', params: { minimum: 1 } }]);
  });
});
