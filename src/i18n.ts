/**
 * Messages in zh-CN (first) and en. A message is chosen per request from `?lang=` or
 * `Accept-Language`; Chinese is the default.
 */
import type { Request } from 'express';

export type Locale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: Locale = 'zh-CN';

type Params = Record<string, string | number>;
type Message = { 'zh-CN': string; en: string };

export const MESSAGES = {
  // error codes
  'error.validation_failed': { 'zh-CN': '提交的内容有{count}处问题，请修改后重试。', en: 'There {count, plural} in what was sent. Please correct and try again.' },
  'error.malformed_json': { 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  'error.payload_too_large': { 'zh-CN': '请求内容过大（上限 {limit}）。', en: 'The request body is too large (limit {limit}).' },
  'error.unsupported_media_type': { 'zh-CN': '请求内容必须是 application/json。', en: 'The request body must be application/json.' },
  'error.unauthenticated': { 'zh-CN': '请先登录。', en: 'Please sign in first.' },
  'error.bad_credentials': { 'zh-CN': '用户名或密码不正确。', en: 'The username or password is not right.' },
  'error.forbidden': { 'zh-CN': '您的账号没有权限进行此操作。', en: 'Your account may not do this.' },
  'error.not_yours': { 'zh-CN': '找不到该记录，或您无权查看。', en: 'There is no such record that you may see.' },
  'error.csrf_failed': { 'zh-CN': '请求缺少有效的安全令牌（CSRF），请刷新页面后重试。', en: 'The request lacks a valid security token (CSRF). Reload the page and try again.' },
  'error.too_many_logins': { 'zh-CN': '登录尝试次数过多，请 {minutes} 分钟后再试。', en: 'Too many sign-in attempts. Try again in {minutes} minutes.' },
  'error.account_disabled': { 'zh-CN': '该账号已停用，请联系工作人员。', en: 'This account is disabled. Please contact staff.' },
  'error.not_found': { 'zh-CN': '找不到{entity} {id}。', en: '{entity} {id} was not found.' },
  'error.route_not_found': { 'zh-CN': '没有这个接口。', en: 'There is no such endpoint.' },
  'error.conflict': { 'zh-CN': '操作与当前状态冲突：{detail}', en: 'This conflicts with the current state: {detail}' },
  'error.internal': { 'zh-CN': '服务出现意外错误，已记录，请稍后再试。', en: 'Something went wrong on our side. It has been logged; please try again later.' },

  // entities
  'entity.alliance_member': { 'zh-CN': '联盟成员', en: 'Alliance member' },
  'entity.seeker': { 'zh-CN': '求职者', en: 'Seeker' },
  'entity.job': { 'zh-CN': '岗位', en: 'Job' },
  'entity.project': { 'zh-CN': '创业项目', en: 'Project' },
  'entity.course': { 'zh-CN': '培训课程', en: 'Course' },
  'entity.enrollment': { 'zh-CN': '报名记录', en: 'Enrollment' },
  'entity.user': { 'zh-CN': '用户', en: 'User' },
  'entity.application': { 'zh-CN': '求职申请', en: 'Application' },
  'entity.follow_up': { 'zh-CN': '就业回访', en: 'Follow-up' },

  // conflicts
  'conflict.archived': { 'zh-CN': '该记录已归档，不能修改。', en: 'the record is archived and cannot be changed.' },
  'conflict.already_archived': { 'zh-CN': '该记录已经归档。', en: 'the record is already archived.' },
  'conflict.job_already_closed': { 'zh-CN': '该岗位已经关闭。', en: 'the job is already closed.' },
  'conflict.job_already_open': { 'zh-CN': '该岗位已经开放。', en: 'the job is already open.' },
  'conflict.project_already_closed': { 'zh-CN': '该创业项目已经关闭。', en: 'the project is already closed.' },
  'conflict.project_already_open': { 'zh-CN': '该创业项目已经开放。', en: 'the project is already open.' },
  'conflict.job_no_openings': { 'zh-CN': '岗位空缺数为 0，请先增加空缺再重新开放。', en: 'the job has no openings left; raise openings before reopening.' },
  'conflict.member_archived': { 'zh-CN': '该联盟成员已归档，不能发布岗位。', en: 'the alliance member is archived and cannot post jobs.' },
  'conflict.course_archived': { 'zh-CN': '该课程已归档，不能报名。', en: 'the course is archived and takes no enrollments.' },
  'conflict.course_full': { 'zh-CN': '该课程名额已满。', en: 'the course is full.' },
  'conflict.duplicate_certificate': { 'zh-CN': '该残疾人证号已登记。', en: 'this disability certificate number is already registered.' },
  'conflict.duplicate_member_name': { 'zh-CN': '已有同名联盟成员。', en: 'an alliance member with this name already exists.' },
  'conflict.duplicate_course_code': { 'zh-CN': '已有相同编号的课程。', en: 'a course with this code already exists.' },
  'conflict.duplicate_enrollment': { 'zh-CN': '该求职者已报名此课程。', en: 'the seeker is already enrolled on this course.' },
  'conflict.enrollment_transition': { 'zh-CN': '报名状态不能从“{from}”改为“{to}”。', en: 'an enrollment cannot go from "{from}" to "{to}".' },
  'conflict.seeker_not_active': { 'zh-CN': '该求职者已归档或匿名化。', en: 'the seeker is archived or anonymised.' },

  'conflict.no_processing_consent': { 'zh-CN': '求职者已撤回处理残疾信息的同意，匹配已暂停。', en: 'the seeker withdrew consent to process disability data, so matching is paused.' },
  'conflict.stage_transition': { 'zh-CN': '阶段不能从“{from}”直接变为“{to}”。', en: 'the stage cannot go from "{from}" to "{to}".' },
  'conflict.application_transition': { 'zh-CN': '申请状态不能从“{from}”改为“{to}”。', en: 'an application cannot go from "{from}" to "{to}".' },
  'conflict.duplicate_application': { 'zh-CN': '该求职者已申请或受邀此岗位。', en: 'the seeker already applied to or was invited to this job.' },
  'conflict.job_not_open': { 'zh-CN': '该岗位未开放或已无空缺。', en: 'the job is not open or has no openings left.' },
  'conflict.no_openings_left': { 'zh-CN': '岗位已无空缺，无法录用。', en: 'the job has no openings left to hire into.' },
  'conflict.not_sharing': { 'zh-CN': '该求职者未同意向用人单位展示信息。', en: 'the seeker has not agreed to share their profile with employers.' },
  'conflict.no_trial': { 'zh-CN': '该申请还没有适岗试用期。', en: 'this application has had no trial.' },
  'conflict.follow_up_not_due': { 'zh-CN': '该回访要到 {dueOn} 才到期，届时才能确认仍在岗。', en: 'this follow-up is not due until {dueOn}; only then can continued employment be confirmed.' },
  'conflict.follow_up_recorded': { 'zh-CN': '该回访结果已记录。', en: 'this follow-up has already been recorded.' },
  'conflict.username_taken': { 'zh-CN': '该用户名已被使用。', en: 'this username is taken.' },
  'conflict.seeker_has_account': { 'zh-CN': '该求职者已有账号。', en: 'this seeker already has an account.' },
  'conflict.deletion_not_requested': { 'zh-CN': '该求职者没有申请删除。', en: 'the seeker has not asked for deletion.' },

  // field problems
  'password.too_short': { 'zh-CN': '至少需要 8 个字符。', en: 'must be at least 8 characters.' },
  'password.too_long': { 'zh-CN': '最多 128 个字符。', en: 'must be at most 128 characters.' },
  'password.common': { 'zh-CN': '太常见，容易被猜到，请换一个。', en: 'is too common and easy to guess; choose another.' },
  'password.wrong_current': { 'zh-CN': '不正确。', en: 'is not right.' },
  'field.required': { 'zh-CN': '必须填写。', en: 'is required.' },
  'field.unknown': { 'zh-CN': '不是可接受的字段。', en: 'is not an accepted field.' },
  'field.type': { 'zh-CN': '类型不对，应为{expected}。', en: 'has the wrong type; expected {expected}.' },
  'field.type_number': { 'zh-CN': '应填写数字。', en: 'must be a number.' },
  'field.type_string': { 'zh-CN': '应填写文字。', en: 'must be text.' },
  'field.type_boolean': { 'zh-CN': '应为“是”或“否”。', en: 'must be yes or no (true or false).' },
  'field.type_array': { 'zh-CN': '应为一个列表。', en: 'must be a list.' },
  'field.type_object': { 'zh-CN': '格式不对，应为一组字段。', en: 'must be a group of fields (an object).' },
  'field.too_short': { 'zh-CN': '至少需要 {minimum} 个字符。', en: 'must be at least {minimum} characters.' },
  'field.too_long': { 'zh-CN': '最多 {maximum} 个字符。', en: 'must be at most {maximum} characters.' },
  'field.too_small': { 'zh-CN': '不能小于 {minimum}。', en: 'must be at least {minimum}.' },
  'field.too_big': { 'zh-CN': '不能大于 {maximum}。', en: 'must be at most {maximum}.' },
  'field.too_few': { 'zh-CN': '至少需要 {minimum} 项。', en: 'needs at least {minimum} items.' },
  'field.too_many': { 'zh-CN': '最多 {maximum} 项。', en: 'allows at most {maximum} items.' },
  'field.integer': { 'zh-CN': '必须是整数。', en: 'must be a whole number.' },
  'field.one_of': { 'zh-CN': '必须是以下之一：{values}。', en: 'must be one of: {values}.' },
  'field.format': { 'zh-CN': '格式不正确。', en: 'is not in the right format.' },
  'field.email': { 'zh-CN': '不是有效的电子邮箱地址。', en: 'is not a valid email address.' },
  'field.phone': { 'zh-CN': '不是有效的电话号码（11 位手机号或带区号的固话）。', en: 'is not a valid phone number (11-digit mobile or landline with area code).' },
  'field.date': { 'zh-CN': '必须是真实存在的日期，格式为 YYYY-MM-DD。', en: 'must be a real date written YYYY-MM-DD.' },
  'field.duplicate_items': { 'zh-CN': '有重复的项。', en: 'contains duplicates.' },
  'field.blank': { 'zh-CN': '不能只有空白。', en: 'must not be blank.' },
  'certificate.length': { 'zh-CN': '应为 20 位（18 位身份证号 + 类别 + 等级）。', en: 'must be 20 characters: the 18-character resident ID, the category digit and the level digit.' },
  'certificate.format': { 'zh-CN': '前 18 位不是有效的身份证号格式（17 位数字 + 数字或 X）。', en: 'does not start with a resident ID of 17 digits and a digit or X.' },
  'certificate.birth_date': { 'zh-CN': '身份证号中的出生日期不存在。', en: 'contains a birth date that does not exist.' },
  'certificate.birth_date_future': { 'zh-CN': '身份证号中的出生日期在未来。', en: 'contains a birth date in the future.' },
  'certificate.check_character': { 'zh-CN': '身份证号的校验码不正确。', en: 'has a wrong resident ID check character.' },
  'certificate.category_digit': { 'zh-CN': '第 19 位（残疾类别）必须是 1–7。', en: 'must have a category digit 1–7 in position 19.' },
  'certificate.level_digit': { 'zh-CN': '第 20 位（残疾等级）必须是 1–4。', en: 'must have a level digit 1–4 in position 20.' },
  'certificate.category_mismatch': { 'zh-CN': '证号中的残疾类别（{digit}）与填写的类别（{value}）不一致。', en: 'says category {digit} but the record says {value}.' },
  'certificate.level_mismatch': { 'zh-CN': '证号中的残疾等级（{digit}）与填写的等级（{value}）不一致。', en: 'says level {digit} but the record says {value}.' },
  'salary.min_above_max': { 'zh-CN': '不能高于最高月薪。', en: 'must not exceed the maximum salary.' },
  'dates.end_before_start': { 'zh-CN': '不能早于开始日期。', en: 'must not be before the start date.' },
  'disabled_headcount.above_headcount': { 'zh-CN': '不能超过职工总数。', en: 'cannot exceed the headcount.' },
  'enrollment.completed_on_required': { 'zh-CN': '结业时必须填写。', en: 'is required when completing a course.' },
  'ref.unknown_member': { 'zh-CN': '不存在（编号 {id}）。', en: 'does not exist (id {id}).' },
  'ref.unknown_course': { 'zh-CN': '不存在（编号 {id}）。', en: 'does not exist (id {id}).' },
  'ref.unknown_job': { 'zh-CN': '不存在（编号 {id}）。', en: 'does not exist (id {id}).' },
  'ref.unknown_seeker': { 'zh-CN': '不存在（编号 {id}）。', en: 'does not exist (id {id}).' },
  'query.cursor': { 'zh-CN': '分页游标无效。', en: 'is not a valid page cursor.' },
  'policy.tier_above_rate': { 'zh-CN': '减缴分档比例不能高于安排残疾人就业比例。', en: 'the relief tier ratio cannot be above the quota rate.' },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** Fills `{name}` placeholders; `{count, plural}` is the one English plural we need. */
export function t(locale: Locale, key: MessageKey, params: Params = {}): string {
  const template: string = MESSAGES[key][locale];
  return template.replace(/\{(\w+)(, plural)?\}/g, (_m, name: string, plural?: string) => {
    const value = params[name];
    if (plural) return value === 1 ? 'is 1 problem' : `are ${value ?? 0} problems`;
    return value === undefined ? `{${name}}` : String(value);
  });
}

/** `?lang=` wins, then the first language in `Accept-Language` we have, then zh-CN. */
export function requestLocale(req: Request): Locale {
  const q = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (q) return q.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  const accepted = req.acceptsLanguages('zh-CN', 'zh', 'en');
  return accepted && accepted.startsWith('en') ? 'en' : DEFAULT_LOCALE;
}
