/**
 * The shared vocabularies of AbilityBridge: disability categories, streets, accommodations,
 * work modes and skills. Pure data, no I/O. The matcher owns them because it reasons with them;
 * `db/` and `src/` import these lists (data only) so that the database, the validators and the
 * matcher speak one language.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

/** GB/T 26341-2010 disability categories, code → name. */
export const DISABILITY_CATEGORIES = {
  1: { zh: '视力残疾', en: 'Visual' },
  2: { zh: '听力残疾', en: 'Hearing' },
  3: { zh: '言语残疾', en: 'Speech' },
  4: { zh: '肢体残疾', en: 'Physical' },
  5: { zh: '智力残疾', en: 'Intellectual' },
  6: { zh: '精神残疾', en: 'Psychosocial' },
  7: { zh: '多重残疾', en: 'Multiple' },
} as const satisfies Record<number, Bilingual>;
export type DisabilityCategory = keyof typeof DISABILITY_CATEGORIES;
export const DISABILITY_CATEGORY_CODES = [1, 2, 3, 4, 5, 6, 7] as const;

/** Levels 1–4; level 1 is the most severe. */
export const DISABILITY_LEVELS = {
  1: { zh: '一级', en: 'Level 1 (most severe)' },
  2: { zh: '二级', en: 'Level 2' },
  3: { zh: '三级', en: 'Level 3' },
  4: { zh: '四级', en: 'Level 4 (mildest)' },
} as const satisfies Record<number, Bilingual>;
export type DisabilityLevel = keyof typeof DISABILITY_LEVELS;
export const DISABILITY_LEVEL_CODES = [1, 2, 3, 4] as const;

/** The six streets (街道) of Pingshan District. */
export const STREETS = {
  pingshan: { zh: '坪山街道', en: 'Pingshan Street' },
  maluan: { zh: '马峦街道', en: 'Maluan Street' },
  biling: { zh: '碧岭街道', en: 'Biling Street' },
  shijing: { zh: '石井街道', en: 'Shijing Street' },
  kengzi: { zh: '坑梓街道', en: 'Kengzi Street' },
  longtian: { zh: '龙田街道', en: 'Longtian Street' },
} as const satisfies Record<string, Bilingual>;
export const STREET_CODES = ['pingshan', 'maluan', 'biling', 'shijing', 'kengzi', 'longtian'] as const;
export type Street = (typeof STREET_CODES)[number];

/** Communities (社区) per street, for addresses and the demo data. */
export const COMMUNITIES: Record<Street, readonly string[]> = {
  pingshan: ['六联社区', '坪山社区', '和平社区', '六和社区'],
  maluan: ['马峦社区', '江岭社区', '沙湖社区', '坪环社区'],
  biling: ['碧岭社区', '沙坣社区', '汤坑社区'],
  shijing: ['石井社区', '田心社区', '金龟社区', '田头社区'],
  kengzi: ['坑梓社区', '秀新社区', '沙田社区', '金沙社区', '龙田社区'],
  longtian: ['老坑社区', '南布社区', '竹坑社区', '龙田社区'],
};

/**
 * One vocabulary serves both sides: a seeker's need (`must` or `prefer`) and a job's provision.
 * `workplaceOnly` needs are moot when the work is remote.
 */
