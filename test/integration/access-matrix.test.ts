/**
 * The access matrix, generated from the app's own route table: every route × every role
 * (no session, seeker, employer, staff) × own vs someone else's resource. A route added without
 * an expectation here fails the test, and so does an expectation for a route that is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../src/app.js';
import { buildCourse, buildJob, buildMember, buildProject, buildSeeker } from '../support/factories.js';
import { startTestApp, type Client, type TestApp } from '../support/app.js';

type Role = 'seeker' | 'employer' | 'staff';
type Rule = 'all' | 'own' | 'none';
type Target = 'seeker' | 'job' | 'member' | 'enrollment' | 'user' | 'project' | 'course';

interface Expectation {
  public?: true;
  seeker: Rule;
  employer: Rule;
  staff: Rule;
  /** What `:id` names. */
  target?: Target;
  /** For collection routes with an ownership rule: how "own" and "other" differ (query or body). */
  variant?: (own: boolean) => { query?: string; body?: Record<string, unknown> };
}

const all = { seeker: 'all', employer: 'all', staff: 'all' } as const;
const staffOnly = { seeker: 'none', employer: 'none', staff: 'all' } as const;
const seekerOwnOrStaff = { seeker: 'own', employer: 'none', staff: 'all', target: 'seeker' } as const;
const employerOwnOrStaff = { seeker: 'none', employer: 'own', staff: 'all', target: 'job' } as const;

let ids: Record<string, number>;

const EXPECT: Record<string, Expectation> = {
  'GET /health': { public: true, ...all },
  'POST /auth/login': { public: true, ...all },
  'GET /auth/session': all,
  'POST /auth/logout': all,
  'POST /auth/password': all,
  'PATCH /auth/preferences': all,
  'GET /users': staffOnly,
  'POST /users': staffOnly,
  'GET /users/:id': { ...staffOnly, target: 'user' },
  'POST /users/:id/disable': { ...staffOnly, target: 'user' },
  'POST /users/:id/enable': { ...staffOnly, target: 'user' },
  'GET /audit-log': staffOnly,
  'GET /seekers/:id/matches': seekerOwnOrStaff,
  'GET /seekers/:id/project-matches': seekerOwnOrStaff,
  'GET /jobs/:id/candidates': employerOwnOrStaff,
  'GET /alliance-members': all,
  'POST /alliance-members': staffOnly,
  'GET /alliance-members/:id': { ...all, target: 'member' },
  'PATCH /alliance-members/:id': { seeker: 'none', employer: 'own', staff: 'all', target: 'member' },
  'POST /alliance-members/:id/archive': { ...staffOnly, target: 'member' },
  'GET /seekers': staffOnly,
  'POST /seekers': staffOnly,
  'GET /seekers/:id': seekerOwnOrStaff,
  'PATCH /seekers/:id': seekerOwnOrStaff,
  'POST /seekers/:id/archive': { ...staffOnly, target: 'seeker' },
  'POST /seekers/:id/consents': seekerOwnOrStaff,
  'GET /seekers/:id/export': seekerOwnOrStaff,
  'POST /seekers/:id/deletion-request': seekerOwnOrStaff,
  'POST /seekers/:id/anonymise': { ...staffOnly, target: 'seeker' },
  'GET /jobs': all,
  'POST /jobs': { seeker: 'none', employer: 'own', staff: 'all', variant: (own) => ({ body: { memberId: own ? ids.memberA : ids.memberB } }) },
  'GET /jobs/:id': { ...all, target: 'job' },
  'PATCH /jobs/:id': employerOwnOrStaff,
  'POST /jobs/:id/close': employerOwnOrStaff,
  'POST /jobs/:id/reopen': employerOwnOrStaff,
  'POST /jobs/:id/archive': employerOwnOrStaff,
  'POST /jobs/:id/verify': { ...staffOnly, target: 'job' },
  'GET /projects': all,
  'POST /projects': staffOnly,
  'GET /projects/:id': { ...all, target: 'project' },
  'PATCH /projects/:id': { ...staffOnly, target: 'project' },
  'POST /projects/:id/close': { ...staffOnly, target: 'project' },
  'POST /projects/:id/reopen': { ...staffOnly, target: 'project' },
  'POST /projects/:id/archive': { ...staffOnly, target: 'project' },
  'GET /courses': all,
  'POST /courses': staffOnly,
  'GET /courses/:id': { ...all, target: 'course' },
  'PATCH /courses/:id': { ...staffOnly, target: 'course' },
  'POST /courses/:id/archive': { ...staffOnly, target: 'course' },
  'GET /enrollments': { seeker: 'own', employer: 'none', staff: 'all', variant: (own) => ({ query: `seekerId=${own ? ids.seekerS1 : ids.seekerS2}` }) },
  'POST /enrollments': staffOnly,
  'GET /enrollments/:id': { seeker: 'own', employer: 'none', staff: 'all', target: 'enrollment' },
  'PATCH /enrollments/:id': { ...staffOnly, target: 'enrollment' },
};

