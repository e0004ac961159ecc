/**
 * Generated Chinese rule-book text for the benchmark: varied articles (第N条) built from a
 * seeded random walk over office vocabulary, so the bench runs on a fresh clone without
 * ../shared and gives the same corpus every time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = ['常务委员会', '主任会议', '专门委员会', '人民代表大会', '代表小组', '人民政府', '监察委员会', '人民法院',
  '人民检察院', '办事机构', '工作委员会', '选举委员会', '代表资格审查委员会', '街道工作委员会', '乡镇人大主席团', '财政经济委员会',
  '法制委员会', '社会建设委员会', '预算工作委员会', '代表联络站', '审计机关', '统计部门', '教育部门', '卫生健康部门', '生态环境部门'];
const VERBS = ['审议', '听取', '监督', '检查', '批准', '决定', '任命', '撤销', '督办', '调研', '视察', '询问', '质询', '备案',
  '审查', '公布', '提请', '交办', '答复', '报告', '组织', '协调', '指导', '评议', '通报'];
const OBJECTS = ['专项工作报告', '国民经济和社会发展计划', '预算执行情况', '决算草案', '审计工作报告', '法律法规实施情况',
  '代表建议、批评和意见', '议案', '质询案', '任免案', '规范性文件', '执法检查报告', '环境状况', '国有资产管理情况',
  '民生实事项目', '重大事项', '人事任免事项', '地方性法规草案', '年度工作要点', '监督工作计划', '代表履职档案', '选民名单',
  '群众来信来访', '社情民意', '基层立法联系点工作', '营商环境', '安全生产工作', '义务教育', '养老服务', '食品安全'];
const TIMES = ['每两个月', '每年', '每季度', '会议举行的七日前', '会议召开十日前', '闭会期间', '选举日的二十日以前', '三个月内',
  '两个月内', '十五日内', '当次会议上', '每届任期内', '必要时', '年度终了后'];
const MANNERS = ['书面', '口头', '以无记名方式', '以集体活动为主', '采取座谈会形式', '通过网络视频方式', '依照法定程序',
  '按照议事规则', '会同有关部门', '邀请本级人民代表大会代表参加', '公开征求意见', '组织第三方评估'];
const RESULTS = ['并向社会公布', '并将结果报告常务委员会', '并予以答复', '始得举行', '由全体组成人员的过半数通过',
  '不得超过十分钟', '应当附有说明', '可以提出修改意见', '应当在两个月内办结', '并抄送有关机关'];
const NUMBERS = ['三', '五', '十', '十五', '二十', '三十', '五十', '三分之一', '五分之一', '过半数', '三分之二以上'];
const CHAPTERS = ['总则', '会议的召开', '议案的提出和审议', '听取和审议工作报告', '询问和质询', '发言和表决', '代表的权利',
  '代表的义务', '监督工作', '选举工作', '预算审查监督', '附则'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function sentence(random: () => number): string {
  const shapes = [
    () => `${pick(random, SUBJECTS)}应当${pick(random, TIMES)}${pick(random, VERBS)}${pick(random, OBJECTS)}，${pick(random, RESULTS)}。`,
    () => `${pick(random, NUMBERS)}名以上${pick(random, SUBJECTS)}组成人员联名，可以${pick(random, MANNERS)}向${pick(random, SUBJECTS)}提出${pick(random, OBJECTS)}。`,
    () => `对${pick(random, OBJECTS)}，${pick(random, SUBJECTS)}可以${pick(random, MANNERS)}${pick(random, VERBS)}，${pick(random, RESULTS)}。`,
    () => `${pick(random, SUBJECTS)}${pick(random, VERBS)}${pick(random, OBJECTS)}时，${pick(random, SUBJECTS)}的负责人应当到会，${pick(random, MANNERS)}${pick(random, VERBS)}有关问题。`,
    () => `${pick(random, TIMES)}，${pick(random, SUBJECTS)}${pick(random, MANNERS)}${pick(random, VERBS)}${pick(random, OBJECTS)}和${pick(random, OBJECTS)}。`,
  ];
  return pick(random, shapes)();
}

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..999 in Chinese numerals, as article numbers are written (第一百零四条). */
export function chineseNumber(n: number): string {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let out = hundreds ? CHINESE_DIGITS[hundreds] + '百' : '';
  if (tens) out += (tens === 1 && !hundreds ? '' : CHINESE_DIGITS[tens]) + '十';
  else if (hundreds && ones) out += '零';
  if (ones) out += CHINESE_DIGITS[ones];
  return out;
}

/**
 * Write Markdown rule books into `folder` holding about `passages` articles in total
 * (each article 2–6 sentences, one passage after chunking). Returns the number of articles.
 */
export function writeBenchCorpus(folder: string, passages: number, options: { seed?: number; perFile?: number } = {}): number {
  mkdirSync(folder, { recursive: true });
  const random = seededRandom(options.seed ?? 20240601);
  const perFile = options.perFile ?? 200;
  let written = 0;
  for (let file = 0; written < passages; file++) {
    const lines = [`# 某区人民代表大会常务委员会工作规则（第${file + 1}号）`, ''];
    let article = 0;
    const count = Math.min(perFile, passages - written);
    const perChapter = Math.ceil(count / CHAPTERS.length);
    for (let i = 0; i < count; i++) {
      if (i % perChapter === 0) lines.push('', `## 第${chineseNumber(i / perChapter + 1)}章 ${CHAPTERS[(i / perChapter + file) % CHAPTERS.length]}`, '');
      article++;
      const sentences = 2 + Math.floor(random() * 5);
      let body = '';
      for (let s = 0; s < sentences; s++) body += sentence(random);
      lines.push(`第${chineseNumber(article)}条 ${body}`, '');
    }
    writeFileSync(join(folder, `rules-${String(file).padStart(4, '0')}.md`), lines.join('\n'));
    written += count;
  }
  return written;
}

/** Questions over the generated vocabulary, as staff would type them. */
export function benchQuestions(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const forms = [
    () => `${pick(random, SUBJECTS)}什么时候${pick(random, VERBS)}${pick(random, OBJECTS)}？`,
    () => `${pick(random, OBJECTS)}由谁${pick(random, VERBS)}，要多少人联名？`,
    () => `人大常委会${pick(random, VERBS)}${pick(random, OBJECTS)}有什么程序？`,
    () => `${pick(random, OBJECTS)}需要${pick(random, MANNERS)}吗？`,
  ];
  return Array.from({ length: count }, () => pick(random, forms)());
}