export const ACCOMMODATIONS = {
  step_free_access: { zh: '无障碍通道/无台阶出入', en: 'Step-free access', workplaceOnly: true },
  accessible_restroom: { zh: '无障碍卫生间', en: 'Accessible restroom', workplaceOnly: true },
  elevator: { zh: '电梯', en: 'Elevator', workplaceOnly: true },
  adjustable_workstation: { zh: '可调节工位', en: 'Adjustable workstation', workplaceOnly: false },
  accessible_commute: { zh: '无障碍通勤/班车接送', en: 'Accessible commute / shuttle', workplaceOnly: true },
  screen_reader: { zh: '读屏软件支持', en: 'Screen reader support', workplaceOnly: false },
  screen_magnification: { zh: '屏幕放大/大字资料', en: 'Screen magnification / large print', workplaceOnly: false },
  braille: { zh: '盲文资料', en: 'Braille materials', workplaceOnly: false },
  sign_language: { zh: '手语翻译/手语沟通', en: 'Sign language', workplaceOnly: false },
  text_communication: { zh: '文字沟通（即时通讯、字幕）', en: 'Text communication (chat, captions)', workplaceOnly: false },
  visual_alerts: { zh: '视觉警报/闪光提示', en: 'Visual alerts', workplaceOnly: true },
  quiet_workspace: { zh: '安静工作环境', en: 'Quiet workspace', workplaceOnly: false },
  simplified_instructions: { zh: '简化任务说明/图示', en: 'Simplified instructions', workplaceOnly: false },
  job_coach: { zh: '就业辅导员（支持性就业）', en: 'Job coach (supported employment)', workplaceOnly: false },
  flexible_hours: { zh: '弹性工时', en: 'Flexible hours', workplaceOnly: false },
  rest_breaks: { zh: '额外休息', en: 'Extra rest breaks', workplaceOnly: false },
  part_time: { zh: '非全日制', en: 'Part-time', workplaceOnly: false },
  remote_work: { zh: '居家办公/远程', en: 'Remote work', workplaceOnly: false },
} as const satisfies Record<string, Bilingual & { workplaceOnly: boolean }>;
export const ACCOMMODATION_CODES = Object.keys(ACCOMMODATIONS) as [AccommodationCode, ...AccommodationCode[]];
export type AccommodationCode = keyof typeof ACCOMMODATIONS;

export const NEED_STRENGTHS = ['must', 'prefer'] as const;
export type NeedStrength = (typeof NEED_STRENGTHS)[number];

/** Where the work is done. A seeker lists the modes they can do; a job has one. */
export const WORK_MODES = {
  onsite: { zh: '到岗办公', en: 'On site' },
  hybrid: { zh: '混合办公', en: 'Hybrid' },
  remote: { zh: '居家/远程', en: 'Remote' },
} as const satisfies Record<string, Bilingual>;
export const WORK_MODE_CODES = ['onsite', 'hybrid', 'remote'] as const;
export type WorkMode = (typeof WORK_MODE_CODES)[number];

export const HOURS = {
  full_time: { zh: '全日制', en: 'Full-time' },
  part_time: { zh: '非全日制', en: 'Part-time' },
  flexible: { zh: '弹性', en: 'Flexible' },
} as const satisfies Record<string, Bilingual>;
export const HOURS_CODES = ['full_time', 'part_time', 'flexible'] as const;
export type Hours = (typeof HOURS_CODES)[number];

export interface SkillEntry extends Bilingual {
  /** Other names people use for the same skill, zh and en; matched as near matches. */
  synonyms: readonly string[];
}

/**
 * The skills vocabulary: one place for a skill's canonical code, its zh and en names and its
 * synonyms. Seekers' and jobs' skills are stored as free labels; the matcher resolves them here.
 */
