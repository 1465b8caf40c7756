/**
 * Name material for the generator: given names from the CMU Latin↔Devanagari list (read from the shared
 * reference folder, never copied here), family names and their spellings written out below with rough
 * weights for North and East India, where Kumar, Devi, Singh and Kumari dominate registers.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface NameGroup {
  hindi: string;
  latin: string[];
  female: boolean;
}

export interface Surname {
  hindi: string;
  latin: string[];
  weight: number;
  sex?: 'm' | 'f';
  muslim?: boolean;
}

export const referenceDir = () => process.env.SETU_REFERENCE_DIR ?? path.resolve('../shared/data');

export function loadGivenNames(): NameGroup[] {
  const text = fs.readFileSync(path.join(referenceDir(), 'names/cmu_indian_names_en_hi.tsv'), 'utf8');
  const groups = new Map<string, Set<string>>();
  for (const line of text.split('\n').slice(1)) {
    const [latin, hindi] = line.trim().split('\t');
    if (!latin || !hindi || /\s/.test(hindi) || !/^[A-Za-z]+$/.test(latin)) continue;
    const set = groups.get(hindi) ?? new Set<string>();
    set.add(latin);
    groups.set(hindi, set);
  }
  // Hindi given names ending in ā or ī are mostly women's (Aarti, Meena, Rajni).
  return [...groups].map(([hindi, latin]) => ({ hindi, latin: [...latin], female: /[ाी]$/.test(hindi) }));
}

export const SURNAMES: Surname[] = [
  { hindi: 'कुमार', latin: ['Kumar', 'Kumaar', 'Kr.'], weight: 80, sex: 'm' },
  { hindi: 'देवी', latin: ['Devi', 'Debi', 'Devee'], weight: 70, sex: 'f' },
  { hindi: 'सिंह', latin: ['Singh', 'Sing'], weight: 60 },
  { hindi: 'कुमारी', latin: ['Kumari', 'Kumary'], weight: 50, sex: 'f' },
  { hindi: 'यादव', latin: ['Yadav', 'Yadava'], weight: 30 },
  { hindi: 'खातून', latin: ['Khatun', 'Khatoon'], weight: 20, sex: 'f', muslim: true },
  { hindi: 'शेख', latin: ['Shaikh', 'Sheikh', 'Sk', 'Shaik'], weight: 18, muslim: true },
  { hindi: 'अंसारी', latin: ['Ansari', 'Ansary'], weight: 15, muslim: true },
  { hindi: 'ख़ान', latin: ['Khan', 'Khaan'], weight: 15, muslim: true },
  { hindi: 'बेगम', latin: ['Begum', 'Begam'], weight: 10, sex: 'f', muslim: true },
  { hindi: 'मंडल', latin: ['Mandal', 'Mondal'], weight: 15 },
  { hindi: 'दास', latin: ['Das', 'Dass'], weight: 15 },
  { hindi: 'पासवान', latin: ['Paswan', 'Paswaan'], weight: 12 },
  { hindi: 'महतो', latin: ['Mahto', 'Mahato'], weight: 12 },
  { hindi: 'शर्मा', latin: ['Sharma', 'Sarma'], weight: 14 },
  { hindi: 'वर्मा', latin: ['Verma', 'Varma', 'Werma'], weight: 10 },
  { hindi: 'गुप्ता', latin: ['Gupta', 'Gupt'], weight: 10 },
  { hindi: 'मिश्रा', latin: ['Mishra', 'Misra'], weight: 9 },
  { hindi: 'पांडेय', latin: ['Pandey', 'Panday', 'Pande'], weight: 9 },
  { hindi: 'तिवारी', latin: ['Tiwari', 'Tiwary', 'Tewari'], weight: 8 },
  { hindi: 'साहू', latin: ['Sahu', 'Sahoo'], weight: 8 },
  { hindi: 'प्रसाद', latin: ['Prasad', 'Prashad'], weight: 8 },
  { hindi: 'राम', latin: ['Ram'], weight: 7, sex: 'm' },
  { hindi: 'मांझी', latin: ['Manjhi', 'Majhi'], weight: 7 },
  { hindi: 'उरांव', latin: ['Oraon', 'Uraon'], weight: 6 },
  { hindi: 'मुंडा', latin: ['Munda'], weight: 6 },
  { hindi: 'निषाद', latin: ['Nishad', 'Nisad'], weight: 5 },
  { hindi: 'कुशवाहा', latin: ['Kushwaha', 'Kushvaha'], weight: 5 },
  { hindi: 'ठाकुर', latin: ['Thakur', 'Thakkur'], weight: 6 },
  { hindi: 'चौहान', latin: ['Chauhan', 'Chouhan'], weight: 5 },
  { hindi: 'पटेल', latin: ['Patel'], weight: 6 },
  { hindi: 'झा', latin: ['Jha'], weight: 4 },
  { hindi: 'सिद्दीकी', latin: ['Siddiqui', 'Siddiqi', 'Siddiki'], weight: 4, muslim: true },
  { hindi: 'क़ुरैशी', latin: ['Qureshi', 'Kureshi', 'Quraishi'], weight: 4, muslim: true },
  { hindi: 'आलम', latin: ['Alam'], weight: 4, muslim: true },
  { hindi: 'बिस्वास', latin: ['Biswas', 'Bishwas'], weight: 4 },
  { hindi: 'घोष', latin: ['Ghosh', 'Ghose'], weight: 3 },
  { hindi: 'मुखर्जी', latin: ['Mukherjee', 'Mukharji'], weight: 3 },
  { hindi: 'चौधरी', latin: ['Choudhary', 'Chaudhary', 'Chowdhury'], weight: 6 },
  { hindi: 'राजपूत', latin: ['Rajput'], weight: 3 },
  { hindi: 'बैठा', latin: ['Baitha'], weight: 3 },
  { hindi: 'रविदास', latin: ['Ravidas', 'Ravidass', 'Rabidas'], weight: 4 },
  { hindi: 'तमांग', latin: ['Tamang'], weight: 3 },
  { hindi: 'लामा', latin: ['Lama'], weight: 2 },
  { hindi: 'हांसदा', latin: ['Hansda', 'Hansdah'], weight: 3 },
  { hindi: 'मुर्मू', latin: ['Murmu'], weight: 3 },
  { hindi: 'सोरेन', latin: ['Soren'], weight: 3 },
  { hindi: 'टुडू', latin: ['Tudu'], weight: 3 },
  { hindi: 'हेम्ब्रम', latin: ['Hembrom', 'Hembram'], weight: 3 },
];

/** The Mohammad prefix as registers write it, Latin and Devanagari. */
export const MOHAMMAD = ['Mohammad', 'Md.', 'Mohd.', 'Mohammed', 'Muhammad', 'Md'];
export const MOHAMMAD_HINDI = 'मोहम्मद';
