/** Place-name tidying shared by the importers: LGD writes most names in capitals. */

const SMALL_WORDS = new Set(['and', 'of', 'the', 'de', 'da', 'di']);

function capitalise(part: string): string {
  // Initials such as "Y.S.R." and "S.A.S" stay in capitals.
  if (/^([a-z]\.)+[a-z]?$/i.test(part)) return part.toUpperCase();
  return part.charAt(0).toUpperCase() + part.slice(1).toLowerCase();
}

/**
 * "ANDAMAN AND NICOBAR ISLANDS" → "Andaman and Nicobar Islands", "KAIMUR (BHABUA)" → "Kaimur (Bhabua)",
 * "JANJGIR-CHAMPA" → "Janjgir-Champa". Names that already mix cases were written by a person: kept.
 */
export function titleCase(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed
    .split(' ')
    .map((word, index) => {
      const lower = word.toLowerCase();
      if (index > 0 && SMALL_WORDS.has(lower)) return lower;
      return word
        .split(/([-(/])/)
        .map((part) => (/^[-(/]$/.test(part) ? part : capitalise(part)))
        .join('');
    })
    .join(' ');
}

/** LGD marks some sub-district names with a footnote asterisk ("Chanan*"); it is not part of the name. */
export function cleanSubdistrictName(name: string): string {
  return titleCase(name.replace(/\*+$/, '').trim());
}

/** The official Hindi names of the 36 States and Union Territories, by LGD State code. */
export const STATE_NAMES_HI: Readonly<Record<number, string>> = {
  1: 'जम्मू और कश्मीर',
  2: 'हिमाचल प्रदेश',
  3: 'पंजाब',
  4: 'चंडीगढ़',
  5: 'उत्तराखंड',
  6: 'हरियाणा',
  7: 'दिल्ली',
  8: 'राजस्थान',
  9: 'उत्तर प्रदेश',
  10: 'बिहार',
  11: 'सिक्किम',
  12: 'अरुणाचल प्रदेश',
  13: 'नागालैंड',
  14: 'मणिपुर',
  15: 'मिज़ोरम',
  16: 'त्रिपुरा',
  17: 'मेघालय',
  18: 'असम',
  19: 'पश्चिम बंगाल',
  20: 'झारखंड',
  21: 'ओडिशा',
  22: 'छत्तीसगढ़',
  23: 'मध्य प्रदेश',
  24: 'गुजरात',
  27: 'महाराष्ट्र',
  28: 'आंध्र प्रदेश',
  29: 'कर्नाटक',
  30: 'गोवा',
  31: 'लक्षद्वीप',
  32: 'केरल',
  33: 'तमिलनाडु',
  34: 'पुडुचेरी',
  35: 'अंडमान और निकोबार द्वीपसमूह',
  36: 'तेलंगाना',
  37: 'लद्दाख',
  38: 'दादरा और नगर हवेली और दमन और दीव',
};

/** Ladakh became a Union Territory in 2019; an older LGD extract may lack it, and Setu must not. */
export const LADAKH = {
  lgdCode: 37,
  name: 'Ladakh',
  isUnionTerritory: true,
  census2011Code: null,
} as const;

/**
 * The name of a State as Setu shows it. LGD prefixes the merged UT with "The"; the Act that created it
 * (2019) and everyday use do not, and search would otherwise sort it under T.
 */
export function stateDisplayName(lgdName: string): string {
  return titleCase(lgdName).replace(/^The /, '');
}

/** Spellings other sources use for a State, lower-cased, beyond the LGD name itself. */
export const STATE_ALIASES: Readonly<Record<string, number>> = {
  orissa: 21,
  'delhi nct': 7,
  'nct of delhi': 7,
  pondicherry: 34,
  uttaranchal: 5,
  'andaman & nicobar': 35,
  'andaman & nicobar islands': 35,
  'dadra & nagar haveli': 38,
  'dadra and nagar haveli': 38,
  'daman and diu': 38,
  'daman & diu': 38,
  'jammu & kashmir': 1,
};

/** ISO 3166-2:IN subdivision codes (UN/LOCODE uses them), including the retired ones, to LGD State codes. */
export const ISO_SUBDIVISION_TO_LGD: Readonly<Record<string, number>> = {
  AN: 35, AP: 28, AR: 12, AS: 18, BR: 10, CH: 4, CT: 22, CG: 22, DH: 38, DN: 38, DD: 38, DL: 7,
  GA: 30, GJ: 24, HR: 6, HP: 2, JK: 1, JH: 20, KA: 29, KL: 32, LA: 37, LD: 31, MP: 23, MH: 27,
  MN: 14, ML: 17, MZ: 15, NL: 13, OR: 21, OD: 21, PY: 34, PB: 3, RJ: 8, SK: 11, TN: 33, TG: 36,
  TS: 36, TR: 16, UP: 9, UT: 5, UK: 5, UL: 5, WB: 19,
}; // prettier-ignore

/** A code from a CSV cell: blank and LGD's all-zero placeholders ("0", "00000") mean "none". */
export function codeOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' || /^0+$/.test(trimmed) ? null : trimmed;
}