export const SKILLS = {
  customer_service: { zh: '客服', en: 'customer service', synonyms: ['客户服务', '售后服务', 'customer support', 'client service'] },
  ecommerce_customer_service: { zh: '电商客服', en: 'e-commerce customer service', synonyms: ['网店客服', '网络客服', '在线客服', 'online customer service'] },
  phone_customer_service: { zh: '电话客服', en: 'phone customer service', synonyms: ['呼叫中心', '话务员', 'call center', 'call centre', 'telephone support'] },
  data_annotation: { zh: '数据标注', en: 'data annotation', synonyms: ['数据标记', '图像标注', 'data labeling', 'data labelling', 'annotation'] },
  data_entry: { zh: '数据录入', en: 'data entry', synonyms: ['信息录入', '文字录入', '打字', 'typing'] },
  office_admin: { zh: '文员', en: 'office administration', synonyms: ['行政', '办公室文员', '行政助理', 'clerk', 'admin assistant', 'office clerk'] },
  office_software: { zh: '办公软件', en: 'office software', synonyms: ['Office', 'Excel', 'Word', 'WPS', '电子表格', 'spreadsheets'] },
  graphic_design: { zh: '平面设计', en: 'graphic design', synonyms: ['美工', '设计', 'Photoshop', 'PS', 'visual design'] },
  video_editing: { zh: '短视频剪辑', en: 'video editing', synonyms: ['视频剪辑', '剪辑', '剪映', 'short video editing'] },
  livestream_sales: { zh: '直播带货', en: 'livestream selling', synonyms: ['直播', '主播', '带货', 'live streaming', 'livestream sales'] },
  web_development: { zh: '网页开发', en: 'web development', synonyms: ['前端开发', '网站开发', 'HTML', 'JavaScript', 'front-end development'] },
  software_testing: { zh: '软件测试', en: 'software testing', synonyms: ['测试', '质量保证', 'QA', 'quality assurance', 'test engineer'] },
  accounting: { zh: '会计', en: 'accounting', synonyms: ['财务', '记账', '出纳', 'bookkeeping', 'finance'] },
  handknitting: { zh: '手工编织', en: 'hand knitting', synonyms: ['编织', '钩针', 'knitting', 'crochet'] },
  intangible_heritage_craft: { zh: '非遗手工艺', en: 'intangible heritage crafts', synonyms: ['非遗', '手工艺', '剪纸', '刺绣', 'traditional crafts', 'embroidery'] },
  massage: { zh: '盲人按摩', en: 'massage therapy', synonyms: ['按摩', '推拿', '保健按摩', '医疗按摩', 'tuina', 'massage'] },
  baking: { zh: '烘焙', en: 'baking', synonyms: ['西点', '面包制作', '糕点', 'pastry', 'bakery'] },
  barista: { zh: '咖啡制作', en: 'barista', synonyms: ['咖啡师', '咖啡', 'coffee making', 'coffee'] },
  cleaning: { zh: '保洁', en: 'cleaning', synonyms: ['清洁', '家政', 'housekeeping', 'janitorial'] },
  warehouse_sorting: { zh: '仓储分拣', en: 'warehouse sorting', synonyms: ['分拣', '仓库管理', '理货', 'order picking', 'warehouse'] },
  packaging: { zh: '包装', en: 'packaging', synonyms: ['打包', '包装工', 'packing'] },
  reception: { zh: '前台接待', en: 'reception', synonyms: ['前台', '接待', 'receptionist', 'front desk'] },
  sign_language_interpreting: { zh: '手语翻译', en: 'sign language interpreting', synonyms: ['手语', '手语沟通', 'sign language', 'interpreter'] },
  assembly: { zh: '电子装配', en: 'electronics assembly', synonyms: ['装配', '组装', '流水线', 'assembly line', 'assembly'] },
  quality_inspection: { zh: '质检', en: 'quality inspection', synonyms: ['品检', '检验', 'inspection', 'QC'] },
  cooking: { zh: '餐饮烹饪', en: 'cooking', synonyms: ['厨师', '烹饪', '帮厨', 'cook', 'kitchen assistant'] },
  gardening: { zh: '园艺', en: 'gardening', synonyms: ['绿化', '花卉种植', 'horticulture', 'landscaping'] },
  mandarin_communication: { zh: '普通话沟通', en: 'spoken Mandarin', synonyms: ['普通话', '口头表达', 'Mandarin', 'verbal communication'] },
  english: { zh: '英语', en: 'English', synonyms: ['英文', 'English language'] },
  photography: { zh: '摄影', en: 'photography', synonyms: ['拍照', '修图', 'photo editing'] },
  copywriting: { zh: '文案写作', en: 'copywriting', synonyms: ['文案', '写作', '新媒体运营', 'content writing'] },
  social_media: { zh: '新媒体运营', en: 'social media operations', synonyms: ['公众号运营', '社群运营', '抖音运营', 'social media'] },
  ecommerce_operations: { zh: '网店运营', en: 'online store operations', synonyms: ['电商运营', '淘宝运营', 'e-commerce operations'] },
  security_guard: { zh: '安保', en: 'security guard', synonyms: ['保安', '门卫', 'security'] },
  driving: { zh: '驾驶', en: 'driving', synonyms: ['司机', 'driver'] },
} as const satisfies Record<string, SkillEntry>;
export type SkillCode = keyof typeof SKILLS;
export const SKILL_CODES = Object.keys(SKILLS) as [SkillCode, ...SkillCode[]];