let app: TestApp;
let clients: Record<Role, Client>;

beforeAll(async () => {
  app = await startTestApp();
  const h = app.http;
  const id = async (path: string, body: object) => (await h.post(path).send(body).expect(201)).body.data.id as number;
  const memberA = await id('/api/v1/alliance-members', buildMember());
  const memberB = await id('/api/v1/alliance-members', buildMember());
  const seekerS1 = await id('/api/v1/seekers', buildSeeker());
  const seekerS2 = await id('/api/v1/seekers', buildSeeker());
  const course = await id('/api/v1/courses', buildCourse({ capacity: 100 }));
  ids = {
    memberA,
    memberB,
    seekerS1,
    seekerS2,
    course,
    jobA: await id('/api/v1/jobs', buildJob(memberA)),
    jobB: await id('/api/v1/jobs', buildJob(memberB)),
    project: await id('/api/v1/projects', buildProject()),
    enrollmentS1: await id('/api/v1/enrollments', { seekerId: seekerS1, courseId: course }),
    enrollmentS2: await id('/api/v1/enrollments', { seekerId: seekerS2, courseId: course }),
  };
  clients = {
    staff: app.http,
    seeker: await app.signIn({ username: 'matrix-seeker', role: 'seeker', seekerId: seekerS1 }),
    employer: await app.signIn({ username: 'matrix-employer', role: 'employer', memberId: memberA }),
  };
  const victim = await app.signIn({ username: 'matrix-victim', role: 'staff' });
  ids.userOwn = victim.userId;
  ids.userOther = victim.userId;
});
afterAll(() => app.close());

/** A user of the role with a session of its own (a seeker account needs a seeker of its own). */
async function throwawaySession(role: Role, n: number): Promise<Client> {
  const link =
    role === 'seeker'
      ? { seekerId: (await app.http.post('/api/v1/seekers').send(buildSeeker()).expect(201)).body.data.id as number }
      : role === 'employer'
        ? { memberId: ids.memberA! }
        : {};
  return app.signIn({ username: `throwaway-${role}-${n}`, role, ...link });
}

function targetId(target: Target | undefined, own: boolean): number {
  switch (target) {
    case 'seeker': return own ? ids.seekerS1! : ids.seekerS2!;
    case 'job': return own ? ids.jobA! : ids.jobB!;
    case 'member': return own ? ids.memberA! : ids.memberB!;
    case 'enrollment': return own ? ids.enrollmentS1! : ids.enrollmentS2!;
    case 'user': return own ? ids.userOwn! : ids.userOther!;
    case 'project': return ids.project!;
    case 'course': return ids.course!;
    default: return 0;
  }
}

describe('access matrix', () => {
  it('has an expectation for every route and a route for every expectation', () => {
    const routes = apiRoutes(app.services).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(routes.filter((r) => !(r in EXPECT))).toEqual([]);
    expect(Object.keys(EXPECT).filter((k) => !routes.includes(k))).toEqual([]);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('answers every route × role × own/other as expected', async () => {
    const specs = apiRoutes(app.services);
    const failures: string[] = [];
    let cells = 0;
    for (const spec of specs) {
      const key = `${spec.method.toUpperCase()} ${spec.path}`;
      const e = EXPECT[key]!;
      for (const who of ['anon', 'seeker', 'employer', 'staff'] as const) {
        for (const own of [true, false]) {
          cells++;
          const v = e.variant?.(own) ?? {};
          const path = `/api/v1${spec.path.replace(':id', String(targetId(e.target, own)))}${v.query ? `?${v.query}` : ''}`;
          // Signing out ends the session: that cell gets a session of its own.
          const c = who === 'anon' ? null : key === 'POST /auth/logout' ? await throwawaySession(who, cells) : clients[who];
          const req = c ? c[spec.method](path) : app.anon[spec.method](path);
          const res = spec.method === 'get' ? await req : await req.send(v.body ?? {});
          const rule: Rule = who === 'anon' ? (e.public ? 'all' : 'none') : e[who];
          let ok: boolean;
          let wanted: string;
          if (who === 'anon' && !e.public) {
            ok = res.status === 401;
            wanted = '401';
          } else if (rule === 'none') {
            ok = res.status === 403;
            wanted = '403';
          } else if (rule === 'own' && !own) {
            wanted = spec.path.includes('/:') ? '404' : '403';
            ok = res.status === Number(wanted);
          } else {
            // Allowed: the request reaches its handler (which may still refuse the empty body).
            ok = ![401, 403, 404].includes(res.status) || (res.status === 401 && key === 'POST /auth/login');
            wanted = 'not 401/403/404';
          }
          if (!ok) failures.push(`${key} as ${who} (${own ? 'own' : 'other'}): got ${res.status}, wanted ${wanted} ${JSON.stringify(res.body?.error?.code ?? '')}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cells).toBe(specs.length * 4 * 2);
    console.log(`access matrix: ${specs.length} routes × 4 roles × own/other = ${cells} cells`);
  });
});
