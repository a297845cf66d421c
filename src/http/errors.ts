/**
 * The only place that turns errors into responses:
 * `{ error: { code, message, fields: [{ path, message }] } }`, translated per request.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError } from '../errors.js';
import { isMessageKey, requestLocale, t, type Locale } from '../i18n.js';
import { FIELD_LABELS } from './field-labels.js';
import { PIPELINE_STAGES } from '../../matching/vocabulary.js';
import type { Logger } from '../logger.js';

function fieldLabel(path: string, locale: Locale): string {
  const parts = path.split('.');
  const head = parts.find((p) => !/^\d+$/.test(p)) ?? path;
  const label = FIELD_LABELS[head];
  if (!label) return path;
  const index = parts.find((p) => /^\d+$/.test(p));
  const name = locale === 'en' ? label.en : label.zh;
  return index === undefined ? name : locale === 'en' ? `${name} (item ${Number(index) + 1})` : `${name}（第 ${Number(index) + 1} 项）`;
}

/** The names of the states a transition conflict mentions, so a person reads "试工中", not `trial`. */
const STATE_NAMES: Record<string, Record<string, { zh: string; en: string }>> = {
  'conflict.stage_transition': PIPELINE_STAGES,
  'conflict.application_transition': {
    invited: { zh: '已邀请', en: 'invited' },
    applied: { zh: '已申请', en: 'applied' },
    interviewing: { zh: '面试中', en: 'interviewing' },
    trial: { zh: '适岗试工', en: 'on trial' },
    hired: { zh: '已录用', en: 'hired' },
    rejected: { zh: '未录用', en: 'not taken on' },
    withdrawn: { zh: '已撤回', en: 'withdrawn' },
    declined: { zh: '已谢绝邀请', en: 'invitation declined' },
  },
  'conflict.enrollment_transition': {
    enrolled: { zh: '在读', en: 'taking part' },
    completed: { zh: '已结业', en: 'completed' },
    dropped: { zh: '已退出', en: 'left' },
  },
};

function localiseParams(params: Record<string, string | number>, locale: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  if (typeof params.entity === 'string' && isMessageKey(`entity.${params.entity}`)) out.entity = t(locale, `entity.${params.entity}` as never);
  const names = typeof params.detail === 'string' ? STATE_NAMES[params.detail] : undefined;
  if (names) {
    for (const p of ['from', 'to'] as const) {
      const name = typeof params[p] === 'string' ? names[params[p]] : undefined;
      if (name) out[p] = locale === 'en' ? name.en : name.zh;
    }
  }
  if (typeof params.detail === 'string' && isMessageKey(params.detail)) out.detail = t(locale, params.detail, out);
  return out;
}

export function present(err: AppError, locale: Locale) {
  return {
    error: {
      code: err.code,
      message: t(locale, err.messageKey, localiseParams(err.params, locale)),
      fields: err.fields.map((f) => {
        const label = f.path ? fieldLabel(f.path, locale) : locale === 'en' ? 'Request body' : '请求内容';
        const problem = t(locale, f.key, f.params);
        return { path: f.path, message: locale === 'en' ? `${label} ${problem}` : `${label}：${problem}` };
      }),
    },
  };
}

/** Turns body-parser failures (malformed JSON, too large) into our errors. */
function fromBodyParser(err: unknown, limit: number): AppError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('malformed_json', 'error.malformed_json');
  if (type === 'entity.too.large') return new AppError('payload_too_large', 'error.payload_too_large', { limit: `${Math.round(limit / 1000)} kB` });
  return undefined;
}

export function errorHandler(logger: Logger, opts: { bodyLimit: number; production: boolean }): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const locale = requestLocale(req);
    const known = err instanceof AppError ? err : fromBodyParser(err, opts.bodyLimit);
    if (known) {
      res.status(known.status).json(present(known, locale));
      return;
    }
    // Unexpected: log the stack (no request body), answer without details.
    logger.error('unhandled error', {
      method: req.method,
      route: req.route?.path ?? req.path,
      error: err instanceof Error ? (opts.production ? err.message : err.stack) : String(err),
    });
    res.status(500).json(present(new AppError('internal', 'error.internal'), locale));
  };
}

export const notFoundHandler: RequestHandler = (_req, _res, next) => {
  next(new AppError('route_not_found', 'error.route_not_found'));
};

/** A write with a body that is not JSON gets 415, not a confusing "field required". */
export const requireJson: RequestHandler = (req, _res, next) => {
  const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  if (['POST', 'PATCH', 'PUT'].includes(req.method) && hasBody && !req.is('application/json')) {
    next(new AppError('unsupported_media_type', 'error.unsupported_media_type'));
    return;
  }
  next();
};