/** Kinds of alliance member. */
export const MEMBER_KINDS = {
  enterprise: { zh: '企业', en: 'Enterprise' },
  social_organisation: { zh: '社会组织', en: 'Social organisation' },
  foundation: { zh: '基金会', en: 'Foundation' },
  public_institution: { zh: '事业单位', en: 'Public institution' },
} as const satisfies Record<string, Bilingual>;
export const MEMBER_KIND_CODES = ['enterprise', 'social_organisation', 'foundation', 'public_institution'] as const;
export type MemberKind = (typeof MEMBER_KIND_CODES)[number];

/** Pipeline stages of a seeker (domain.md): 培训 → 适岗 → 就业 → 稳岗. */
export const PIPELINE_STAGES = {
  registered: { zh: '已登记', en: 'Registered' },
  assessed: { zh: '已评估', en: 'Assessed' },
  in_training: { zh: '培训中', en: 'In training' },
  trained: { zh: '已结业', en: 'Trained' },
  in_adaptation: { zh: '适岗中', en: 'In job adaptation' },
  employed: { zh: '已就业', en: 'Employed' },
  stably_employed: { zh: '稳定就业', en: 'Stably employed' },
  withdrawn: { zh: '已退出', en: 'Withdrawn' },
} as const satisfies Record<string, Bilingual>;
export const PIPELINE_STAGE_CODES = [
  'registered', 'assessed', 'in_training', 'trained', 'in_adaptation', 'employed', 'stably_employed', 'withdrawn',
] as const;
export type PipelineStage = (typeof PIPELINE_STAGE_CODES)[number];

export const EDUCATION_LEVELS = {
  none: { zh: '未受教育', en: 'No schooling' },
  primary: { zh: '小学', en: 'Primary school' },
  junior_secondary: { zh: '初中', en: 'Junior secondary' },
  senior_secondary: { zh: '高中/中专', en: 'Senior secondary / vocational' },
  special_school: { zh: '特殊教育学校', en: 'Special education school' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: "Bachelor's" },
  postgraduate: { zh: '研究生', en: 'Postgraduate' },
} as const satisfies Record<string, Bilingual>;
export const EDUCATION_CODES = [
  'none', 'primary', 'junior_secondary', 'senior_secondary', 'special_school', 'college', 'bachelor', 'postgraduate',
] as const;
export type Education = (typeof EDUCATION_CODES)[number];

/** Support an entrepreneurship project offers. */
export const PROJECT_SUPPORTS = {
  funding: { zh: '资金扶持', en: 'Funding' },
  venue: { zh: '场地支持', en: 'Venue' },
  mentoring: { zh: '创业导师', en: 'Mentoring' },
  training: { zh: '创业培训', en: 'Training' },
  equipment: { zh: '设备支持', en: 'Equipment' },
  sales_channel: { zh: '销售渠道', en: 'Sales channel' },
} as const satisfies Record<string, Bilingual>;
export const PROJECT_SUPPORT_CODES = ['funding', 'venue', 'mentoring', 'training', 'equipment', 'sales_channel'] as const;
export type ProjectSupport = (typeof PROJECT_SUPPORT_CODES)[number];
