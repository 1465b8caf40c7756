/**
 * Names for the synthetic demo people. Given names come from the CMU Indian names corpus (Latin and
 * Devanagari, with every romanisation it lists for one Devanagari spelling); surnames are a short
 * hand-written list by community. The same person is rendered differently by different States' records
 * ('Md. Salim Sk' / 'Mohammad Saleem Shaikh' / 'मोहम्मद सलीम शेख'), which is what person linkage must see through.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Rng } from './rng.ts';

export type Community =
  'hindi' | 'tribal' | 'bengali' | 'muslim' | 'bangladeshi' | 'nepali' | 'pahari' | 'marathi' | 'punjabi';
export type Sex = 'female' | 'male';

export interface NameForm {
  /** Romanisations, the usual one first. */
  latin: string[];
  hi: string;
}

// Tokens: `Name` (Devanagari looked up in the corpus) or `Name/Variant:देवनागरी` (not in the corpus).
const HINDI_M = `Ramesh Suresh Mahesh Rajesh Rakesh Mukesh Dinesh Santosh Manoj Anil Sunil Vijay Ajay Sanjay Raju Ravi
  Shyam Mohan Sohan Gopal Lakhan Rahul Rohit Amit Vikas Deepak Pankaj Arjun Jitendra Dharmendra Upendra Surendra
  Birendra Naresh Prakash Subhash Ashok Suraj Kishore Jagdish Umesh Kamlesh Shankar Dilip Rajkumar Sushil Mithun
  Guddu Bablu:बबलू Pintu:पिंटू Munna:मुन्ना Chhotu:छोटू Awadhesh:अवधेश`;
const HINDI_F = `Sunita Anita Rekha Pooja Priya Laxmi Geeta Sita Savitri Kavita Reena Meena Shanti Kiran Asha Usha Radha
  Kajal Neha Nisha Roshni Rani Suman Manju Mamta Sangita Sarita Rupa Jyoti Champa Basanti Sushila Sapna Sonam Komal
  Anjali Parvati Durga Kamala Gudiya Khushboo Nirmala Pushpa Chandni Poonam Savita Lalita Meera Tulsi Chanda
  Rinki:रिंकी Babli:बबली Munni:मुन्नी`;
const TRIBAL_M = `Birsa:बिरसा Somra:सोमरा Budhram:बुधराम Etwa/Etwah:एतवा Sukra:सुकरा Karma:करमा Bandhan:बंधन Jitu:जीतू
  Mangal Bhagat Ramesh Suresh Manoj Anil Sunil Vijay Ajit Shankar Raja Shiv`;
const TRIBAL_F = `Phulmani/Phoolmani:फूलमनी Sukhmani:सुखमनी Budhni:बुधनी Jasinta/Jacinta:जसिंता Sushila Savitri Basanti
  Champa Shanti Sunita Anita Rinki:रिंकी Lalita Kiran Sarita Tara Meena Jyoti Anjali`;
const BENGALI_M = `Tapan Prakash Subhash Ashok Gopal Somnath Ranjit Sujit Dilip Mithun Shankar Bikash/Bikas:बिकाश
  Biswajit/Bishwajit:बिस्वजीत Tarun Goutam/Gautam:गौतम Sukumar`;
const BENGALI_F = `Rupa Mamata Sonali Sangita Anjali Reena Kajal Sabita Ruma Mitali Kalpana Laxmi Shanti Puja Tumpa:टुम्पा
  Jhuma:झुमा Mousumi/Moushumi:मौसुमी Rumpa:रुम्पा Moni:मोनी`;
const MUSLIM_M = `Salim Anwar Jamal Rahim Imran Irfan Aarif Shahid Waseem Iqbal Mustafa Babul Rafiq/Rafique:रफ़ीक
  Nasir/Naseer:नासिर Kalam:कलाम Jahangir:जहाँगीर Akbar/Akber:अकबर Sajid:साजिद Yusuf/Yousuf:यूसुफ़
  Sirajul:सिराजुल Rubel:रुबेल Alamgir:आलमगीर`;
