/**
 * Indian scripts to one comparable Latin form. Each script is detected per character by its Unicode
 * block; letters are mapped to their Devanagari twin (the nine scripts share the ISCII layout, offset by
 * 0x80 per block), sounds are adjusted where a script's letter is read differently (Bengali ব is "b",
 * Odia ଯ is "j", Tamil க is "g" between vowels), the Hindi inherent vowel is dropped where speech drops
 * it, and Sanscript writes the result in IAST.
 *
 * Why not Sanscript for every script: in sanscript 1.3.3 Tamil க comes out as "gh", and Bengali ৎ and
 * nukta letters, Gurmukhi addak and Malayalam chillu letters pass through untransliterated.
 */
import sanscriptModule from '@indic-transliteration/sanscript';

// The package is CommonJS (`module.exports = Sanscript`) while its typings declare an ES default
// export; under NodeNext TypeScript reads that as `exports.default`, so state what Node hands over.
const Sanscript = sanscriptModule as unknown as { t(data: string, from: string, to: string): string };

export type Script =
  | 'latin'
  | 'devanagari'
  | 'bengali'
  | 'gurmukhi'
  | 'gujarati'
  | 'oriya'
  | 'tamil'
  | 'telugu'
  | 'kannada'
  | 'malayalam'
  | 'other';

const BLOCKS: readonly Script[] = [
  'devanagari',
  'bengali',
  'gurmukhi',
  'gujarati',
  'oriya',
  'tamil',
  'telugu',
  'kannada',
  'malayalam',
];

/** The script of one character; digits, spaces and punctuation count as Latin. */
export function scriptOf(char: string): Script {
  const cp = char.codePointAt(0) ?? 0;
  if (cp < 0x0250) return 'latin';
  if (cp >= 0x0900 && cp < 0x0d80) return BLOCKS[(cp - 0x0900) >> 7] ?? 'other';
  if (cp >= 0x1e00 && cp < 0x1f00) return 'latin';
  return 'other';
}

/** The Indic scripts a text uses, in order of first appearance. */
export function detectScripts(text: string): Script[] {
  const seen = new Set<Script>();
  for (const ch of text) {
    const s = scriptOf(ch);
    if (s !== 'latin' && s !== 'other') seen.add(s);
  }
  return [...seen];
}

const INDO_ARYAN = new Set<Script>(['devanagari', 'bengali', 'gurmukhi', 'gujarati', 'oriya']);
const VIRAMA = 0x094d;
const dev = (cp: number) => String.fromCharCode(cp);
const isConsonant = (cp: number) => (cp >= 0x0915 && cp <= 0x0939) || (cp >= 0x0958 && cp <= 0x095f);
const isVowelSign = (cp: number) =>
  (cp >= 0x093e && cp <= 0x094c) || cp === 0x0962 || cp === 0x0963 || (cp >= 0x0955 && cp <= 0x0957);
const isIndependentVowel = (cp: number) => (cp >= 0x0904 && cp <= 0x0914) || cp === 0x0960 || cp === 0x0961;

/** Vowel sign → its independent letter, for Gurmukhi's vowel carriers ੲ and ੳ. */
const INDEPENDENT: Record<number, number> = {
  0x093e: 0x0906,
  0x093f: 0x0907,
  0x0940: 0x0908,
  0x0941: 0x0909,
  0x0942: 0x090a,
  0x0947: 0x090f,
  0x0948: 0x0910,
  0x094b: 0x0913,
  0x094c: 0x0914,
};

const STOPS_VOICED: Record<number, number> = {
  0x0915: 0x0917,
  0x091a: 0x091c,
  0x091f: 0x0921,
  0x0924: 0x0926,
  0x092a: 0x092c,
};
const TAMIL_NASALS = new Set([0x0919, 0x091e, 0x0923, 0x0928, 0x092e, 0x0929]);

