/** Turns a raw person record into the compact, comparable form every other step works on. */
import { asciiDigits, parseAge, parseDate, today, yearOf, yearsBetween } from './dates.ts';
import { foldDiacritics, normaliseToken, parseName, type ParsedName, type Relation } from './normalise.ts';
import { phoneticKey, phoneticKeyOfTokens } from './phonetic.ts';
import { toLatin } from './transliterate.ts';
import type { PersonInput, PreparedName, PreparedRecord, Sex } from './types.ts';

/** Words so common at the front of a name that they say little about who it is. */
const PREFIXES = new Set(['mohamad', 'sayed', 'syed', 'saikh', 'sri', 'md']);

const preparedNames = new Map<string, PreparedName>();

/**
 * The comparable form of a name's tokens. Names repeat a great deal, so results are shared: callers
 * must treat a PreparedName as immutable.
 */
export function prepareName(tokens: readonly string[]): PreparedName | null {
  if (tokens.length === 0) return null;
  const cacheKey = tokens.join(' ');
  const hit = preparedNames.get(cacheKey);
  if (hit) return hit;
  const built = buildName(tokens);
  if (preparedNames.size >= 1_000_000) preparedNames.clear();
  preparedNames.set(cacheKey, built);
  return built;
}

function buildName(tokens: readonly string[]): PreparedName {
  const wordsOnly = tokens.filter((t) => t.length > 1);
  const principalWord = wordsOnly.find((t) => !PREFIXES.has(t)) ?? wordsOnly[0];
  return {
    tokens: [...tokens],
    words: wordsOnly,
    wordKeys: wordsOnly.map(phoneticKey),
    joined: wordsOnly.join(''),
    keys: tokens.map(phoneticKey),
    key: phoneticKeyOfTokens(tokens),
    initials: tokens.map((t) => t[0] ?? '').join(''),
    principal: principalWord === undefined ? null : phoneticKey(principalWord),
  };
}

const SEXES: Record<string, Sex> = {
  m: 'm',
  male: 'm',
  man: 'm',
  boy: 'm',
  purush: 'm',
  ladka: 'm',
  larka: 'm',
  pu: 'm',
  f: 'f',
  female: 'f',
  woman: 'f',
  girl: 'f',
  stri: 'f',
  mahila: 'f',
  ladki: 'f',
  larki: 'f',
  t: 'x',
  tg: 'x',
  transgender: 'x',
  x: 'x',
  other: 'x',
  o: 'x',
  kinnar: 'x',
};

export function parseSex(value: string | null | undefined): Sex | null {
  if (!value) return null;
  const key = foldDiacritics(toLatin(value)).replace(/[^a-z]/g, '');
  return SEXES[key] ?? null;
}

/** Place key: an LGD code as written without leading zeros, else the folded name. */
export function placeKey(value: string | null | undefined): string | null {
  if (!value) return null;
  const s = asciiDigits(value).trim();
  if (/^\d+$/.test(s)) return String(Number(s));
  const key = foldDiacritics(toLatin(s))
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map(normaliseToken)
    .join(' ');
  return key || null;
}

const ADDRESS_STOP = new Set([
  'vil',
  'vill',
  'vilage',
  'village',
  'gram',
  'gam',
  'post',
  'po',
  'ps',
  'thana',
  'dist',
  'district',
  'jila',
  'jil',
  'jilla',
  'tehsil',
  'tahsil',
  'block',
  'house',
  'no',
  'near',
  'road',
  'rd',
  'ward',
  'mohala',
  'mohla',
  'tol',
  'nagar',
  'colony',
  'h',
  'at',
  'via',
  'sector',
  'street',
  'st',
  'lane',
  'pin',
  'and',
  'the',
  'of',
  'state',
  'india',
]);

export function addressTokens(value: string | null | undefined, placeNames?: ReadonlySet<string>): string[] {
  if (!value) return [];
  const tokens = foldDiacritics(toLatin(asciiDigits(value)))
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 || /\d/.test(t))
    .map((t) => (/^\d+$/.test(t) ? t : normaliseToken(t)))
    .filter((t) => !ADDRESS_STOP.has(t) && !placeNames?.has(t));
  return [...new Set(tokens)].sort();
}

/** The last ten digits, so +91, 0 and 91 prefixes all agree; shorter numbers are not comparable. */
export function cleanPhone(value: string | null | undefined): string | null {
  if (!value) return null;
  const digits = asciiDigits(value).replace(/\D/g, '');
  return digits.length >= 10 ? digits.slice(-10) : null;
}

