/**
 * Generated Chinese rule-book text for the benchmark: varied articles (第N条) built from the
 * office's set phrases and a Zipf-distributed open vocabulary, seeded, so the bench runs on a fresh clone without
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

// Common characters of official Chinese prose; pseudo-words are built from them so the
// vocabulary is large and Zipf-distributed like real text (a handful of frequent words,
// a long tail of rare ones), not a few hundred phrases repeated.
const CHARACTERS = ('的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面' +
  '而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由' +
  '其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系' +
  '军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手' +
  '角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受' +
  '联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整' +
  '空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列' +
  '习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京' +
  '识适属圆包火住调满县局照参红细引听该铁价严龙飞').split('');

function zipfSampler(random: () => number, words: readonly string[], exponent = 1.05): () => string {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < target) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

function pseudoWords(random: () => number, count: number): string[] {
  // Words share morphemes as Chinese words do (委员会, 委员长, 常委): a word is one to three
  // two-character morphemes drawn Zipf-wise, so bigrams recur across words as in real text.
  const morphemes = new Set<string>();
  while (morphemes.size < 4_000) morphemes.add(pick(random, CHARACTERS) + pick(random, CHARACTERS));
  const morpheme = zipfSampler(random, [...morphemes], 0.9);
  const seen = new Set<string>();
  while (seen.size < count) {
    const roll = random();
    const parts = roll < 0.45 ? 1 : roll < 0.9 ? 2 : 3;
    let word = '';
    for (let i = 0; i < parts; i++) word += morpheme();
    seen.add(word);
  }
  return [...seen];
}

/** Sentences mixing the office's set phrases with a Zipf-distributed open vocabulary. */
class SentenceMaker {
  private readonly word: () => string;

  constructor(private readonly random: () => number, vocabulary = 30_000) {
    this.word = zipfSampler(random, pseudoWords(random, vocabulary));
  }

  sentence(): string {
    const random = this.random;
    const w = this.word;
    return this.random() < 0.5 ? sentence(random)
      : pick(random, [
        () => `关于${w()}${w()}的${w()}，${pick(random, SUBJECTS)}应当${pick(random, VERBS)}${w()}${w()}，${pick(random, RESULTS)}。`,
        () => `${w()}${w()}和${w()}${w()}由${pick(random, SUBJECTS)}${pick(random, MANNERS)}${pick(random, VERBS)}。`,
        () => `对${w()}${w()}${w()}的，${pick(random, TIMES)}${pick(random, VERBS)}${w()}。`,
      ])();
  }

  question(): string {
    const random = this.random;
    const w = this.word;
    return pick(random, [
      () => `${w()}${w()}由谁${pick(random, VERBS)}？`,
      () => `${pick(random, SUBJECTS)}什么时候${pick(random, VERBS)}${w()}${w()}？`,
      () => `关于${w()}${w()}的${w()}有什么规定？`,
      () => `${pick(random, OBJECTS)}需要${pick(random, MANNERS)}吗？`,
    ])();
  }
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
  const maker = new SentenceMaker(random);
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
      for (let s = 0; s < sentences; s++) body += maker.sentence();
      lines.push(`第${chineseNumber(article)}条 ${body}`, '');
    }
    writeFileSync(join(folder, `rules-${String(file).padStart(4, '0')}.md`), lines.join('\n'));
    written += count;
  }
  return written;
}

/**
 * Questions as staff would type them. Two in three are about something a passage says
 * (a clause of a random stored article, asked as a question), as real questions are; the
 * rest are generic ones over the same vocabulary that match many passages loosely.
 */
export function benchQuestions(count: number, passages: readonly string[] = [], seed = 7): string[] {
  // The same vocabulary as the corpus (its seed), questions drawn with their own seed.
  const maker = new SentenceMaker(seededRandom(20240601));
  const random = seededRandom(seed);
  const fromPassage = (): string => {
    const clauses = pick(random, passages).replace(/^第[^条]+条\s*/, '').split(/[，。；]/).filter((c) => c.length >= 6);
    return clauses.length ? `${pick(random, clauses)}${pick(random, ['吗？', '有什么规定？', '是怎么规定的？'])}` : maker.question();
  };
  const forms = [
    () => maker.question(),
    () => `人大常委会${pick(random, VERBS)}${pick(random, OBJECTS)}有什么程序？`,
  ];
  return Array.from({ length: count }, (_, i) => (passages.length && i % 3 !== 2 ? fromPassage() : pick(random, forms)()));
}