/** Maps one word of script `script` to Devanagari code points, applying the script's own readings. */
function toDevanagariCodes(word: string, script: Script): number[] {
  const base = 0x0900 + BLOCKS.indexOf(script) * 0x80;
  const src = Array.from(word.normalize('NFC'), (c) => c.codePointAt(0) ?? 0);
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const cp = src[i] ?? 0;
    if (cp === 0x200c || cp === 0x200d) continue;
    const local = cp - base;
    const prev = out.at(-1);
    let d = 0x0900 + local;
    switch (script) {
      case 'bengali':
        if (local === 0x4e) {
          out.push(0x0924, VIRAMA);
          continue;
        } // ৎ khanda ta
        if (local === 0x2f && i === 0)
          d = 0x091c; // য is "j" at the start of a word
        else if (local === 0x5f)
          d = 0x092f; // য়
        else if (local === 0x2c && prev !== VIRAMA)
          d = 0x092c; // ব is "b", except as a conjunct's second half
        else if (local === 0x2c) d = 0x0935;
        else if (local === 0x70) d = 0x0930;
        else if (local === 0x71) d = 0x0935;
        break;
      case 'gurmukhi':
        if (local === 0x70)
          d = 0x0902; // tippi
        else if (local === 0x71)
          continue; // addak doubles the next consonant; doubling is folded anyway
        else if (local === 0x72 || local === 0x73) {
          const sign = (src[i + 1] ?? 0) - base + 0x0900;
          const letter = INDEPENDENT[sign];
          if (letter) {
            out.push(letter);
            i++;
            continue;
          }
          d = local === 0x72 ? 0x0907 : 0x0909;
        }
        break;
      case 'oriya':
        if (local === 0x2f)
          d = 0x091c; // ଯ is "j"; ୟ is "y"
        else if (local === 0x5f || local === 0x71) d = local === 0x5f ? 0x092f : 0x0935;
        break;
      case 'malayalam':
        if (local >= 0x7a && local <= 0x7f) {
          out.push([0x0923, 0x0928, 0x0930, 0x0932, 0x0933, 0x0915][local - 0x7a] ?? 0x0928, VIRAMA);
          continue;
        }
        if (local === 0x4e) {
          out.push(0x0930, VIRAMA);
          continue;
        }
        break;
      case 'tamil':
        d = tamilLetter(d, out, (src[i + 1] ?? 0) - base + 0x0900, (src[i + 2] ?? 0) - base + 0x0900);
        break;
      case 'devanagari':
      case 'gujarati':
      case 'telugu':
      case 'kannada':
      case 'latin':
      case 'other':
        break;
    }
    // Dravidian short e/o have no Hindi counterpart a name would distinguish.
    if (d === 0x0946 || d === 0x094a || d === 0x090e || d === 0x0912) d += 1;
    out.push(d);
  }
  return out;
}

/** Tamil writes one letter for voiced and voiceless stops; the sound depends on the neighbours. */
function tamilLetter(d: number, out: number[], next: number, afterNext: number): number {
  const prev = out.at(-1);
  const before = out.at(-2);
  if (d === 0x0931) {
    // ற்ற is "tr" (வெற்றி Vetri); ற alone is an "r".
    if (next === VIRAMA && afterNext === 0x0931) return 0x091f;
    return 0x0930;
  }
  const voiced = STOPS_VOICED[d];
  if (voiced === undefined) return d;
  if (d === 0x0924) return 0x0925; // த is written "th" in Tamil names: Geetha, Senthil
  if (prev === undefined) return d === 0x091a ? 0x0938 : d; // ச starts a word as "s": Selvam
  if (prev === VIRAMA) {
    if (before === d) return d === 0x091a ? 0x091a : d; // doubled: voiceless
    if (before !== undefined && TAMIL_NASALS.has(before)) return voiced;
    return d;
  }
  // The first of a cluster (க்ஷ, doubled letters) is voiceless.
  if (next === VIRAMA) return d;
  // Between vowels: க → g, ச → s, ட → d; ப stays "p" in the Sanskrit names most people bear.
  if (d === 0x091a) return 0x0938;
  if (d === 0x092a) return d;
  return voiced;
}

const LIQUIDS = new Set([0x0930, 0x0932, 0x092f, 0x0935]);

interface Unit {
  c: boolean;
  cp: number;
  schwa?: boolean;
  coda?: number;
}

