/**
 * Search keys for place names, so one query finds a place however it was written: "Patna", "PATNA",
 * "पटना" and "Patana" all reduce to the same key. The key is for matching only, never for display.
 *
 * Devanagari goes through Sanscript (IAST) after Hindi schwa deletion, because Sanscript writes every
 * inherent vowel ("पटना" → "paṭanā") while Hindi speech and Latin spellings drop most of them ("Patna").
 */
import sanscriptModule from '@indic-transliteration/sanscript';

// The package is CommonJS (`module.exports = Sanscript`) while its typings declare an ES default
// export, which TypeScript under NodeNext reads as `exports.default`; describe what Node really hands us.
const Sanscript = sanscriptModule as unknown as {
  t(data: string, from: string, to: string): string;
};

const DEVANAGARI = /[\u0900-\u097F]/;

export function hasDevanagari(text: string): boolean {
  return DEVANAGARI.test(text);
}

const VIRAMA = '\u094D';
const NUKTA = '\u093C';
const ANUSVARA = '\u0902';
const CANDRABINDU = '\u0901';
const VISARGA = '\u0903';

const isConsonant = (c: string) =>
  (c >= '\u0915' && c <= '\u0939') || (c >= '\u0958' && c <= '\u095F') || (c >= '\u0979' && c <= '\u097F');
const isVowelSign = (c: string) =>
  (c >= '\u093A' && c <= '\u094C' && c !== NUKTA && c !== '\u093D') ||
  c === '\u094E' ||
  c === '\u094F' ||
  (c >= '\u0955' && c <= '\u0957') ||
  c === '\u0962' ||
  c === '\u0963';
const isIndependentVowel = (c: string) =>
  (c >= '\u0904' && c <= '\u0914') || c === '\u0960' || c === '\u0961' || (c >= '\u0972' && c <= '\u0977');

/** One sound of a word: a consonant, or a vowel (written, or the inherent schwa of the consonant before it). */
interface Unit {
  kind: 'C' | 'V';
  text: string;
  /** An unwritten inherent vowel: the only kind schwa deletion may remove. */
  schwa?: boolean;
  /** Anusvara, candrabindu or visarga after the vowel; a nasalised schwa is pronounced, so it stays. */
  coda?: string;
}

function tokenise(word: string): Unit[] {
  const units: Unit[] = [];
  // Devanagari lies in the Basic Multilingual Plane, so UTF-16 indexing walks it letter by letter.
  const chars = word.normalize('NFD');
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (isConsonant(c)) {
      let text = c;
      if (chars[i + 1] === NUKTA) {
        i++;
        // ड़/ढ़ are flaps written "r" in Latin (Howrah, Chhattisgarh); other nukta letters keep their base.
        if (c === 'ड' || c === 'ढ') text = 'र';
      }
      units.push({ kind: 'C', text });
      const next = chars[i + 1] ?? '';
      if (next === VIRAMA) i++;
      else if (isVowelSign(next)) {
        units.push({ kind: 'V', text: next });
        i++;
      } else units.push({ kind: 'V', text: '', schwa: true });
    } else if (isIndependentVowel(c)) {
      units.push({ kind: 'V', text: c });
    } else if (c === ANUSVARA || c === CANDRABINDU || c === VISARGA) {
      const last = units.at(-1);
      if (last?.kind === 'V') last.coda = (last.coda ?? '') + (c === CANDRABINDU ? ANUSVARA : c);
    }
    // Other marks (avagraha, digits, punctuation) carry nothing a place name needs for matching.
  }
  return units;
}

const isV = (u: Unit | undefined) => u?.kind === 'V';
const isC = (u: Unit | undefined) => u?.kind === 'C';

/**
 * Hindi schwa deletion (Ohala's rule): drop the word-final schwa after a single consonant, then, from
 * right to left, every schwa in the context V C _ C V. "गोरखपुर" → gorakhpur, "कोलकाता" → kolkātā.
 */
export function deleteSchwas(units: Unit[]): Unit[] {
  const out = [...units];
  const last = out.at(-1);
  if (last?.schwa && !last.coda && isC(out.at(-2)) && isV(out.at(-3))) out.pop();
  for (let i = out.length - 3; i >= 2; i--) {
    const u = out[i];
    if (!u?.schwa || u.coda) continue;
    if (isC(out[i - 1]) && isV(out[i - 2]) && isC(out[i + 1]) && isV(out[i + 2])) out.splice(i, 1);
  }
  return out;
}

function render(units: Unit[]): string {
  let text = '';
  units.forEach((u, index) => {
    if (u.kind === 'C') {
      text += u.text;
      if (!isV(units[index + 1])) text += VIRAMA;
      return;
    }
    // A vowel unit keeps the form it was written in (sign or letter); a kept schwa is implicit.
    text += u.text + (u.coda ?? '');
  });
  return text;
}

/** Devanagari → Latin as a Hindi speaker would spell it: "पटना" → "paṭnā", "झारखंड" → "jhārkhaṃḍ". */
export function transliterateDevanagari(text: string): string {
  return text
    .split(/(\s+|[-,.()/])/)
    .map((part) => {
      if (!hasDevanagari(part)) return part;
      return Sanscript.t(render(deleteSchwas(tokenise(part))), 'devanagari', 'iast');
    })
    .join('');
}

/**
 * The matching key of a Latin (or transliterated) name. Folds the spelling choices that differ between
 * sources and romanisations: aspiration (kh/k, sh/s), long vowels (aa/a, ee/i, oo/u), v/w, z/j, f/ph,
 * nasal before a labial (Mumbai/muṃbaī), doubled letters, and a final inherent "a" (Patna/Patn).
 */
export function latinKey(text: string): string {
  const words = text
    .toLowerCase()
    .replaceAll('ṃ', 'n')
    .replaceAll('ṁ', 'n')
    .replaceAll('ṛ', 'ri')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  return words.map(foldWord).join(' ');
}

function foldWord(word: string): string {
  let w = word
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 'j')
    .replace(/w/g, 'v')
    .replace(/f/g, 'p')
    .replace(/([kgcjtdpbsr])h+/g, '$1')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/m([bp])/g, 'n$1')
    .replace(/([a-z])\1+/g, '$1')
    // A final "h" after a vowel is silent spelling (Howrah, Sahibganj's "ah"), absent from Devanagari.
    .replace(/([aeiou])h$/, '$1');
  if (w.length > 3 && w.endsWith('a')) w = w.slice(0, -1);
  return w;
}

/** The key of any name or query, in Latin or Devanagari script. */
export function searchKey(text: string): string {
  return latinKey(hasDevanagari(text) ? transliterateDevanagari(text) : text);
}
