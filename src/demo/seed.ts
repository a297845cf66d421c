/**
 * Demo data that makes the service feel real: the 40 alliance members, ≈300 seekers across every
 * disability category and level, ≈150 jobs, 20 entrepreneurship projects and 18 courses.
 *
 * Deterministic (a seeded PRNG, fixed dates), idempotent (an already seeded database is left
 * alone), and written through the domain services so every record passes the same validation
 * as the API (every certificate number is valid). The people and organisations are fictional.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { allianceMembers } from '../../db/schema.js';
import {
  COMMUNITIES,
  STREET_CODES,
  type AccommodationCode,
  type Education,
  type Hours,
  type MemberKind,
  type NeedStrength,
  type ProjectSupport,
  type Street,
  type WorkMode,
} from '../../matching/vocabulary.js';
import { residentIdCheckCharacter } from '../domain/identity.js';
import type { Config } from '../config.js';
import { createLogger } from '../logger.js';
import { createServices } from '../services.js';
import type { CreateSeekerReq } from '../resources/seekers/schema.js';

/** mulberry32: small, fast, and the same sequence everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const chance = (p: number) => next() < p;
  const sample = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, chance, sample };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const addDays = (iso: string, days: number) => new Date(Date.parse(iso + 'T00:00:00Z') + days * 86_400_000).toISOString().slice(0, 10);

/** The 40 members: [name, kind, street, headcount, pledged, commitment]. */
const MEMBERS: [string, MemberKind, Street, number, number, 'committed' | 'employer' | 'leader'][] = [
  ['深圳坪山启明电子科技有限公司', 'enterprise', 'pingshan', 860, 12, 'leader'],
  ['坪山新能源汽车零部件有限公司', 'enterprise', 'kengzi', 2300, 20, 'leader'],
  ['深圳市聚星电商服务有限公司', 'enterprise', 'longtian', 180, 15, 'employer'],
  ['坪山区云帆数据标注科技有限公司', 'enterprise', 'biling', 240, 30, 'leader'],
  ['深圳市坪山康乐按摩保健中心', 'enterprise', 'pingshan', 45, 10, 'employer'],
  ['深圳马峦山生态旅游发展有限公司', 'enterprise', 'maluan', 320, 8, 'committed'],
  ['坪山区同心烘焙坊', 'social_organisation', 'shijing', 28, 8, 'employer'],
  ['深圳市星光咖啡连锁有限公司坪山店', 'enterprise', 'pingshan', 60, 6, 'committed'],
  ['深圳市坪山生物医药产业园运营有限公司', 'enterprise', 'biling', 540, 10, 'employer'],
  ['坪山区阳光物流仓储有限公司', 'enterprise', 'kengzi', 410, 15, 'employer'],
  ['深圳市坪山区明德印刷包装有限公司', 'enterprise', 'longtian', 290, 10, 'committed'],
  ['深圳市智汇软件测试服务有限公司', 'enterprise', 'pingshan', 150, 8, 'employer'],
  ['坪山区创客财务代理有限公司', 'enterprise', 'maluan', 35, 4, 'committed'],
  ['深圳市坪山区美好家政服务有限公司', 'enterprise', 'shijing', 120, 12, 'employer'],
  ['深圳市坪山区众创设计工作室', 'enterprise', 'longtian', 22, 4, 'committed'],
  ['深圳市坪山区融媒体视频制作有限公司', 'enterprise', 'pingshan', 75, 5, 'committed'],
  ['坪山区绿源园艺绿化有限公司', 'enterprise', 'biling', 95, 8, 'committed'],
  ['深圳市坪山区万家惠超市有限公司', 'enterprise', 'kengzi', 380, 10, 'employer'],
  ['深圳市坪山区汇通呼叫中心服务有限公司', 'enterprise', 'shijing', 260, 25, 'leader'],
  ['深圳市坪山精密电子装配有限公司', 'enterprise', 'kengzi', 1200, 15, 'employer'],
  ['坪山区安居物业管理有限公司', 'enterprise', 'maluan', 330, 10, 'committed'],
  ['深圳市坪山区悦来酒店管理有限公司', 'enterprise', 'pingshan', 140, 6, 'committed'],
  ['深圳市坪山区中医院', 'public_institution', 'pingshan', 900, 6, 'employer'],
  ['坪山区图书馆', 'public_institution', 'pingshan', 85, 4, 'employer'],
  ['坪山区文化馆', 'public_institution', 'maluan', 60, 3, 'committed'],
  ['坪山区残疾人职业康复中心', 'public_institution', 'longtian', 48, 10, 'leader'],
  ['坪山区社会福利中心', 'public_institution', 'biling', 110, 5, 'committed'],
  ['坪山区助残志愿者协会', 'social_organisation', 'pingshan', 18, 4, 'employer'],
  ['坪山区手语推广服务中心', 'social_organisation', 'shijing', 15, 5, 'employer'],
  ['坪山区心智障碍者家长互助会', 'social_organisation', 'kengzi', 12, 6, 'employer'],
  ['坪山区残疾人就业创业服务社', 'social_organisation', 'longtian', 25, 8, 'leader'],
  ['坪山区非遗手工艺传承促进会', 'social_organisation', 'maluan', 20, 8, 'employer'],
  ['坪山区阳光庇护工场', 'social_organisation', 'biling', 40, 15, 'leader'],
  ['坪山区社区融合发展中心', 'social_organisation', 'shijing', 30, 4, 'committed'],
  ['深圳市坪山区助残慈善基金会', 'foundation', 'pingshan', 14, 3, 'employer'],
  ['深圳市坪山区关爱残疾人创业基金会', 'foundation', 'kengzi', 10, 2, 'committed'],
  ['深圳市坪山区星光公益基金会', 'foundation', 'longtian', 9, 2, 'committed'],
  ['深圳市坪山区金鹏教育科技有限公司', 'enterprise', 'biling', 210, 6, 'committed'],
  ['深圳市坪山区锦绣编织工艺品有限公司', 'enterprise', 'shijing', 55, 10, 'employer'],
  ['深圳市坪山区联合网络科技有限公司', 'enterprise', 'maluan', 170, 8, 'employer'],
];

