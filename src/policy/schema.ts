/**
 * The policy figures that local rules set (domain.md: "treat all of these as configuration"),
 * each with its default, its source and what a valid value is. Stored in `policy_settings`;
 * staff change them without code.
 */
import { z } from 'zod';
import { text } from '../http/validation.js';

const share = z.number().min(0).max(1);

export const POLICY_DEFAULTS = {
  quota_rate: {
    value: 0.015,
    schema: z.number().gt(0).max(0.1),
    source: '《残疾人就业条例》第八条：用人单位安排残疾人就业的比例不得低于本单位在职职工总数的1.5%，具体比例由省级人民政府规定；广东省按1.5%执行。',
  },
  severe_counts_double: {
    value: true,
    schema: z.boolean(),
    source: '《残疾人就业保障金征收使用管理办法》（财税〔2015〕72号）第八条：用人单位安排1名持有《中华人民共和国残疾人证》（1至2级）的人员就业的，按照安排2名残疾人就业计算。',
  },
  severe_max_level: {
    value: 2,
    schema: z.number().int().min(1).max(4),
    source: '财税〔2015〕72号第八条：残疾人证1至2级按2名计算（等级数字不大于此值的残疾职工视为重度）。',
  },
  local_average_wage: {
    value: 155_568,
    schema: z.number().int().min(10_000).max(10_000_000),
    source: '深圳市上年度全口径城镇单位就业人员平均工资，按月平均12,964元×12＝155,568元/年估算（社保缴费基数口径）；请工作人员按深圳市最新公布数核对更新。',
  },
  levy_tier_ratio: {
    value: 0.01,
    schema: z.number().min(0).max(0.1),
    source: '财政部公告2019年第98号第二条：安排残疾人就业比例1%（含）以上但未达到规定比例的，按应缴费额50%缴纳；1%以下的，按应缴费额90%缴纳。财政部 税务总局公告2023年第8号延续执行至2027年12月31日。',
  },
  levy_share_upper_tier: {
    value: 0.5,
    schema: share,
    source: '财政部公告2019年第98号第二条；财政部 税务总局公告2023年第8号：比例达到1%但未达规定比例的，按应缴费额50%缴纳。',
  },
  levy_share_lower_tier: {
    value: 0.9,
    schema: share,
    source: '财政部公告2019年第98号第二条；财政部 税务总局公告2023年第8号：比例低于1%的，按应缴费额90%缴纳。',
  },
  small_employer_max_staff: {
    value: 30,
    schema: z.number().int().min(0).max(100_000),
    source: '财政部公告2019年第98号第三条；财政部 税务总局公告2023年第8号：在职职工人数在30人（含）以下的企业，暂免征收残疾人就业保障金。',
  },
  wage_cap_multiple: {
    value: 2,
    schema: z.number().min(1).max(10),
    source: '《关于降低部分政府性基金征收标准的通知》（财税〔2017〕18号）：保障金征收标准上限按当地社会平均工资2倍执行（原为3倍，财税〔2015〕72号第十条）。',
  },
} as const satisfies Record<string, { value: number | boolean; schema: z.ZodType; source: string }>;

export type PolicyKey = keyof typeof POLICY_DEFAULTS;
export const POLICY_KEYS = Object.keys(POLICY_DEFAULTS) as [PolicyKey, ...PolicyKey[]];

/** The policy in force, one typed object (what the levy calculator takes). */
export type Policy = { [K in PolicyKey]: (typeof POLICY_DEFAULTS)[K]['value'] extends boolean ? boolean : number };

export const PolicyKeyParam = z.object({ key: z.enum(POLICY_KEYS) });

/** `{ value, source }`; the value is checked against the key's own rule in the service. */
export const UpdatePolicyBody = z
  .object({ value: z.union([z.number(), z.boolean()]), source: text(500) })
  .strict();
export type UpdatePolicyReq = z.infer<typeof UpdatePolicyBody>;