function units(codes: number[]): Unit[] {
  const out: Unit[] = [];
  for (let i = 0; i < codes.length; i++) {
    let cp = codes[i] ?? 0;
    if (isConsonant(cp)) {
      if (codes[i + 1] === 0x093c) {
        i++;
        if (cp === 0x0921 || cp === 0x0922) cp = 0x0930; // ड़/ढ़ are flaps written "r"
      }
      if (cp >= 0x0958 && cp <= 0x095f)
        cp = [0x0915, 0x0916, 0x0917, 0x091c, 0x0930, 0x0930, 0x092b, 0x092f][cp - 0x0958] ?? cp;
      out.push({ c: true, cp });
      const next = codes[i + 1] ?? 0;
      if (next === VIRAMA) i++;
      else if (isVowelSign(next)) {
        out.push({ c: false, cp: next });
        i++;
      } else out.push({ c: false, cp: 0, schwa: true });
    } else if (isIndependentVowel(cp)) out.push({ c: false, cp });
    else if (cp === 0x0901 || cp === 0x0902 || cp === 0x0903) {
      const last = out.at(-1);
      if (last && !last.c && cp !== 0x0903) last.coda = 0x0902;
    }
  }
  return out;
}

/**
 * Hindi schwa deletion (Ohala): the final schwa after one consonant, then V C _ C V from the right;
 * a cluster may follow the gap (गुरप्रीत → gurprīt, as Punjabi and Hindi speakers say it).
 */
function deleteSchwas(u: Unit[]): Unit[] {
  const out = [...u];
  const last = out.at(-1);
  if (last?.schwa && last.coda === undefined && out.at(-2)?.c && out.at(-3)?.c === false) out.pop();
  for (let i = out.length - 3; i >= 2; i--) {
    const x = out[i];
    if (!x?.schwa || x.coda !== undefined) continue;
    // A stop + r/l/y/v cluster begins the next syllable (प्री), so the gap before it is open too.
    const onset = out[i + 2]?.c === true && LIQUIDS.has(out[i + 2]?.cp ?? 0) && out[i + 3]?.c === false;
    const before = out[i - 2];
    if (before?.c !== false || before.coda !== undefined || !out[i - 1]?.c || !out[i + 1]?.c) continue;
    if (out[i + 2]?.c === false || onset) out.splice(i, 1);
  }
  return out;
}

function render(u: Unit[]): string {
  let s = '';
  u.forEach((x, i) => {
    if (x.c) s += dev(x.cp) + (u[i + 1]?.c === false ? '' : dev(VIRAMA));
    else s += (x.schwa ? '' : dev(x.cp)) + (x.coda ? dev(x.coda) : '');
  });
  return s;
}

const wordCache = new Map<string, string>();

function transliterateWord(word: string, script: Script): string {
  const cacheKey = script + word;
  const hit = wordCache.get(cacheKey);
  if (hit !== undefined) return hit;
  let u = units(toDevanagariCodes(word, script));
  if (INDO_ARYAN.has(script)) u = deleteSchwas(u);
  const iast = Sanscript.t(render(u), 'devanagari', 'iast')
    .replace(/jñ/g, 'gy')
    .replace(/c(h?)/g, (_m, h: string) => (h ? 'chh' : 'ch'));
  if (wordCache.size < 200_000) wordCache.set(cacheKey, iast);
  return iast;
}

/**
 * Any mix of Latin and the nine Indian scripts to Latin (IAST diacritics kept; the normaliser folds
 * them). Latin text passes through unchanged.
 */
export function toLatin(text: string): string {
  if (ASCII.test(text)) return text;
  let out = '';
  let run = '';
  let runScript: Script = 'latin';
  for (const ch of text) {
    let script = scriptOf(ch);
    // Danda and double danda end a word; they carry no sound.
    if (ch === '\u0964' || ch === '\u0965') script = 'latin';
    if (script !== runScript) {
      out += convertRun(run, runScript);
      run = '';
      runScript = script;
    }
    run += ch;
  }
  return out + convertRun(run, runScript);
}

const ASCII = /^[\t\n\r -~]*$/;

function convertRun(run: string, script: Script): string {
  if (!run || script === 'latin' || script === 'other') return run;
  return transliterateWord(run, script);
}