/** The training catalogue: [code, zh, en, provider, skills, hours, mode, accommodations]. */
const COURSES: [string, string, string, string, string[], number, WorkMode, AccommodationCode[]][] = [
  ['ECS-101', '电商客服初级', 'E-commerce customer service (basic)', '坪山区残疾人就业创业服务社', ['电商客服', '客服', '办公软件'], 80, 'hybrid', ['screen_reader', 'text_communication', 'step_free_access']],
  ['MAS-201', '盲人保健按摩师证书班', 'Certified massage therapy for blind people', '坪山区残疾人职业康复中心', ['盲人按摩', '推拿'], 240, 'onsite', ['braille', 'screen_reader', 'accessible_commute']],
  ['ANN-101', '数据标注实务', 'Data annotation in practice', '坪山区云帆数据标注科技有限公司', ['数据标注'], 60, 'remote', ['screen_magnification', 'text_communication', 'remote_work']],
  ['OFF-101', '办公软件与数据录入', 'Office software and data entry', '坪山区图书馆', ['办公软件', '数据录入'], 48, 'hybrid', ['screen_reader', 'screen_magnification', 'step_free_access']],
  ['DES-101', '平面设计基础', 'Graphic design basics', '深圳市坪山区众创设计工作室', ['平面设计'], 120, 'onsite', ['sign_language', 'text_communication', 'step_free_access']],
  ['VID-101', '短视频剪辑', 'Short video editing', '深圳市坪山区融媒体视频制作有限公司', ['短视频剪辑', '摄影'], 64, 'hybrid', ['sign_language', 'text_communication']],
  ['LIV-101', '直播带货实战', 'Livestream selling', '深圳市聚星电商服务有限公司', ['直播带货', '网店运营'], 40, 'onsite', ['step_free_access', 'accessible_restroom']],
  ['WEB-101', '网页开发入门', 'Introduction to web development', '深圳市坪山区联合网络科技有限公司', ['网页开发'], 160, 'remote', ['screen_reader', 'remote_work', 'flexible_hours']],
  ['QA-101', '软件测试基础', 'Software testing basics', '深圳市智汇软件测试服务有限公司', ['软件测试', '办公软件'], 96, 'hybrid', ['screen_reader', 'step_free_access', 'elevator']],
  ['ACC-101', '会计实务', 'Practical accounting', '坪山区创客财务代理有限公司', ['会计', '办公软件'], 120, 'hybrid', ['step_free_access', 'elevator']],
  ['KNI-101', '手工编织', 'Hand knitting', '深圳市坪山区锦绣编织工艺品有限公司', ['手工编织'], 40, 'onsite', ['quiet_workspace', 'simplified_instructions']],
  ['ICH-101', '非遗手工艺（剪纸与刺绣）', 'Intangible heritage crafts (paper-cutting and embroidery)', '坪山区非遗手工艺传承促进会', ['非遗手工艺'], 60, 'onsite', ['quiet_workspace', 'sign_language']],
  ['BAK-101', '烘焙技能培训', 'Baking', '坪山区同心烘焙坊', ['烘焙'], 80, 'onsite', ['simplified_instructions', 'job_coach', 'visual_alerts']],
  ['COF-101', '咖啡制作', 'Barista skills', '深圳市星光咖啡连锁有限公司坪山店', ['咖啡制作'], 40, 'onsite', ['simplified_instructions', 'sign_language']],
  ['CLN-101', '保洁与家政服务', 'Cleaning and housekeeping', '深圳市坪山区美好家政服务有限公司', ['保洁'], 32, 'onsite', ['simplified_instructions', 'job_coach']],
  ['WHS-101', '仓储分拣与包装', 'Warehouse sorting and packaging', '坪山区阳光物流仓储有限公司', ['仓储分拣', '包装'], 32, 'onsite', ['simplified_instructions', 'job_coach', 'visual_alerts']],
  ['SGN-101', '手语基础与翻译', 'Sign language and interpreting', '坪山区手语推广服务中心', ['手语翻译'], 120, 'onsite', ['sign_language', 'text_communication']],
  ['REC-101', '前台接待礼仪', 'Reception and front desk', '深圳市坪山区悦来酒店管理有限公司', ['前台接待', '普通话沟通'], 24, 'onsite', ['step_free_access', 'accessible_restroom']],
];

interface JobTemplate {
  title: string;
  description: string;
  required: string[];
  preferred: string[];
  courses: string[];
  accommodations: AccommodationCode[];
  modes: WorkMode[];
  hours: Hours[];
  salary: [number, number];
  /** Members (by index in MEMBERS) that typically post it. */
  members: number[];
}

