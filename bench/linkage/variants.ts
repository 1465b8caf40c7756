/** The errors registers make: spellings by ear, typos, and the date formats clerks write. */
type Random = () => number;

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)] as T;

/** Spelling changes people make when they romanise by ear. */
const RESPELL: [RegExp, string][] = [
  [/ee/, 'i'],
  [/i(?=[^aeiou]|$)/, 'ee'],
  [/oo/, 'u'],
  [/u/, 'oo'],
  [/w/, 'v'],
  [/v/, 'w'],
  [/sh/, 's'],
  [/aa/, 'a'],
  [/a$/, ''],
  [/([^aeiou])$/, '$1a'],
  [/ph/, 'f'],
  [/ksh/, 'x'],
  [/x/, 'ksh'],
  [/th/, 't'],
  [/([kgtdpbsrnlm])(?=[aeiou])/, '$1$1'],
  [/z/, 'j'],
  [/i$/, 'y'],
  [/y$/, 'i'],
];

export function respell(name: string, random: Random): string {
  const rules = RESPELL.filter(([re]) => re.test(name.toLowerCase()));
  if (rules.length === 0) return name;
  const [re, to] = pick(rules, random);
  const out = name.toLowerCase().replace(re, to);
  return out.charAt(0).toUpperCase() + out.slice(1);
}

export function typo(name: string, random: Random): string {
  if (name.length < 4) return name;
  const i = 1 + Math.floor(random() * (name.length - 2));
  const letters = 'aeiourstnmkhlpd';
  switch (Math.floor(random() * 4)) {
    case 0:
      return name.slice(0, i) + name.slice(i + 1);
    case 1:
      return name.slice(0, i) + letters.charAt(Math.floor(random() * letters.length)) + name.slice(i + 1);
    case 2:
      return name.slice(0, i) + letters.charAt(Math.floor(random() * letters.length)) + name.slice(i);
    default:
      return name.slice(0, i) + (name[i + 1] ?? '') + (name[i] ?? '') + name.slice(i + 2);
  }
}

export const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(d: Date, random: Random): string {
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const r = random();
  if (r < 0.4) return `${y}-${pad(m)}-${pad(day)}`;
  if (r < 0.8) return `${pad(day)}/${pad(m)}/${y}`;
  if (r < 0.9) return `${pad(day)}-${pad(m)}-${y}`;
  return `${day} ${MONTHS[m - 1] ?? 'Jan'} ${y}`;
}
