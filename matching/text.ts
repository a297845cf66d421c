/**
 * The one place where the matcher touches `natural` and `@node-rs/jieba`.
 *
 * `natural`'s package root is never imported: it takes ~450 ms, loads storage back-ends and runs
 * dotenv (design.md, "Matching"). We load only the three submodules we use and give them types.
 * Jieba is created lazily (its default dictionary takes ~300 ms to load) with the skills
 * vocabulary (zh names and synonyms) loaded as a user dictionary, so that 数据标注 or 电商客服 stay
 * one token.
 */
import { createRequire } from 'node:module';
import { SKILLS } from './vocabulary.js';

const require = createRequire(import.meta.url);

type JaroWinklerFn = (a: string, b: string, options?: { ignoreCase?: boolean }) => number;
interface StemmerModule {
  stem(token: string): string;
}
interface RegexpTokenizerInstance {
  tokenize(text: string): string[] | null;
}
type RegexpTokenizerCtor = new (options: { pattern: RegExp; gaps?: boolean }) => RegexpTokenizerInstance;
interface JiebaInstance {
  cut(sentence: string, hmm?: boolean): string[];
  loadDict(dict: Uint8Array): void;
}
interface JiebaModule {
  Jieba: { withDict(dict: Uint8Array): JiebaInstance };
}

const jaroWinklerImpl = require('natural/lib/natural/distance/jaro-winkler_distance') as JaroWinklerFn;
const porterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as StemmerModule;
const { RegexpTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer') as {
  RegexpTokenizer: RegexpTokenizerCtor;
};

/** Jaro–Winkler similarity in [0, 1], case-insensitive. For typos only, never for meaning. */
export function jaroWinkler(a: string, b: string): number {
  return jaroWinklerImpl(a, b, { ignoreCase: true });
}

const stemCache = new Map<string, string>();

/** Porter stem of one lower-case Latin token (memoised: natural's stemmer costs ~7 µs a call). */
export function stem(token: string): string {
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    stemmed = porterStemmer.stem(token);
    if (stemCache.size >= 200_000) stemCache.clear();
    stemCache.set(token, stemmed);
  }
  return stemmed;
}

/** Splits on anything that is not a Latin letter or digit (so CJK text yields no tokens). */
const latinTokenizer = new RegexpTokenizer({ pattern: /[^a-z0-9]+/ });

let jieba: JiebaInstance | undefined;

/** The skills vocabulary's Chinese names and synonyms, as a jieba user dictionary. */
function skillsUserDictionary(): string {
  const words = new Set<string>();
  for (const entry of Object.values(SKILLS)) {
    for (const w of [entry.zh, ...entry.synonyms]) if (CJK.test(w)) words.add(w.replace(/\s+/g, ''));
  }
  return [...words].map((w) => `${w} 200000 n`).join('\n') + '\n';
}

function getJieba(): JiebaInstance {
  if (!jieba) {
    const { Jieba } = require('@node-rs/jieba') as JiebaModule;
    const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
    const instance = Jieba.withDict(dict);
    instance.loadDict(Buffer.from(skillsUserDictionary(), 'utf8'));
    jieba = instance;
  }
  return jieba;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const CJK_RUNS = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/** Short function words that carry no signal for matching. */
const EN_STOPWORDS = new Set([
  'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'have', 'i', 'in', 'is', 'it',
  'its', 'me', 'my', 'of', 'on', 'or', 'our', 'the', 'to', 'we', 'with', 'you', 'your', 'will', 'can',
]);
const ZH_STOPWORDS = new Set([
  '我们', '你们', '他们', '负责', '能够', '可以', '以及', '相关', '进行', '工作', '岗位', '要求', '具有', '熟悉',
  '一定', '以上', '优先', '提供', '希望', '喜欢', '我的', '有的', '一个', '没有',
]);

/** Normalises a label or text: NFKC (full-width → half-width), lower case, single spaces. */
export function normalise(text: string): string {
  const folded = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  return folded.toLowerCase().replace(/\s+/g, ' ').trim();
}
/** Characters NFKC changes that occur in practice: full-width forms, ideographic space, compatibility letters. */
const NEEDS_NFKC = /[\u00a0\u2000-\u206f\u2100-\u218f\u3000\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const HAS_LATIN_CAPITAL = /[A-Z\u0130]/;

/** Lower-case Latin letter or digit: texts without one yield no Latin tokens. */
const LATIN = /[a-z0-9]/;

/**
 * Jieba words (already filtered: two characters or more, CJK, not a stop word) per CJK run.
 * Jieba cuts each run on its own (runs are separated by non-CJK characters, which split jieba's
 * blocks), so a run's words do not depend on the text around it, and runs repeat a lot
 * (skill names, stock phrases): the cache skips most native calls.
 */
const runCache = new Map<string, readonly string[]>();
const RUN_SEPARATOR = '，';

function cjkWords(runs: readonly string[], out: string[]): void {
  let missing: string[] | undefined;
  for (const run of runs) if (!runCache.has(run)) (missing ??= []).push(run);
  if (missing) {
    // One native call for all the runs not seen before, joined by a separator jieba keeps apart.
    const unique = [...new Set(missing)];
    const words = getJieba().cut(unique.join(RUN_SEPARATOR), true);
    if (runCache.size + unique.length > 200_000) runCache.clear();
    let r = 0;
    let current: string[] = [];
    for (const word of words) {
      if (word === RUN_SEPARATOR) {
        runCache.set(unique[r++]!, current);
        current = [];
        continue;
      }
      if (word.length < 2 || !CJK.test(word) || ZH_STOPWORDS.has(word)) continue;
      current.push(word);
    }
    runCache.set(unique[r++]!, current);
    if (r !== unique.length) {
      // Jieba merged a separator into a word (never seen): fall back to one call per run.
      for (const run of unique) runCache.set(run, filterWords(getJieba().cut(run, true)));
    }
  }
  for (const run of runs) for (const word of runCache.get(run)!) out.push(word);
}

function filterWords(words: readonly string[]): string[] {
  return words.filter((word) => word.length >= 2 && CJK.test(word) && !ZH_STOPWORDS.has(word));
}

/**
 * Terms of a free text for the text-similarity part: Porter-stemmed Latin tokens (RegexpTokenizer)
 * and jieba words of the Chinese runs (two characters or more). Stop words dropped. Repeats kept
 * (the caller counts them). Whitespace is not collapsed here (unlike `normalise`): neither the
 * tokenizer nor the CJK runs see it.
 */
export function textTerms(text: string): string[] {
  const folded = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text;
  // Only A–Z (and İ) lower-case into the Latin tokens' [a-z]; other letters are separators either
  // way, so most Chinese texts skip a full-string copy.
  const norm = HAS_LATIN_CAPITAL.test(folded) ? folded.toLowerCase() : folded;
  const terms: string[] = [];
  if (LATIN.test(norm)) {
    for (const token of latinTokenizer.tokenize(norm) ?? []) {
      if (token.length < 2 || EN_STOPWORDS.has(token)) continue;
      terms.push(stem(token));
    }
  }
  const runs = norm.match(CJK_RUNS);
  if (runs) cjkWords(runs, terms);
  return terms;
}