const JOB_TEMPLATES: JobTemplate[] = [
  { title: '电商客服专员', description: '通过在线聊天解答网店顾客咨询、处理订单和售后问题。提供读屏软件和文字沟通工具，可居家办公。', required: ['电商客服'], preferred: ['办公软件', '普通话沟通'], courses: ['ECS-101'], accommodations: ['screen_reader', 'text_communication', 'flexible_hours', 'remote_work', 'adjustable_workstation'], modes: ['remote', 'hybrid'], hours: ['full_time', 'flexible'], salary: [4200, 5500], members: [2, 17, 39] },
  { title: '电话客服代表', description: '接听客户来电，登记问题并跟进。工位配备读屏软件和大字资料。', required: ['电话客服'], preferred: ['普通话沟通', '数据录入'], courses: [], accommodations: ['screen_reader', 'screen_magnification', 'step_free_access', 'elevator', 'accessible_restroom'], modes: ['onsite'], hours: ['full_time'], salary: [4000, 5200], members: [18, 20] },
  { title: '数据标注员', description: '为人工智能训练数据做图像和文本标注，任务说明图文并茂，可远程完成。', required: ['数据标注'], preferred: ['办公软件'], courses: ['ANN-101'], accommodations: ['remote_work', 'text_communication', 'screen_magnification', 'flexible_hours', 'rest_breaks'], modes: ['remote', 'hybrid'], hours: ['full_time', 'part_time', 'flexible'], salary: [3800, 5000], members: [3, 0, 39] },
  { title: '数据录入员', description: '将纸质资料录入系统并核对，环境安静。', required: ['数据录入'], preferred: ['办公软件'], courses: ['OFF-101'], accommodations: ['quiet_workspace', 'screen_reader', 'step_free_access', 'accessible_restroom', 'elevator'], modes: ['onsite', 'hybrid'], hours: ['full_time', 'part_time'], salary: [3600, 4500], members: [22, 23, 8, 26] },
  { title: '行政文员', description: '负责文件整理、会议安排和日常行政事务。', required: ['文员', '办公软件'], preferred: ['普通话沟通'], courses: [], accommodations: ['step_free_access', 'elevator', 'accessible_restroom', 'text_communication'], modes: ['onsite'], hours: ['full_time'], salary: [4000, 5000], members: [8, 21, 24, 37] },
  { title: '平面设计师', description: '设计海报、包装和宣传物料，团队用文字和即时通讯沟通，开会配字幕。', required: ['平面设计'], preferred: ['摄影', '短视频剪辑'], courses: [], accommodations: ['text_communication', 'visual_alerts', 'sign_language', 'flexible_hours'], modes: ['onsite', 'hybrid'], hours: ['full_time'], salary: [5500, 8000], members: [14, 10, 15] },
  { title: '短视频剪辑师', description: '剪辑宣传短视频和直播切片。', required: ['短视频剪辑'], preferred: ['摄影', '文案写作'], courses: ['VID-101'], accommodations: ['text_communication', 'remote_work', 'flexible_hours'], modes: ['hybrid', 'remote'], hours: ['full_time', 'flexible'], salary: [5000, 7500], members: [15, 2] },
  { title: '直播带货助理', description: '协助主播准备商品、回复直播间评论、上架商品。', required: ['直播带货'], preferred: ['网店运营', '普通话沟通'], courses: ['LIV-101'], accommodations: ['step_free_access', 'accessible_restroom', 'rest_breaks'], modes: ['onsite'], hours: ['full_time', 'flexible'], salary: [4500, 7000], members: [2, 5] },
  { title: '网页前端开发', description: '开发和维护企业网站与小程序前端，远程协作。', required: ['网页开发'], preferred: ['软件测试', '英语'], courses: [], accommodations: ['remote_work', 'screen_reader', 'flexible_hours', 'adjustable_workstation'], modes: ['remote', 'hybrid'], hours: ['full_time'], salary: [7000, 12000], members: [39, 11, 0] },
  { title: '软件测试员', description: '执行测试用例、记录缺陷，包括无障碍测试（读屏软件）。', required: ['软件测试'], preferred: ['办公软件', '网页开发'], courses: ['QA-101'], accommodations: ['screen_reader', 'step_free_access', 'elevator', 'accessible_restroom', 'remote_work'], modes: ['hybrid', 'remote'], hours: ['full_time'], salary: [6000, 9000], members: [11, 39] },
  { title: '会计助理', description: '记账、报销审核和报表整理。', required: ['会计'], preferred: ['办公软件'], courses: ['ACC-101'], accommodations: ['step_free_access', 'elevator', 'accessible_restroom', 'adjustable_workstation'], modes: ['onsite', 'hybrid'], hours: ['full_time'], salary: [4500, 6500], members: [12, 8] },
  { title: '手工编织工', description: '按图样编织围巾、挂饰等手工产品，计件与底薪结合，环境安静。', required: ['手工编织'], preferred: [], courses: ['KNI-101'], accommodations: ['quiet_workspace', 'simplified_instructions', 'flexible_hours', 'rest_breaks', 'remote_work'], modes: ['onsite', 'remote'], hours: ['part_time', 'flexible'], salary: [2600, 3800], members: [38, 32] },
  { title: '非遗手工艺制作员', description: '制作剪纸、刺绣等非遗文创产品。', required: ['非遗手工艺'], preferred: ['手工编织'], courses: ['ICH-101'], accommodations: ['quiet_workspace', 'sign_language', 'flexible_hours'], modes: ['onsite'], hours: ['full_time', 'part_time'], salary: [3000, 4500], members: [31, 24] },
  { title: '保健按摩师', description: '为顾客提供保健按摩服务，需持盲人保健按摩证书，提供盲文资料和班车接送。', required: ['盲人按摩'], preferred: ['普通话沟通'], courses: ['MAS-201'], accommodations: ['braille', 'screen_reader', 'accessible_commute', 'rest_breaks'], modes: ['onsite'], hours: ['full_time'], salary: [5000, 8000], members: [4, 22, 21] },
  { title: '烘焙助理', description: '在支持性就业辅导员帮助下完成面包和西点制作，任务有图示说明。', required: ['烘焙'], preferred: [], courses: ['BAK-101'], accommodations: ['simplified_instructions', 'job_coach', 'visual_alerts', 'rest_breaks'], modes: ['onsite'], hours: ['full_time', 'part_time'], salary: [2800, 3800], members: [6, 32] },
  { title: '咖啡师', description: '制作咖啡饮品、接待顾客，店内有点单屏和手语沟通卡片。', required: ['咖啡制作'], preferred: ['前台接待'], courses: ['COF-101'], accommodations: ['sign_language', 'text_communication', 'simplified_instructions', 'visual_alerts'], modes: ['onsite'], hours: ['full_time', 'part_time'], salary: [3500, 4800], members: [7] },
  { title: '保洁员', description: '负责办公区和公共区域清洁，有就业辅导员陪同适应。', required: ['保洁'], preferred: [], courses: [], accommodations: ['simplified_instructions', 'job_coach', 'rest_breaks'], modes: ['onsite'], hours: ['full_time', 'part_time'], salary: [2600, 3400], members: [13, 20, 26, 21] },
  { title: '仓储分拣员', description: '按单分拣和打包货物，需在仓库内走动和搬运。', required: ['仓储分拣'], preferred: ['包装'], courses: [], accommodations: ['simplified_instructions', 'visual_alerts', 'job_coach'], modes: ['onsite'], hours: ['full_time'], salary: [3500, 4800], members: [9, 17, 1] },
  { title: '包装工', description: '产品包装和贴标，工位可调节，有视觉提示。', required: ['包装'], preferred: [], courses: ['WHS-101'], accommodations: ['adjustable_workstation', 'visual_alerts', 'step_free_access', 'accessible_restroom', 'simplified_instructions'], modes: ['onsite'], hours: ['full_time', 'part_time'], salary: [3000, 4200], members: [10, 32, 9] },
  { title: '前台接待', description: '访客登记、电话转接和来访引导。', required: ['前台接待'], preferred: ['普通话沟通', '办公软件'], courses: [], accommodations: ['step_free_access', 'accessible_restroom', 'adjustable_workstation'], modes: ['onsite'], hours: ['full_time'], salary: [3800, 4800], members: [21, 8, 0] },
  { title: '手语翻译员', description: '为听障职工和访客提供手语翻译。', required: ['手语翻译'], preferred: ['普通话沟通'], courses: ['SGN-101'], accommodations: ['flexible_hours', 'step_free_access'], modes: ['onsite', 'hybrid'], hours: ['full_time', 'part_time'], salary: [5000, 7000], members: [28, 22, 30] },
  { title: '电子装配工', description: '电路板插件与组装，岗位配有可调节工位和闪光提示。', required: ['电子装配'], preferred: ['质检'], courses: [], accommodations: ['adjustable_workstation', 'visual_alerts', 'step_free_access', 'accessible_commute', 'text_communication'], modes: ['onsite'], hours: ['full_time'], salary: [4200, 5600], members: [19, 0, 1] },
  { title: '园艺绿化工', description: '园区花木养护和绿化。', required: ['园艺'], preferred: [], courses: [], accommodations: ['job_coach', 'flexible_hours', 'rest_breaks'], modes: ['onsite'], hours: ['full_time', 'part_time'], salary: [3200, 4200], members: [16, 5] },
  { title: '新媒体运营助理', description: '撰写公众号文案、运营社群，可居家办公。', required: ['新媒体运营'], preferred: ['文案写作', '平面设计'], courses: [], accommodations: ['remote_work', 'text_communication', 'flexible_hours'], modes: ['remote', 'hybrid'], hours: ['full_time', 'part_time'], salary: [4500, 6500], members: [30, 34, 15] },
];

