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
type Target = 'seeker' | 'job' | 'member' | 'enrollment' | 'user' | 'project' | 'course' | 'application' | 'followUp' | 'notification';

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
/** Every role, each only their own (staff too): another user's notification answers 404. */
const ownNotification = { seeker: 'own', employer: 'own', staff: 'own', target: 'notification' } as const;

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
  'GET /seekers/:id/matches/:jobId': seekerOwnOrStaff,
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
  'GET /notifications': all,
  'POST /notifications/read-all': all,
  'POST /notifications/:id/read': ownNotification,
  'POST /notifications/:id/unread': ownNotification,
  'GET /applications': all,
  'POST /applications': { seeker: 'own', employer: 'none', staff: 'all', variant: (own) => ({ body: { jobId: ids.jobB, seekerId: own ? ids.seekerS1 : ids.seekerS2 } }) },
  'GET /applications/:id': { seeker: 'own', employer: 'own', staff: 'all', target: 'application' },
  'POST /applications/:id/accept': { seeker: 'own', employer: 'none', staff: 'none', target: 'application' },
  'POST /applications/:id/decline': { seeker: 'own', employer: 'none', staff: 'none', target: 'application' },
  'POST /applications/:id/withdraw': { seeker: 'own', employer: 'none', staff: 'all', target: 'application' },
  'POST /applications/:id/status': { seeker: 'none', employer: 'own', staff: 'all', target: 'application' },
  'POST /applications/:id/assessment': { seeker: 'own', employer: 'own', staff: 'none', target: 'application' },
  'GET /applications/:id/follow-ups': { seeker: 'own', employer: 'own', staff: 'all', target: 'application' },
  'POST /jobs/:id/invitations': employerOwnOrStaff,
  'POST /follow-ups/:id/outcome': { ...staffOnly, target: 'followUp' },
  'POST /seekers/:id/stage': { ...staffOnly, target: 'seeker' },
  'GET /seekers/:id/timeline': seekerOwnOrStaff,
  'GET /pipeline/board': staffOnly,
  'GET /pipeline/funnel': staffOnly,
  'GET /pipeline/responsiveness': staffOnly,
  'GET /pipeline/reminders': staffOnly,
  'GET /stats/library-sizes{.:format}': staffOnly,
  'GET /stats/seekers{.:format}': staffOnly,
  'GET /stats/employment-rates{.:format}': staffOnly,
  'GET /stats/funnel{.:format}': staffOnly,
  'GET /stats/training-outcomes{.:format}': staffOnly,
  'GET /stats/alliance{.:format}': staffOnly,
  'GET /stats/accommodation-gaps{.:format}': staffOnly,
  'GET /stats/skills{.:format}': staffOnly,
  'GET /public/summary': { public: true, ...all },
  'GET /quota/members': staffOnly,
  'GET /quota/members/:id': { seeker: 'none', employer: 'own', staff: 'all', target: 'member' },
  'GET /policy-settings': staffOnly,
  'PATCH /policy-settings/:key': staffOnly,
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
  // S1 applied to member A's job (own for the seeker and for the employer); S2 to member B's.
  ids.applicationS1 = await id('/api/v1/applications', { seekerId: seekerS1, jobId: ids.jobA });
  ids.applicationS2 = await id('/api/v1/applications', { seekerId: seekerS2, jobId: ids.jobB });
  // A third seeker hired into member A's job, for the follow-ups.
  const seekerS3 = await id('/api/v1/seekers', buildSeeker());
  const hire = await id('/api/v1/applications', { seekerId: seekerS3, jobId: ids.jobA });
  await h.post(`/api/v1/applications/${hire}/status`).send({ status: 'trial', trialStartsOn: '2026-11-01', trialEndsOn: '2026-11-20' }).expect(200);
  await h.post(`/api/v1/applications/${hire}/status`).send({ status: 'hired' }).expect(200);
  ids.followUp = (await h.get(`/api/v1/applications/${hire}/follow-ups`)).body.data[0].id;
  clients = {
    staff: app.http,
    seeker: await app.signIn({ username: 'matrix-seeker', role: 'seeker', seekerId: seekerS1 }),
    employer: await app.signIn({ username: 'matrix-employer', role: 'employer', memberId: memberA }),
  };
  const victim = await app.signIn({ username: 'matrix-victim', role: 'staff' });
  ids.userOwn = victim.userId;
  ids.userOther = victim.userId;
  // One notification for each role's user, and one of someone else's.
  const note = (userId: number) =>
    app.services.notifications.notifyEach(app.db, [
      { userId, kind: 'match', jobId: ids.jobA!, payload: { jobId: ids.jobA!, title: 'x', memberId: memberA, memberName: null, street: null, workMode: 'remote', score: 0.8, reasons: [] } },
    ])[0]!.id;
  for (const role of ['seeker', 'employer', 'staff'] as const) ids[`notification_${role}`] = note((clients[role] as Client & { userId: number }).userId);
  ids.notificationOther = note(victim.userId);
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

function targetId(target: Target | undefined, own: boolean, who: Role | 'anon'): number {
  switch (target) {
    case 'notification': return own && who !== 'anon' ? ids[`notification_${who}`]! : ids.notificationOther!;
    case 'seeker': return own ? ids.seekerS1! : ids.seekerS2!;
    case 'job': return own ? ids.jobA! : ids.jobB!;
    case 'member': return own ? ids.memberA! : ids.memberB!;
    case 'enrollment': return own ? ids.enrollmentS1! : ids.enrollmentS2!;
    case 'user': return own ? ids.userOwn! : ids.userOther!;
    case 'project': return ids.project!;
    case 'course': return ids.course!;
    case 'application': return own ? ids.applicationS1! : ids.applicationS2!;
    case 'followUp': return ids.followUp!;
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
          // Optional groups (`/stats/skills{.:format}`) are left out: the plain path is the JSON table.
          const path = `/api/v1${spec.path.replace(':id', String(targetId(e.target, own, who))).replace(':jobId', String(ids.jobA)).replace(/\{[^}]*\}/g, '')}${v.query ? `?${v.query}` : ''}`;
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
    // ~700 real requests one after another (some build exports or run the matcher): past the default 20 s on a busy machine.
  }, 120_000);
});