const MUSLIM_F = `Shabnam Salma Reshma Farida Ameena Shabana Mumtaz Hasina Najma Shahnaz Sakina Ayesha Fatima Sultana
  Jahanara Rukhsana/Rukhsar:रुख़साना Nasreen/Nasrin:नसरीन Rehana/Rahana:रेहाना Sabina:सबीना Rubina:रुबीना`;
const NEPALI_M = `Bishnu/Bisnu:बिष्णु Hari Ram Krishna Dil/Dill:दिल Prem Suraj Santosh Shyam Ganesh Raju Bhim`;
const NEPALI_F = `Sita Maya Sarita Sunita Laxmi Anita Rita Sushmita Kalpana Gita Pabitra/Pavitra:पवित्रा
  Kanchhi/Kanchi:कान्छी Sabina:सबीना Tara`;
const PAHARI_M = `Rajendra Suresh Dinesh Mahesh Prakash Mohan Deepak Pankaj Ganesh Kishore Umesh Gopal`;
const PAHARI_F = `Kamala Sunita Geeta Savitri Radhika Pushpa Lalita Meera Ganga Jamuna Saraswati Kalpana`;
const MARATHI_M = `Sachin Ganesh Santosh Vijay Prakash Sunil Anil Ramesh Dinesh Nitin Dilip Rajendra`;
const MARATHI_F = `Sangita Sunita Kavita Rekha Asha Manisha Savita Lalita Kalpana Sarita Jyoti`;
const PUNJABI_M = `Gurpreet Harjeet Kuldeep Baldev Surjeet Sukhdev Jaswinder:जसविंदर Balwinder:बलविंदर`;
const PUNJABI_F = `Gurpreet Harjeet Kuldeep:कुलदीप Manjit:मनजीत Paramjit:परमजीत`;

const SURNAMES: Record<Community, string> = {
  hindi: `Yadav/Yadava:यादव Paswan/Paswaan:पासवान Singh:सिंह Ram:राम Manjhi/Majhi:मांझी Sah/Shah/Saw:साह
    Mahto/Mahato:महतो Prasad/Prashad:प्रसाद Gupta:गुप्ता Verma/Varma:वर्मा Nishad:निषाद Chauhan:चौहान
    Maurya/Mourya:मौर्य Pandey/Panday:पांडेय Rajak:रजक`,
  tribal: `Oraon/Uraon/Oran:उरांव Munda:मुंडा Tirkey/Tirki:तिर्की Kujur/Kujoor:कुजूर Lakra/Lakda:लकड़ा Ekka:एक्का
    Minz/Minj:मिंज Toppo:टोप्पो Hembrom/Hembram:हेम्ब्रम Soren:सोरेन Murmu/Murmoo:मुर्मू Hansda/Hansdah:हांसदा
    Kerketta:केरकेट्टा`,
  bengali: `Mondal/Mandal:मंडल Das:दास Biswas/Bishwas:बिस्वास Ghosh:घोष Sardar:सरदार Naskar/Laskar:नस्कर
    Halder/Haldar:हालदार Roy/Ray:रॉय Barman/Burman:बर्मन Bag:बाग`,
  muslim: `Ansari/Ansary:अंसारी Khan:खान Shaikh/Sheikh/Sk:शेख Ali:अली Ahmed/Ahmad:अहमद Siddiqui/Siddiqi:सिद्दीकी
    Qureshi/Kureshi:क़ुरैशी Alam:आलम Hussain/Hossain/Husain:हुसैन Rahman/Rehman:रहमान`,
  bangladeshi: `Shaikh/Sheikh/Sk:शेख Mia/Miah/Mian:मियां Hossain/Hussain:हुसैन Rahman/Rehman:रहमान Islam:इस्लाम
    Uddin/Uddeen:उद्दीन Sarkar/Sircar:सरकार Mondal/Mandal:मंडल`,
  nepali: `Tamang:तामांग Thapa:थापा Gurung:गुरुंग Magar:मगर Rai:राई Shrestha/Shresta:श्रेष्ठ
    BK/Bishwakarma/Biswakarma:विश्वकर्मा Lama:लामा`,
  pahari: `Negi:नेगी Rawat:रावत Bisht/Bist:बिष्ट Joshi:जोशी Bhatt/Bhat:भट्ट Kohli:कोहली`,
  marathi: `Patil:पाटिल Jadhav:जाधव Pawar/Powar:पवार Shinde:शिंदे Kamble:कांबले More:मोरे Gaikwad:गायकवाड़`,
  punjabi: `Singh:सिंह Sandhu:संधू Gill:गिल Malik:मलिक Sangwan:सांगवान Dahiya:दहिया`,
};