const PROJECTS: [string, string, string, ProjectSupport[], string[], AccommodationCode[], WorkMode, number | null][] = [
  ['社区烘焙小店孵化', '餐饮', '在社区开设由残疾人经营的烘焙小店，提供场地和设备。', ['venue', 'equipment', 'mentoring', 'training'], ['烘焙'], ['step_free_access', 'job_coach'], 'onsite', 50000],
  ['盲人按摩工作室创业扶持', '健康服务', '持证盲人按摩师开设按摩工作室，提供一次性创业补贴。', ['funding', 'venue', 'mentoring'], ['盲人按摩'], ['braille', 'accessible_commute'], 'onsite', 100000],
  ['非遗文创网店', '电商', '线上销售非遗剪纸和刺绣作品，提供网店运营培训。', ['training', 'sales_channel', 'mentoring'], ['非遗手工艺', '网店运营'], ['remote_work', 'quiet_workspace'], 'remote', 20000],
  ['居家手工编织合作社', '手工艺', '加入合作社居家编织，统一接单和销售。', ['sales_channel', 'training', 'equipment'], ['手工编织'], ['remote_work', 'flexible_hours', 'simplified_instructions'], 'remote', null],
  ['无障碍咖啡车', '餐饮', '由听障青年运营的流动咖啡车，配手语点单卡。', ['funding', 'equipment', 'training'], ['咖啡制作'], ['sign_language', 'visual_alerts'], 'onsite', 80000],
  ['数据标注众包小组', '信息技术', '组建居家数据标注小组，对接企业订单。', ['sales_channel', 'training', 'equipment'], ['数据标注'], ['remote_work', 'screen_magnification'], 'remote', null],
  ['助农直播间', '电商', '为坪山农产品直播带货，提供直播设备和流量扶持。', ['equipment', 'sales_channel', 'mentoring'], ['直播带货', '短视频剪辑'], ['step_free_access', 'accessible_restroom'], 'onsite', 30000],
  ['社区洗车与家政服务队', '生活服务', '智力障碍者在辅导员陪同下提供洗车和保洁服务。', ['training', 'mentoring', 'equipment'], ['保洁'], ['job_coach', 'simplified_instructions'], 'onsite', 20000],
  ['设计工作室孵化计划', '文化创意', '听障设计师联合创办设计工作室，提供办公场地。', ['venue', 'mentoring', 'funding'], ['平面设计'], ['text_communication', 'sign_language'], 'hybrid', 60000],
  ['残疾人网店代运营', '电商', '为本地商户提供网店代运营服务。', ['training', 'mentoring'], ['网店运营', '电商客服'], ['remote_work', 'screen_reader'], 'remote', 30000],
  ['绿植租摆小微企业', '园艺', '为写字楼提供绿植租摆和养护。', ['funding', 'venue', 'mentoring'], ['园艺'], ['flexible_hours', 'job_coach'], 'onsite', 40000],
  ['社区便利店加盟扶持', '零售', '残疾人经营社区便利店，减免加盟费。', ['funding', 'sales_channel', 'training'], ['前台接待', '仓储分拣'], ['step_free_access', 'accessible_restroom'], 'onsite', 120000],
  ['短视频内容工作室', '文化创意', '制作本地生活类短视频。', ['equipment', 'mentoring'], ['短视频剪辑', '摄影'], ['text_communication', 'remote_work'], 'hybrid', 30000],
  ['手语培训服务社', '教育培训', '为企业和社区提供手语培训。', ['venue', 'mentoring'], ['手语翻译'], ['sign_language'], 'onsite', 20000],
  ['残疾人财税代账服务', '商务服务', '为小微企业提供代账服务，可居家完成。', ['training', 'sales_channel'], ['会计'], ['remote_work', 'adjustable_workstation'], 'remote', 20000],
  ['庇护工场包装代工', '制造', '承接企业包装代工订单。', ['venue', 'equipment', 'sales_channel'], ['包装'], ['simplified_instructions', 'job_coach', 'visual_alerts'], 'onsite', null],
  ['网站开发接单小组', '信息技术', '为小微企业和社会组织开发网站。', ['mentoring', 'sales_channel'], ['网页开发'], ['remote_work', 'screen_reader'], 'remote', 10000],
  ['社区阅读角与文创', '文化创意', '在社区图书馆经营阅读角和文创小店。', ['venue', 'mentoring'], ['前台接待', '文案写作'], ['step_free_access', 'elevator'], 'onsite', 15000],
  ['电话回访外包服务', '商务服务', '承接企业电话回访和满意度调查。', ['sales_channel', 'training', 'equipment'], ['电话客服'], ['screen_reader', 'remote_work'], 'remote', 20000],
  ['马峦山生态农庄手作体验', '文旅', '在生态农庄开设手作体验课程。', ['venue', 'mentoring', 'funding'], ['非遗手工艺', '手工编织'], ['step_free_access', 'quiet_workspace'], 'onsite', 50000],
];

