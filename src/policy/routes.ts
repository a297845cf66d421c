import type { RouteSpec } from '../http/route-table.js';
import { parseOrThrow } from '../http/validation.js';
import type { Services } from '../services.js';
import { PolicyKeyParam, UpdatePolicyBody } from './schema.js';

/** `/policy-settings`: staff read and change the quota and levy figures. */
export function policyRoutes({ policy }: Services): RouteSpec[] {
  return [
    { method: 'get', path: '/policy-settings', access: { staff: true }, handler: (_req, res) => {
      res.json({ data: policy.list() });
    } },
    { method: 'patch', path: '/policy-settings/:key', access: { staff: true }, handler: (req, res) => {
      // An unknown key is a 422 naming `key` (the keys are a fixed list, not records).
      const { key } = parseOrThrow(PolicyKeyParam, { key: req.params.key });
      res.json({ data: policy.update(key, parseOrThrow(UpdatePolicyBody, req.body), req.auth!.userId) });
    } },
  ];
}