/** What women and girls are often recorded with instead of the family surname. */
const FEMALE_SURNAMES = `Kumari:कुमारी Devi:देवी Khatun/Khatoon:खातून Bibi:बीबी Begum/Begam:बेगम Akter/Akhter/Akhtar:अख्तर
  Kaur:कौर Bano/Banu:बानो`;
const MOHAMMAD: NameForm = { latin: ['Mohammad', 'Mohammed', 'Muhammad', 'Mohd.', 'Md.'], hi: 'मोहम्मद' };

export interface NameBook {
  given(community: Community, sex: Sex): NameForm[];
  surnames(community: Community): NameForm[];
  female(label: 'Kumari' | 'Devi' | 'Khatun' | 'Bibi' | 'Begum' | 'Akter' | 'Kaur' | 'Bano'): NameForm;
}

function parseForms(list: string, corpus: Map<string, string>, variants: Map<string, string[]>): NameForm[] {
  const forms: NameForm[] = [];
  for (const token of list.split(/\s+/).filter(Boolean)) {
    const [spellings = '', explicit] = token.split(':');
    const latin = spellings.split('/');
    const hi = explicit ?? corpus.get(latin[0] ?? '');
    if (!hi) continue; // not in the corpus and no hand-written Devanagari: leave it out
    forms.push({ latin: [...new Set([...latin, ...(variants.get(hi) ?? [])])], hi });
  }
  return forms;
}

/** Reads the CMU corpus from the reference data folder (names/cmu_indian_names_en_hi.tsv). */
export function loadNameBook(referenceDir: string): NameBook {
  const file = path.join(referenceDir, 'names', 'cmu_indian_names_en_hi.tsv');
  const corpus = new Map<string, string>();
  const variants = new Map<string, string[]>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
    const [latin, hi] = line.split('#')[0]?.trim().split('\t') ?? [];
    if (!latin || !hi) continue;
    if (!corpus.has(latin)) corpus.set(latin, hi);
    const known = variants.get(hi) ?? [];
    if (!known.includes(latin)) variants.set(hi, [...known, latin]);
  }
  const parse = (list: string) => parseForms(list, corpus, variants);
  const given: Record<Community, Record<Sex, NameForm[]>> = {
    hindi: { male: parse(HINDI_M), female: parse(HINDI_F) },
    tribal: { male: parse(TRIBAL_M), female: parse(TRIBAL_F) },
    bengali: { male: parse(BENGALI_M), female: parse(BENGALI_F) },
    muslim: { male: parse(MUSLIM_M), female: parse(MUSLIM_F) },
    bangladeshi: { male: parse(MUSLIM_M), female: parse(MUSLIM_F) },
    nepali: { male: parse(NEPALI_M), female: parse(NEPALI_F) },
    pahari: { male: parse(PAHARI_M), female: parse(PAHARI_F) },
    marathi: { male: parse(MARATHI_M), female: parse(MARATHI_F) },
    punjabi: { male: parse(PUNJABI_M), female: parse(PUNJABI_F) },
  };
  const surnames = Object.fromEntries(
    Object.entries(SURNAMES).map(([community, list]) => [community, parse(list)]),
  ) as Record<Community, NameForm[]>;
  const female = new Map(parse(FEMALE_SURNAMES).map((form) => [form.latin[0] ?? '', form]));
  return {
    given: (community, sex) => given[community][sex],
    surnames: (community) => surnames[community],
    female(label) {
      const form = female.get(label);
      if (!form) throw new Error(`no female surname ${label}`);
      return form;
    },
  };
}