/** Per category: skills they tend to have, needs (with how likely each is a must), modes. */
const PROFILES: Record<number, { skills: string[]; needs: [AccommodationCode, number][]; modes: WorkMode[][]; about: string[] }> = {
  1: {
    skills: ['盲人按摩', '电话客服', '数据录入', '普通话沟通', '客服', 'customer service', '推拿'],
    needs: [['screen_reader', 0.8], ['braille', 0.3], ['accessible_commute', 0.5], ['screen_magnification', 0.4]],
    modes: [['onsite'], ['onsite', 'hybrid'], ['remote', 'hybrid', 'onsite']],
    about: ['我使用读屏软件，熟悉电脑操作。', '持有盲人保健按摩证书，从业三年。', 'I use a screen reader and like talking with customers.'],
  },
  2: {
    skills: ['平面设计', '数据标注', '烘焙', '包装', '短视频剪辑', '电子装配', 'graphic design', '手工编织'],
    needs: [['text_communication', 0.7], ['sign_language', 0.4], ['visual_alerts', 0.5]],
    modes: [['onsite'], ['onsite', 'hybrid'], ['remote', 'hybrid', 'onsite']],
    about: ['听障，会手语，习惯用微信文字沟通。', '喜欢设计，会用 Photoshop。', 'Deaf; I communicate by text and sign language.'],
  },
  3: {
    skills: ['数据录入', '包装', '手工编织', '仓储分拣', '办公软件'],
    needs: [['text_communication', 0.7], ['quiet_workspace', 0.2]],
    modes: [['onsite'], ['onsite', 'hybrid']],
    about: ['说话不太清楚，但打字很快。', '做事细心，喜欢安静的环境。'],
  },
  4: {
    skills: ['电商客服', '网页开发', '会计', '软件测试', '数据标注', '办公软件', '文员', '新媒体运营', 'data annotation', '直播带货', 'web development'],
    needs: [['step_free_access', 0.8], ['accessible_restroom', 0.6], ['elevator', 0.6], ['adjustable_workstation', 0.3], ['remote_work', 0.3], ['accessible_commute', 0.3]],
    modes: [['remote'], ['remote', 'hybrid'], ['onsite', 'hybrid', 'remote']],
    about: ['我是轮椅使用者，希望居家办公。', '下肢残疾，能熟练使用电脑和办公软件。', 'Wheelchair user, experienced in online customer service.'],
  },
  5: {
    skills: ['保洁', '包装', '烘焙', '咖啡制作', '仓储分拣', '园艺'],
    needs: [['simplified_instructions', 0.6], ['job_coach', 0.5], ['rest_breaks', 0.2]],
    modes: [['onsite']],
    about: ['做事认真，需要辅导员帮助适应新环境。', '在庇护工场做过包装。'],
  },
  6: {
    skills: ['数据录入', '手工编织', '非遗手工艺', '园艺', '办公软件', '文案写作'],
    needs: [['quiet_workspace', 0.6], ['flexible_hours', 0.5], ['rest_breaks', 0.4], ['part_time', 0.3]],
    modes: [['onsite'], ['remote', 'hybrid'], ['onsite', 'hybrid', 'remote']],
    about: ['病情稳定，希望弹性工作时间。', '喜欢手工，适合安静的岗位。'],
  },
  7: {
    skills: ['手工编织', '包装', '数据录入', '保洁'],
    needs: [['job_coach', 0.5], ['step_free_access', 0.5], ['simplified_instructions', 0.4], ['text_communication', 0.3]],
    modes: [['onsite'], ['remote', 'onsite']],
    about: ['需要一些支持，但很想工作。'],
  },
};

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '梁', '郑', '谢', '宋', '唐', '许', '邓', '冯', '韩', '曾', '彭', '萧', '叶', '钟', '温', '邱', '廖', '赖'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '文', '辉', '建华', '晓燕', '志强', '海燕', '俊杰', '雪梅', '嘉怡', '子轩', '梓涵', '浩然', '欣怡', '宇航', '诗琪', '家豪', '婉婷', '振华'];
const AREA_CODES = ['440310', '440310', '440310', '440307', '440303', '441302', '445221', '430524', '452402', '360731'];
const EDUCATIONS: Education[] = ['primary', 'junior_secondary', 'junior_secondary', 'senior_secondary', 'senior_secondary', 'special_school', 'college', 'bachelor'];

