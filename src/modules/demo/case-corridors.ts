/**
 * Trafficking corridors for the demo cases, after the routes the source documents and NCRB describe:
 * tribal Jharkhand to Delhi homes, Nepal through Raxaul and Sonauli to Mumbai, Bangladesh through
 * Petrapole to Kolkata, Seemanchal Bihar to Punjab and Haryana kilns and farms, Terai UP to Mumbai
 * workshops, Uttarakhand hills to the NCR, plus intra-State routes. Places are LGD district codes,
 * railway station codes, border crossing UN/LOCODEs or foreign countries; the seeder checks each
 * against the reference tables and leaves out any that are missing.
 */
import type { EXPLOITATION_FORMS } from '../cases/codes.ts';

export type FormCode = (typeof EXPLOITATION_FORMS)[number];
/** `d:<LGD district>`, `s:<station code>`, `b:<border crossing LOCODE>` or `c:<ISO country>`. */
export type Place = string;

export interface Corridor {
  key: string;
  sources: Place[];
  /** Alternative transit legs, each a sequence of stops; [] for a direct journey. */
  via: Place[][];
  /** Where victims are exploited; `same` = in the source district itself (online abuse). */
  destinations: Place[] | 'same';
  /** Relative frequency of each primary form of exploitation on this corridor. */
  forms: Partial<Record<FormCode, number>>;
  /** What the labour was, for titles and summaries. */
  labour: string;
}

const DELHI = ['d:79', 'd:77', 'd:82', 'd:85', 'd:83', 'd:84'];
const NCR = ['d:79', 'd:77', 'd:82', 'd:62', 'd:144', 'd:145', 'd:60'];
const MUMBAI = ['d:482', 'd:483', 'd:497', 'd:490'];
const JH_VILLAGES = ['d:331', 'd:340', 'd:326', 'd:342', 'd:606', 'd:336', 'd:343', 'd:337'];
const SEEMANCHAL = ['d:188', 'd:203', 'd:214', 'd:201', 'd:223', 'd:216', 'd:205'];
const TERAI_UP = ['d:125', 'd:164', 'd:181', 'd:127', 'd:182', 'd:147'];
const NORTH_BIHAR = ['d:196', 'd:208', 'd:213', 'd:221', 'd:195', 'd:206', 'd:209'];
const BENGAL = ['d:319', 'd:304', 'd:320', 'd:316', 'd:314', 'd:309', 'd:308', 'd:664'];