/** A synthetic person's fixed name parts; how a record spells them varies. */
export interface PersonName {
  given: NameForm;
  surname: NameForm;
  /** Muslim men are often recorded with Md./Mohammad before the given name, sometimes without. */
  prefixed: boolean;
  fatherGiven: NameForm;
  fatherSurname: NameForm;
}

export function newPersonName(
  rng: Rng,
  book: NameBook,
  community: Community,
  sex: Sex,
  adult: boolean,
): PersonName {
  const muslim = community === 'muslim' || community === 'bangladeshi';
  const family = rng.pick(book.surnames(community));
  let surname = family;
  if (sex === 'female') {
    if (muslim && rng.chance(0.6)) {
      const labels =
        community === 'bangladeshi'
          ? (['Akter', 'Khatun', 'Begum'] as const)
          : (['Khatun', 'Bibi', 'Bano'] as const);
      surname = book.female(rng.pick(labels));
    } else if ((community === 'hindi' && rng.chance(0.6)) || (community === 'tribal' && rng.chance(0.25))) {
      surname = book.female(adult ? 'Devi' : 'Kumari');
    } else if (community === 'punjabi') surname = book.female('Kaur');
  }
  const given = rng.pick(book.given(community, sex));
  let fatherGiven = rng.pick(book.given(community, 'male'));
  while (fatherGiven === given) fatherGiven = rng.pick(book.given(community, 'male'));
  return {
    given,
    surname,
    prefixed: muslim && sex === 'male' && rng.chance(0.5),
    fatherGiven,
    fatherSurname: family,
  };
}

/** How a State's record tends to spell names: Hindi-belt records often in Devanagari, Bengal abbreviates. */
export type Spelling = 'usual' | 'variant' | 'abbreviated' | 'devanagari';

export function spellingFor(rng: Rng, stateLgd: number): Spelling {
  const hindiBelt = [9, 10, 20, 7].includes(stateLgd);
  if (hindiBelt)
    return rng.weighted([
      ['devanagari', 0.35],
      ['variant', 0.4],
      ['usual', 0.25],
    ] as const);
  if (stateLgd === 19)
    return rng.weighted([
      ['abbreviated', 0.5],
      ['variant', 0.3],
      ['usual', 0.2],
    ] as const);
  return rng.weighted([
    ['usual', 0.55],
    ['variant', 0.45],
  ] as const);
}

function spell(rng: Rng, form: NameForm, spelling: Spelling): string {
  if (spelling === 'devanagari') return form.hi;
  if (spelling === 'usual') return form.latin[0] ?? form.hi;
  if (spelling === 'abbreviated') return [...form.latin].sort((a, b) => a.length - b.length)[0] ?? form.hi;
  return rng.pick(form.latin);
}

export function renderName(rng: Rng, name: PersonName, spelling: Spelling): { name: string; father: string } {
  const parts: string[] = [];
  // A record drops the Md. now and then; 'usual' keeps it, so the canonical spelling is stable.
  if (name.prefixed && (spelling === 'usual' || rng.chance(0.75))) parts.push(spell(rng, MOHAMMAD, spelling));
  parts.push(spell(rng, name.given, spelling));
  // Records now and then carry the given name only (with the father's name beside it).
  if (spelling === 'usual' || rng.chance(0.93)) parts.push(spell(rng, name.surname, spelling));
  const father = [spell(rng, name.fatherGiven, spelling), spell(rng, name.fatherSurname, spelling)];
  return { name: parts.join(' '), father: father.join(' ') };
}