/** Letters and digits, upper case; mask characters become '*'. A number that is all mask is no number. */
export function cleanIdNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  let s = asciiDigits(value).toUpperCase().replace(/[•·●]/g, '*');
  // X masks only where it runs (XXXX-XXXX-1234); a lone X is a letter of a voter or passport number.
  s = s.replace(/X{3,}/g, (run) => '*'.repeat(run.length)).replace(/[^A-Z0-9*]/g, '');
  return /[A-Z0-9]/.test(s) && s.length >= 4 ? s : null;
}

export interface PrepareOptions {
  /** Date (YYYYMMDD) at which a record's `age` holds when it has no `ageAt`; default today. */
  referenceDate?: number;
  /** District and State names to leave out of addresses (see `placeNames`). */
  placeNames?: ReadonlySet<string>;
  /** Resolves a district (code or name key) to its LGD district and State codes. */
  resolvePlace?: (
    district: string | null,
    state: string | null,
  ) => { district: string | null; state: string | null };
}

function splitFullName(parsed: ParsedName): { given: readonly string[]; family: readonly string[] } {
  const t = parsed.tokens;
  // A trailing initial is a Tamil-style father's initial ("Murugan R."), not a surname.
  if (t.length < 2 || (t.at(-1)?.length ?? 0) <= 1) return { given: t, family: [] };
  return { given: t.slice(0, -1), family: t.slice(-1) };
}

/** Words that end women's names in registers and are never a father's surname. */
const NOT_SURNAMES = new Set(['devi', 'kumari', 'khatun', 'begum', 'bibi', 'kaur', 'kumar']);

/**
 * A missing surname taken from the father's name ("Mallika d/o Bhudev Mahto" is Mallika Mahto): in
 * the registers this engine serves, children carry their father's surname far more often than not.
 */
function surnameFromFather(father: PreparedName | null): readonly string[] {
  const words = father?.tokens.filter((t) => t.length > 1) ?? [];
  const last = words.at(-1);
  return words.length >= 2 && last !== undefined && !NOT_SURNAMES.has(last) ? [last] : [];
}

export function prepareRecord(input: PersonInput, options: PrepareOptions = {}): PreparedRecord {
  let given: readonly string[];
  let family: readonly string[];
  const relatives: Partial<Record<Relation, string>> = {};
  if (input.givenName || input.familyName) {
    const g = parseName(input.givenName);
    const f = parseName(input.familyName);
    Object.assign(relatives, f.relatives, g.relatives);
    given = g.tokens;
    family = f.tokens;
    if (given.length === 0 && input.fullName) ({ given } = splitFullName(parseName(input.fullName)));
  } else {
    const parsed = parseName(input.fullName);
    Object.assign(relatives, parsed.relatives);
    ({ given, family } = splitFullName(parsed));
  }
  const relative = (explicit: string | null | undefined, fromName: string | undefined) =>
    prepareName(parseName(explicit ?? fromName).tokens);

  const dob = parseDate(input.dob);
  const age = dob === null ? parseAge(input.age) : null;
  let birthYear: number | null = null;
  let birthTolerance = 0;
  if (dob !== null) {
    birthYear = yearOf(dob);
    // 1 January is what registers write when only the year is known.
    if (dob % 10000 === 101) birthTolerance = 1;
  } else if (age !== null) {
    const at = parseDate(input.ageAt) ?? options.referenceDate ?? today();
    // Kept to a tenth of a year: rounding two estimates separately can push them a year further apart.
    birthYear = Math.round((yearOf(at) + yearsBetween(yearOf(at) * 10000 + 101, at) - age - 0.5) * 10) / 10;
    birthTolerance = 1 + 0.1 * age;
  }

  let district = placeKey(input.district);
  let state = placeKey(input.state);
  if (options.resolvePlace) ({ district, state } = options.resolvePlace(district, state));

  const father = relative(input.fatherName, relatives.father);
  return {
    id: input.id,
    given: prepareName(given),
    family: prepareName(family.length > 0 ? family : surnameFromFather(father)),
    father,
    mother: relative(input.motherName, undefined),
    spouse: relative(input.spouseName, relatives.spouse),
    dob,
    birthYear,
    birthTolerance,
    age,
    sex: parseSex(input.sex),
    district,
    state,
    addressTokens: addressTokens(input.address, options.placeNames),
    phone: cleanPhone(input.phone),
    idNumber: cleanIdNumber(input.idNumber),
  };
}