export const CORRIDORS: Corridor[] = [
  {
    key: 'jharkhand-delhi',
    sources: JH_VILLAGES,
    via: [['s:RNC'], ['s:HTE'], ['s:JSME'], ['s:RNC', 's:NDLS'], ['s:TATA']],
    destinations: [...DELHI, 'd:62', 'd:144'],
    forms: { domestic_servitude: 8, child_labour: 2, forced_labour: 1, sexual_exploitation: 1, other: 2 },
    labour: 'placement-agency work',
  },
  {
    key: 'jharkhand-bijnor',
    sources: JH_VILLAGES,
    via: [
      ['s:RNC', 'd:132'],
      ['s:DHN', 's:BJO'],
    ],
    destinations: ['d:65', 'd:73', 'd:169', 'd:79'],
    forms: { forced_marriage: 3, domestic_servitude: 2, forced_labour: 1, sexual_exploitation: 1, other: 1 },
    labour: 'farm work',
  },
  {
    key: 'nepal-raxaul',
    sources: ['c:NP'],
    via: [['b:INRXL', 's:RXL'], ['b:INRXL', 's:PNBE'], ['b:INRXL']],
    destinations: [...MUMBAI, 'd:77'],
    forms: { sexual_exploitation: 9, domestic_servitude: 1, forced_labour: 1, other: 1 },
    labour: 'hotel work',
  },
  {
    key: 'nepal-sonauli-varanasi',
    sources: ['c:NP'],
    via: [
      ['b:INSNL', 's:GKP'],
      ['b:INSNL', 's:GKP', 's:BSB'],
      ['b:INSNL', 'd:187'],
    ],
    destinations: ['d:482', 'd:483', 'd:77', 'd:187', 'd:497'],
    forms: { sexual_exploitation: 6, forced_labour: 1, domestic_servitude: 1, other: 1 },
    labour: 'restaurant work',
  },
  {
    key: 'nepal-jogbani',
    sources: ['c:NP'],
    via: [['b:INJBN', 's:KIR'], ['b:INJBN', 's:PNBE'], ['b:INJBN']],
    destinations: ['d:315', 'd:77', 'd:482'],
    forms: { sexual_exploitation: 4, forced_labour: 2, domestic_servitude: 1, other: 1 },
    labour: 'embroidery work',
  },
  {
    key: 'nepal-banbasa-ncr',
    sources: ['c:NP'],
    via: [['b:INBSA', 's:KGM'], ['b:INBSA']],
    destinations: ['d:77', 'd:62', 'd:145', 'd:60'],
    forms: { domestic_servitude: 2, sexual_exploitation: 2, forced_labour: 2, other: 1 },
    labour: 'factory work',
  },
  {
    key: 'bangladesh-petrapole',
    sources: ['c:BD'],
    via: [['b:INPTP'], ['b:INPTP', 's:HWH'], ['b:INPTP', 's:SDAH'], ['b:INLGL'], ['b:INLGL', 's:HWH']],
    destinations: ['d:315', 'd:303', 'd:482', 'd:490', 'd:77', 'd:82'],
    forms: { sexual_exploitation: 7, domestic_servitude: 2, forced_labour: 2, other: 1 },
    labour: 'garment work',
  },
  {
    key: 'seemanchal-punjab-haryana',
    sources: SEEMANCHAL,
    via: [['s:PNBE'], ['s:KIR'], ['s:PRNA'], ['s:SHC'], ['s:ARR', 's:PNBE']],
    destinations: ['d:36', 'd:34', 'd:27', 'd:43', 'd:41', 'd:67', 'd:68', 'd:71', 'd:75', 'd:64', 'd:73'],
    forms: { bonded_labour: 6, forced_labour: 4, child_labour: 2, forced_marriage: 0.5, other: 1 },
    labour: 'brick kilns and farms',
  },
  {
    key: 'terai-up-mumbai',
    sources: TERAI_UP,
    via: [['s:GKP'], ['s:GD'], ['s:LKO'], ['s:GKP', 's:CNB']],
    destinations: MUMBAI,
    forms: { child_labour: 4, forced_labour: 2, domestic_servitude: 1, sexual_exploitation: 1, other: 1 },
    labour: 'zari and embroidery workshops',
  },
  {
    key: 'uttarakhand-ncr',
    sources: ['d:53', 'd:48', 'd:45', 'd:55', 'd:57', 'd:56'],
    via: [['s:DDN'], ['s:HW'], ['s:KGM'], ['s:LKU']],
    destinations: NCR,
    forms: { domestic_servitude: 3, sexual_exploitation: 2, forced_labour: 1, other: 1 },
    labour: 'hotel and factory work',
  },
  {
    key: 'north-bihar-workshops',
    sources: NORTH_BIHAR,
    via: [['s:PNBE'], ['s:MFP'], ['s:GAYA'], ['s:DBG'], ['s:MFP', 's:NDLS']],
    destinations: ['d:102', 'd:82', 'd:85', 'd:459', 'd:482'],
    forms: { child_labour: 5, forced_labour: 2, forced_begging: 1, other: 1 },
    labour: 'bangle and zari workshops',
  },
  {
    key: 'bengal-north-india',
    sources: BENGAL,
    via: [['s:HWH'], ['s:SDAH'], ['s:NJP'], ['s:MLDT'], ['s:HWH', 's:NDLS']],
    destinations: ['d:77', 'd:65', 'd:604', 'd:73', 'd:482', 'd:490'],
    forms: { sexual_exploitation: 4, forced_marriage: 2, domestic_servitude: 2, forced_labour: 1, other: 1 },
    labour: 'construction work',
  },
  {
    key: 'assam-delhi',
    sources: ['d:294', 'd:301', 'd:612', 'd:280'],
    via: [['s:GHY'], ['s:GHY', 's:NJP'], ['s:NBQ']],
    destinations: DELHI,
    forms: { domestic_servitude: 4, sexual_exploitation: 1, forced_labour: 1, other: 1 },
    labour: 'placement-agency work',
  },
  {
    key: 'chhattisgarh-odisha-delhi',
    sources: ['d:380', 'd:389', 'd:365', 'd:370'],
    via: [['s:RNC'], ['s:TATA'], ['s:HTE', 's:NDLS']],
    destinations: DELHI,
    forms: { domestic_servitude: 4, forced_labour: 1, other: 1 },
    labour: 'placement-agency work',
  },
  {
    key: 'sahebganj-theft-gangs',
    sources: ['d:340', 'd:337'],
    via: [['s:SBG'], ['s:SBG', 's:HWH']],
    destinations: ['d:315', 'd:79', 'd:482'],
    forms: { other_illicit_activity: 4, drug_couriers: 1, child_labour: 0.5 },
    labour: 'phone theft',
  },
  {
    key: 'bihar-orchestra',
    sources: ['d:213', 'd:221', 'd:208', 'd:211'],
    via: [[], ['s:MFP']],
    destinations: ['d:218', 'd:222', 'd:197', 'd:224'],
    forms: { sexual_exploitation: 4, forced_labour: 1, child_labour: 1, other: 1 },
    labour: 'orchestra troupes',
  },
  {
    key: 'bengal-kolkata',
    sources: ['d:304', 'd:320', 'd:303', 'd:319'],
    via: [[], ['s:SDAH']],
    destinations: ['d:315', 'd:313', 'd:303'],
    forms: { sexual_exploitation: 6, domestic_servitude: 1, forced_labour: 1, other: 1 },
    labour: 'domestic work',
  },
  {
    key: 'jharkhand-intra',
    sources: ['d:331', 'd:342', 'd:606', 'd:336', 'd:335'],
    via: [[], ['s:RNC']],
    destinations: ['d:339', 'd:325', 'd:327'],
    forms: { domestic_servitude: 3, forced_labour: 1, child_labour: 1, forced_marriage: 0.5, other: 1 },
    labour: 'shops and homes',
  },
  {
    key: 'maharashtra-intra',
    sources: ['d:500', 'd:475', 'd:485', 'd:470', 'd:481'],
    via: [[], ['s:NGP']],
    destinations: ['d:490', 'd:482', 'd:497', 'd:487'],
    forms: { sexual_exploitation: 2, bonded_labour: 2, forced_labour: 2, child_labour: 1, other: 1 },
    labour: 'sugarcane cutting',
  },
  {
    key: 'up-intra',
    sources: ['d:125', 'd:181', 'd:127', 'd:175', 'd:129'],
    via: [[], ['s:LKO']],
    destinations: ['d:162', 'd:157', 'd:120', 'd:171'],
    forms: { child_labour: 3, forced_labour: 1, forced_begging: 1, sexual_exploitation: 1, other: 1 },
    labour: 'brassware and dhaba work',
  },
  {
    key: 'delhi-streets',
    sources: ['d:81', 'd:78', 'd:671', 'd:145'],
    via: [[]],
    destinations: ['d:79', 'd:77', 'd:85'],
    forms: { forced_begging: 3, other_illicit_activity: 1, drug_couriers: 1, other: 1 },
    labour: 'street vending',
  },
  {
    key: 'online-abuse',
    sources: ['d:212', 'd:339', 'd:315', 'd:482', 'd:162', 'd:79', 'd:490'],
    via: [[]],
    destinations: 'same',
    forms: { child_sexual_abuse_material: 6, sexual_exploitation: 1 },
    labour: 'online abuse',
  },
];