function residentId(rand: ReturnType<typeof prng>): string {
  const area = rand.pick(AREA_CODES);
  const year = rand.int(1968, 2006);
  const birth = `${year}${pad(rand.int(1, 12), 2)}${pad(rand.int(1, 28), 2)}`;
  const seq = pad(rand.int(1, 999), 3);
  const first17 = area + birth + seq;
  return first17 + residentIdCheckCharacter(first17);
}

export interface SeedResult {
  seeded: boolean;
  counts: { members: number; seekers: number; jobs: number; projects: number; courses: number; enrollments: number; applications: number; hired: number };
}

/** The demo story ends here: later follow-ups are still due when the service runs. */
export const DEMO_STORY_ENDS = '2026-11-20';

/**
 * Loads the demo data into an empty database; a second call changes nothing. The data is written
 * through the domain services on a clock of its own that walks through 2026, so the pipeline has a
 * real history: registrations, assessments, training, applications, employers' answers (some
 * slow), trials, hires and follow-ups.
 */
export function seedDemo(db: Db, config: Config): SeedResult {
  const already = db.select({ n: count() }).from(allianceMembers).get()!.n > 0;
  if (already) return { seeded: false, counts: countAll(db) };

  let now = Date.parse('2026-01-05T01:30:00.000Z');
  const at = (date: string, hour = 2) => {
    now = Date.parse(`${date}T${pad(hour, 2)}:00:00.000Z`);
  };
  const services = createServices({ db, clock: { now: () => new Date(now) }, logger: createLogger('silent'), config });

  db.transaction(() => {
    const rand = prng(20261125);
    const memberIds = MEMBERS.map(([name, kind, street, headcount, pledged, level], i) => {
      const disabledHeadcount = Math.min(headcount, Math.round(headcount * rand.next() * 0.02));
      return services.allianceMembers.create({
        name,
        kind,
        street,
        address: `深圳市坪山区${rand.pick(COMMUNITIES[street])}${rand.int(1, 300)}号`,
        description: '',
        contactName: `${rand.pick(SURNAMES)}${rand.pick(['经理', '主任', '女士', '先生'])}`,
        contactPhone: `0755-${rand.int(2830, 2899)}${pad(rand.int(0, 9999), 4)}`,
        contactEmail: `hr${i + 1}@example.org.cn`,
        headcount,
        disabledHeadcount,
        pledgedPositions: pledged,
        commitmentLevel: level,
        joinedOn: addDays('2023-03-01', rand.int(0, 900)),
      }).id;
    });
    // A few members answer candidates slowly or not at all (the responsiveness report shows them).
    const slowMembers = new Set([memberIds[5], memberIds[10], memberIds[17], memberIds[21]]);

    const courseIds = new Map<string, number>();
    const courseDates = new Map<number, { startsOn: string; endsOn: string }>();
    for (const [code, titleZh, titleEn, provider, skills, hours, workMode, accommodations] of COURSES) {
      const startsOn = addDays('2026-03-02', rand.int(0, 120));
      const endsOn = addDays(startsOn, Math.ceil(hours / 4));
      const course = services.courses.create({
        code, titleZh, titleEn, provider, skills, durationHours: hours, workMode, accommodations,
        description: `${titleZh}：理论与实操结合，结业颁发证书。`,
        street: rand.pick(STREET_CODES),
        startsOn,
        endsOn,
        capacity: 40,
      });
      courseIds.set(code, course.id);
      courseDates.set(course.id, { startsOn, endsOn });
    }

    // Seekers register from January to April; most are assessed within three weeks; about 45%
    // take a course, and most of those finish it.
    const usedCerts = new Set<string>();
    const seekerIds: number[] = [];
    const readyOn = new Map<number, string>();
    for (let i = 0; i < 300; i++) {
      const category = (i % 7) + 1;
      const level = rand.pick([1, 2, 2, 3, 3, 3, 4, 4, 4, 4] as const);
      const profile = PROFILES[category]!;
      let cert: string;
      do cert = residentId(rand) + String(category) + String(level);
      while (usedCerts.has(cert));
      usedCerts.add(cert);
      const street = rand.pick(STREET_CODES);
      const needs = profile.needs
        .filter(() => rand.chance(0.7))
        .map(([code, pMust]): { code: AccommodationCode; strength: NeedStrength } => ({ code, strength: rand.chance(pMust * (level <= 2 ? 1.2 : 0.8)) ? 'must' : 'prefer' }));
      if (rand.chance(0.3)) needs.push({ code: 'flexible_hours', strength: 'prefer' });
      const skills = rand.sample(profile.skills, rand.int(1, 3)).map((skill) => ({ skill, level: rand.pick(['basic', 'intermediate', 'advanced'] as const) }));
      const registeredOn = addDays('2026-01-05', rand.int(0, 115));
      at(registeredOn, rand.int(1, 8));
      const seeker = services.seekers.create({
        name: rand.pick(SURNAMES) + rand.pick(GIVEN),
        certificateNumber: cert,
        disabilityCategory: category as CreateSeekerReq['disabilityCategory'],
        disabilityLevel: level,
        phone: `1${rand.pick(['3', '5', '7', '8'])}${pad(rand.int(0, 999999999), 9)}`,
        email: null,
        street,
        community: rand.pick(COMMUNITIES[street]),
        education: rand.pick(EDUCATIONS),
        about: rand.pick(profile.about),
        workModes: rand.pick(profile.modes),
        preferredHours: rand.chance(0.5) ? [] : [rand.pick(['full_time', 'part_time', 'flexible'] as const)],
        salaryExpectation: rand.chance(0.2) ? null : rand.int(25, 70) * 100,
        needs: dedupeNeeds(needs),
        skills,
        consents: { sensitiveData: true, matchAlerts: rand.chance(0.8), shareWithEmployers: rand.chance(0.75), textVersion: '2026-01' },
      });
      seekerIds.push(seeker.id);
      let last = registeredOn;
      if (rand.chance(0.75)) {
        last = addDays(registeredOn, rand.int(2, 20));
        at(last, 3);
        services.pipeline.setStage(seeker.id, 'assessed', { byUserId: null, reason: '就业能力与无障碍需求评估' });
      }
      if (rand.chance(0.45)) {
        const courseId = rand.pick([...courseDates.keys()]);
        const { startsOn, endsOn } = courseDates.get(courseId)!;
        const enrolledOn = startsOn > last ? addDays(startsOn, -rand.int(1, 10)) : addDays(last, 1);
        at(enrolledOn, 4);
        const e = services.enrollments.create({ seekerId: seeker.id, courseId, enrolledOn });
        if (rand.chance(0.75)) {
          const completedOn = endsOn > enrolledOn ? endsOn : addDays(enrolledOn, 30);
          at(completedOn, 5);
          services.enrollments.update(e.id, { status: 'completed', completedOn, result: '合格' });
          last = completedOn;
        } else {
          last = addDays(enrolledOn, 60);
        }
      }
      readyOn.set(seeker.id, last);
    }

    // Jobs: each template posted by a few of its members through the year, ≈150 in all; some closed.
    let posted = 0;
    const postedOn = new Map<number, string>();
    for (let round = 0; posted < 150; round++) {
      for (const tpl of JOB_TEMPLATES) {
        if (posted >= 150) break;
        if (round > 0 && !rand.chance(0.75)) continue;
        const memberIndex = tpl.members[round % tpl.members.length]!;
        const base = rand.int(0, 6) * 100;
        const day = addDays('2026-02-01', rand.int(0, 200));
        at(day, 6);
        const job = services.jobs.post({
          memberId: memberIds[memberIndex]!,
          title: round === 0 ? tpl.title : `${tpl.title}（${['急招', '长期', '储备', '实习转正', '社区'][round % 5]}）`,
          description: tpl.description,
          street: MEMBERS[memberIndex]![2],
          address: null,
          workMode: rand.pick(tpl.modes),
          hours: rand.pick(tpl.hours),
          salaryMin: tpl.salary[0] + base,
          salaryMax: tpl.salary[1] + base,
          openings: rand.int(1, 5),
          reserved: true,
          requiredSkills: tpl.required,
          preferredSkills: tpl.preferred,
          requiredCourseIds: tpl.courses.filter(() => rand.chance(0.7)).map((c) => courseIds.get(c)!),
          accommodations: rand.sample(tpl.accommodations, Math.max(1, tpl.accommodations.length - rand.int(0, 1))),
        });
        postedOn.set(job.id, day);
        posted++;
        if (rand.chance(0.08)) {
          at(addDays(day, rand.int(20, 90)), 6);
          services.jobs.close(job.id);
        }
      }
    }

    // Applications: seekers apply to their best match; employers answer (or not), run trials
    // (适岗), hire; follow-ups record who is still employed.
    const story: { id: number; seekerId: number; memberId: number; day: string }[] = [];
    for (const seekerId of seekerIds) {
      if (!rand.chance(0.4)) continue;
      const ready = readyOn.get(seekerId)!;
      // Most apply in spring and summer; some only lately, so trials are under way at the end.
      const day = rand.chance(0.15) ? addDays('2026-10-20', rand.int(0, 15)) : ready > '2026-03-10' ? addDays(ready, rand.int(3, 20)) : addDays('2026-03-10', rand.int(0, 200));
      if (day > '2026-11-12') continue;
      const best = services.matches.index
        .jobsForSeeker(seekerId, { limit: 5 })
        .find((r) => (postedOn.get(r.id) ?? '9999') < day && services.jobs.row(r.id).status === 'open');
      if (!best) continue;
      at(day, rand.int(1, 9));
      const a = services.applications.apply(seekerId, best.id, null, '您好，我对这个岗位很感兴趣。');
      story.push({ id: a.id, seekerId, memberId: services.jobs.row(best.id).memberId, day });
    }
    for (const s of story) {
      const slow = slowMembers.has(s.memberId);
      if (rand.chance(slow ? 0.7 : 0.15)) continue; // never answered
      let day = addDays(s.day, slow ? rand.int(8, 20) : rand.int(0, 5));
      if (day > DEMO_STORY_ENDS) continue;
      at(day, rand.int(1, 9));
      if (rand.chance(0.15)) {
        services.applications.setStatus(s.id, { status: 'rejected', reason: '岗位要求不匹配' }, null);
        continue;
      }
      services.applications.setStatus(s.id, { status: 'interviewing' }, null);
      if (!rand.chance(0.7)) continue;
      day = addDays(day, rand.int(3, 10));
      if (day > DEMO_STORY_ENDS) continue;
      const trialEndsOn = addDays(day, rand.int(14, 30));
      at(day, 2);
      services.applications.setStatus(s.id, { status: 'trial', trialStartsOn: day, trialEndsOn, reason: '进入适岗试用期' }, null);
      if (addDays(trialEndsOn, 2) > DEMO_STORY_ENDS) continue;
      at(addDays(trialEndsOn, rand.int(0, 2)), 3);
      if (rand.chance(0.85)) services.applications.assess(s.id, 'seeker', rand.pick(['同事很照顾我，能胜任。', '工作环境无障碍，适应良好。', '节奏有点快，但慢慢习惯了。']), null);
      if (rand.chance(0.8)) services.applications.assess(s.id, 'employer', rand.pick(['工作认真负责，建议录用。', '适应良好，达到岗位要求。', '需要更多辅导，仍可留用。']), null);
      at(addDays(trialEndsOn, 1), 4);
      const job = services.applications.row(s.id).jobId;
      if (rand.chance(0.8) && services.jobs.row(job).openings > 0 && services.jobs.row(job).status === 'open') {
        services.applications.setStatus(s.id, { status: 'hired', reason: '试岗合格，签订一年以上劳动合同' }, null);
        for (const f of services.applications.followUps(s.id)) {
          if (addDays(f.dueOn, 6) > DEMO_STORY_ENDS) break;
          at(addDays(f.dueOn, rand.int(0, 6)), 5);
          const left = rand.chance(0.1);
          services.applications.recordFollowUp(f.id, left ? 'left' : 'still_employed', left ? rand.pick(['通勤太远', '身体原因', '找到更合适的工作']) : undefined, null);
          if (left) break;
        }
      } else {
        services.applications.setStatus(s.id, { status: 'rejected', reason: '试岗后双方认为不合适' }, null);
      }
    }

    at('2026-02-15', 2);
    PROJECTS.forEach(([title, sector, description, supports, skills, accommodations, workMode, fundingAmount], i) => {
      const memberIndex = [35, 34, 31, 32, 36][i % 5]!;
      services.projects.create({
        memberId: memberIds[memberIndex]!,
        sponsorName: MEMBERS[memberIndex]![0],
        title, sector, description, supports, skills, accommodations, workMode, fundingAmount,
        street: rand.pick(STREET_CODES),
        capacity: rand.int(2, 12),
      });
    });
  });
  return { seeded: true, counts: countAll(db) };
}

function dedupeNeeds<T extends { code: string }>(needs: T[]): T[] {
  const seen = new Set<string>();
  return needs.filter((n) => (seen.has(n.code) ? false : (seen.add(n.code), true)));
}

function countAll(db: Db): SeedResult['counts'] {
  const n = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
  return {
    members: n('SELECT count(*) n FROM alliance_members'),
    seekers: n('SELECT count(*) n FROM seekers'),
    jobs: n('SELECT count(*) n FROM jobs'),
    projects: n('SELECT count(*) n FROM projects'),
    courses: n('SELECT count(*) n FROM courses'),
    enrollments: n('SELECT count(*) n FROM enrollments'),
    applications: n('SELECT count(*) n FROM applications'),
    hired: n("SELECT count(*) n FROM applications WHERE status = 'hired'"),
  };
}
