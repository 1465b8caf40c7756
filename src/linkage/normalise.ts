/**
 * Indian name normalisation: one comparable Latin form per name, whatever the source wrote.
 * "Md. Salim Sk", "Mohammad Saleem Shaikh" and "मोहम्मद सलीम शेख" all become "mohamad salim saik".
 * The output is a matching form, never shown to anyone.
 */
import { toLatin } from './transliterate.ts';

/**
 * Spellings that no general rule folds together (or that are abbreviations). Keyed by the canonical
 * spelling; each list holds the raw forms seen in registers and FIRs.
 */
const CANONICAL: Record<string, string[]> = {
  mohammad: [
    'md',
    'mohd',
    'mohmd',
    'mo',
    'mohammed',
    'muhammad',
    'muhammed',
    'mohamed',
    'mohamad',
    'mohammod',
    'mahammad',
    'mahamad',
    'mohmmad',
    'mohmad',
    'muhamad',
    'muhamed',
    'mhd',
    'mahmad',
    'mahomed',
    'mohmed',
    'mahammed',
  ],
  shaikh: [
    'sk',
    'shk',
    'sheikh',
    'shaik',
    'shekh',
    'sheik',
    'seikh',
    'shiekh',
    'saikh',
    'shaikha',
    'sekh',
    'shaekh',
  ],
  kumar: ['kr', 'kumaar', 'kumer', 'kumarr'],
  kumari: ['kumaari', 'kumary', 'kmari'],
  prasad: ['pd', 'prashad', 'prasaad', 'parsad'],
  chandra: ['ch', 'chandr', 'chander', 'chandar'],
  devi: ['debi', 'devee', 'dewi'],
  lakshmi: ['laxmi', 'lakshami', 'laxami', 'lakhsmi', 'lakhmi', 'luxmi', 'lakshmee', 'laksmi'],
  syed: ['sayed', 'saiyed', 'sayyed', 'sayyad', 'saiyad', 'saiyyad', 'sayeed', 'syyed', 'seyed'],
  begum: ['begam', 'bagum', 'beghum'],
  khatun: ['khatoon', 'khatuun', 'khaton', 'khatum'],
  singh: ['sinh', 'sing', 'simh'],
  narayan: ['narain', 'narayana', 'naraian'],
  rao: ['ravu', 'rav', 'rau'],
};

/** Titles and kinship words that say nothing about who the person is; removed when they lead the name. */
const HONORIFICS = new Set([
  'shri',
  'sri',
  'shree',
  'sree',
  'sh',
  'smt',
  'shrimati',
  'srimati',
  'shreemati',
  'sushri',
  'srimti',
  'shrimti',
  'shriman',
  'sriman',
  'kumri',
  'km',
  'kum',
  'kumari',
  'late',
  'lt',
  'swargiya',
  'svargiy',
  'svargiya',
  'sva',
  'sv',
  'dr',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mst',
  'mstt',
  'musammat',
  'mosammat',
  'mussamat',
  'janab',
  'thiru',
  'thirumathi',
  'tmt',
  'selvi',
  'master',
  'kumaari',
  'shrimathi',
  'srimathi',
  'sahab',
  'saheb',
]);
/** Words of the dead ("s/o Late Ram Lal") that can stand anywhere in a name. */
const ANYWHERE = new Set(['late', 'lt', 'swargiya', 'svargiy', 'svargiya']);

export type Relation = 'father' | 'spouse' | 'guardian';

const RELATION_MARKER =
  /(?:^|\s)(?:([sdwhc])\s*[/\\.]\s*o\b\.?|(son|daughter|wife|husband|care)\s+of\b|(putra|putr|putri|patni|pati|valad|walad)(?=\s))/;

function relationOf(marker: string): Relation {
  if (/^(s|d|son|daughter|putra|putr|putri|valad|walad)$/.test(marker)) return 'father';
  if (/^(w|h|wife|husband|patni|pati)$/.test(marker)) return 'spouse';
  return 'guardian';
}

/** Folds IAST and other diacritics to plain ASCII as Indian Latin spellings write them. */
export function foldDiacritics(text: string): string {
  // Most names arrive in plain ASCII; Unicode normalisation is the costly part, so skip it for them.
  if (/^[\t\n\r -~]*$/.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(/[śṣ]/g, 'sh')
    .replace(/[ṛṝ]/g, 'ri')
    .replace(/ḻ/g, 'zh')
    .replace(/[ṃṁṅñṇṉ]/g, 'n')
    .replace(/ḥ/g, '')
    .replace(/ẏ/g, 'y')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The general spelling folds: one form for the choices romanisations make differently. */
export function foldToken(token: string): string {
  let w = token
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ksh')
    .replace(/ph/g, 'f')
    .replace(/z/g, 'j')
    .replace(/ow(?=[^aeiou]|$)/g, 'au')
    .replace(/w/g, 'v')
    .replace(/chh/g, 'ch')
    .replace(/sh/g, 's')
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/([b-df-hj-np-tv-z])\1+/g, '$1')
    .replace(/m([bp])/g, 'n$1')
    .replace(/([^aeiou])y$/, '$1i');
  // The inherent vowel: "Krishna"/"Krishn", "Rama"/"Ram" differ only in whether it was written.
  if (w.length >= 3 && w.endsWith('a')) w = w.slice(0, -1);
  return w;
}

const LOOKUP = new Map<string, string>();
for (const [canonical, variants] of Object.entries(CANONICAL)) {
  const target = foldToken(canonical);
  for (const variant of [canonical, ...variants]) {
    LOOKUP.set(variant, target);
    LOOKUP.set(foldToken(variant), target);
  }
}

const tokenCache = new Map<string, string>();

/** One raw lower-case ASCII token to its comparable form. */
export function normaliseToken(raw: string): string {
  const cached = tokenCache.get(raw);
  if (cached !== undefined) return cached;
  const folded = foldToken(raw);
  const result = LOOKUP.get(raw) ?? LOOKUP.get(folded) ?? folded;
  if (tokenCache.size < 200_000) tokenCache.set(raw, result);
  return result;
}

export interface ParsedName {
  /** Normalised tokens; an initial is a single letter. */
  readonly tokens: readonly string[];
  /** Relatives named inside the name ("Ramesh s/o Suresh"), as raw Latin text. */
  readonly relatives: Readonly<Partial<Record<Relation, string>>>;
}

const SPLIT = /[^a-z0-9]+/;

function tokensOf(latin: string, original: string): string[] {
  // Upper-case runs such as "RK Sharma" are initials when the rest of the name is in mixed case.
  const mixedCase = /[a-z]/.test(original) && /[A-Z]/.test(original);
  const out: string[] = [];
  for (const part of original.normalize('NFC').split(/[\s.,;:'"()[\]{}_\-/\\|]+/)) {
    if (!part) continue;
    if (mixedCase && /^[A-Z]{2,3}$/.test(part) && !LOOKUP.has(part.toLowerCase())) {
      out.push(...part.toLowerCase().split(''));
      continue;
    }
    for (const piece of foldDiacritics(toLatin(part)).split(SPLIT)) if (piece) out.push(piece);
  }
  return out.length > 0 || !latin ? out : latin.split(SPLIT).filter(Boolean);
}

function cleanTokens(raw: string[]): string[] {
  const tokens = raw.filter((t) => !/^\d+$/.test(t));
  // Leading titles go, but never the last word: "Kumari" alone is a name.
  while (tokens.length > 1 && HONORIFICS.has(tokens[0] ?? '')) tokens.shift();
  const kept = tokens.filter((t, i) => i === tokens.length - 1 || !ANYWHERE.has(t));
  return kept.map((t) => (t.length === 1 ? t : normaliseToken(t)));
}

/**
 * Splits a written name into the person's own name and relatives named after "s/o", "w/o", "पुत्र" ...,
 * drops titles, expands abbreviations and folds spellings.
 */
const nameCache = new Map<string, ParsedName>();

/** Parsed names are shared between records with the same written name: treat the result as read-only. */
export function parseName(text: string | null | undefined): ParsedName {
  if (!text) return { tokens: [], relatives: {} };
  const hit = nameCache.get(text);
  if (hit) return hit;
  const parsed = parseUncached(text);
  if (nameCache.size >= 1_000_000) nameCache.clear();
  nameCache.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): ParsedName {
  const relatives: Partial<Record<Relation, string>> = {};
  let own = text;
  const lowered = foldDiacritics(toLatin(text));
  const match = RELATION_MARKER.exec(lowered);
  if (match && match.index >= 0) {
    const marker = match[1] ?? match[2] ?? match[3] ?? '';
    const ownLatin = lowered.slice(0, match.index);
    relatives[relationOf(marker)] = lowered.slice(match.index + match[0].length).trim();
    // Case matters only for initials, so the own part keeps its original text when it is Latin.
    own = /^[\x20-\x7e]*$/.test(text) ? text.slice(0, ownLatin.length) : ownLatin;
  }
  return { tokens: cleanTokens(tokensOf(lowered, own)), relatives };
}

/** Normalised tokens of a name (any script), for callers that need only the name itself. */
export function normaliseName(text: string | null | undefined): string[] {
  return [...parseName(text).tokens];
}
