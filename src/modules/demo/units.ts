/**
 * Synthetic units and accounts for demonstration. Names are clearly marked "(demo)" so nobody mistakes
 * them for real offices; places are real LGD districts so maps and routes make sense.
 */
import type { Role } from '../../server/access.ts';

export type UnitKind =
  | 'nodal_cell'
  | 'state_nodal_office'
  | 'ahtu'
  | 'police_station'
  | 'border_unit'
  | 'railway_post'
  | 'ngo'
  | 'shelter_home'
  | 'cwc'
  | 'dlsa'
  | 'prosecution'
  | 'court'
  | 'training_institute';

export interface DemoUnit {
  key: string;
  kind: UnitKind;
  name: string;
  nameHi?: string;
  state?: number;
  district?: number;
  force?: string;
  parent?: string;
}

export interface DemoAccount {
  username: string;
  displayName: string;
  role: Role;
  unit: string;
}

// LGD State codes.
const UP = 9;
const BIHAR = 10;
const JHARKHAND = 20;
const WEST_BENGAL = 19;
const DELHI = 7;
const MAHARASHTRA = 27;

const stateOffices: DemoUnit[] = [
  {
    key: 'up',
    kind: 'state_nodal_office',
    name: 'AHT State Nodal Office, Uttar Pradesh (demo)',
    nameHi: 'मानव तस्करी विरोधी राज्य नोडल कार्यालय, उत्तर प्रदेश (डेमो)',
    state: UP,
  },
  {
    key: 'br',
    kind: 'state_nodal_office',
    name: 'AHT State Nodal Office, Bihar (demo)',
    nameHi: 'मानव तस्करी विरोधी राज्य नोडल कार्यालय, बिहार (डेमो)',
    state: BIHAR,
  },
  {
    key: 'jh',
    kind: 'state_nodal_office',
    name: 'AHT State Nodal Office, Jharkhand (demo)',
    nameHi: 'मानव तस्करी विरोधी राज्य नोडल कार्यालय, झारखंड (डेमो)',
    state: JHARKHAND,
  },
  {
    key: 'wb',
    kind: 'state_nodal_office',
    name: 'AHT State Nodal Office, West Bengal (demo)',
    nameHi: 'मानव तस्करी विरोधी राज्य नोडल कार्यालय, पश्चिम बंगाल (डेमो)',
    state: WEST_BENGAL,
  },
  {
    key: 'dl',
    kind: 'state_nodal_office',
    name: 'AHT State Nodal Office, Delhi (demo)',
    nameHi: 'मानव तस्करी विरोधी राज्य नोडल कार्यालय, दिल्ली (डेमो)',
    state: DELHI,
  },
  {
    key: 'mh',
    kind: 'state_nodal_office',
    name: 'AHT State Nodal Office, Maharashtra (demo)',
    nameHi: 'मानव तस्करी विरोधी राज्य नोडल कार्यालय, महाराष्ट्र (डेमो)',
    state: MAHARASHTRA,
  },
];

/** District AHTUs: [key, state key, state code, district LGD code, district name]. */
const ahtuDistricts: [string, string, number, number, string][] = [
  ['up-lucknow', 'up', UP, 162, 'Lucknow'],
  ['up-varanasi', 'up', UP, 187, 'Varanasi'],
  ['up-bijnor', 'up', UP, 132, 'Bijnor'],
  ['up-moradabad', 'up', UP, 171, 'Moradabad'],
  ['up-maharajganj', 'up', UP, 164, 'Maharajganj'],
  ['up-bahraich', 'up', UP, 125, 'Bahraich'],
  ['br-patna', 'br', BIHAR, 212, 'Patna'],
  ['br-purbi-champaran', 'br', BIHAR, 213, 'Purbi Champaran'],
  ['br-araria', 'br', BIHAR, 188, 'Araria'],
  ['br-kishanganj', 'br', BIHAR, 203, 'Kishanganj'],
  ['br-muzaffarpur', 'br', BIHAR, 208, 'Muzaffarpur'],
  ['br-gaya', 'br', BIHAR, 196, 'Gaya'],
  ['jh-ranchi', 'jh', JHARKHAND, 339, 'Ranchi'],
  ['jh-gumla', 'jh', JHARKHAND, 331, 'Gumla'],
  ['jh-sahebganj', 'jh', JHARKHAND, 340, 'Sahebganj'],
  ['jh-dumka', 'jh', JHARKHAND, 326, 'Dumka'],
  ['wb-kolkata', 'wb', WEST_BENGAL, 315, 'Kolkata'],
  ['wb-24pgs-north', 'wb', WEST_BENGAL, 303, '24 Paraganas North'],
  ['wb-24pgs-south', 'wb', WEST_BENGAL, 304, '24 Paraganas South'],
  ['wb-murshidabad', 'wb', WEST_BENGAL, 319, 'Murshidabad'],
  ['wb-jalpaiguri', 'wb', WEST_BENGAL, 314, 'Jalpaiguri'],
  ['wb-darjeeling', 'wb', WEST_BENGAL, 309, 'Darjeeling'],
  ['dl-new-delhi', 'dl', DELHI, 79, 'New Delhi'],
  ['dl-central', 'dl', DELHI, 77, 'Central Delhi'],
  ['dl-north-west', 'dl', DELHI, 82, 'North West Delhi'],
  ['mh-mumbai', 'mh', MAHARASHTRA, 482, 'Mumbai'],
  ['mh-mumbai-suburban', 'mh', MAHARASHTRA, 483, 'Mumbai Suburban'],
  ['mh-thane', 'mh', MAHARASHTRA, 497, 'Thane'],
  ['mh-pune', 'mh', MAHARASHTRA, 490, 'Pune'],
  ['mh-nagpur', 'mh', MAHARASHTRA, 484, 'Nagpur'],
];

const districtUnits: DemoUnit[] = ahtuDistricts.flatMap(([key, parent, state, district, name]) => [
  {
    key: `${key}-ahtu`,
    kind: 'ahtu',
    name: `AHTU ${name} (demo)`,
    nameHi: `एएचटीयू ${name} (डेमो)`,
    state,
    district,
    parent,
  },
  {
    key: `${key}-ps`,
    kind: 'police_station',
    name: `Kotwali Police Station, ${name} (demo)`,
    state,
    district,
    parent: `${key}-ahtu`,
  },
]);

const otherUnits: DemoUnit[] = [
  {
    key: 'nodal-cell',
    kind: 'nodal_cell',
    name: 'MHA Anti Trafficking Nodal Cell (demo)',
    nameHi: 'गृह मंत्रालय मानव तस्करी विरोधी नोडल प्रकोष्ठ (डेमो)',
  },
  {
    key: 'ssb-raxaul',
    kind: 'border_unit',
    name: 'SSB Border Out Post Raxaul (demo)',
    state: BIHAR,
    district: 213,
    force: 'SSB',
    parent: 'br',
  },
  {
    key: 'ssb-sonauli',
    kind: 'border_unit',
    name: 'SSB Border Out Post Sonauli (demo)',
    state: UP,
    district: 164,
    force: 'SSB',
    parent: 'up',
  },
  {
    key: 'ssb-jogbani',
    kind: 'border_unit',
    name: 'SSB Border Out Post Jogbani (demo)',
    state: BIHAR,
    district: 188,
    force: 'SSB',
    parent: 'br',
  },
  {
    key: 'bsf-petrapole',
    kind: 'border_unit',
    name: 'BSF Border Out Post Petrapole (demo)',
    state: WEST_BENGAL,
    district: 303,
    force: 'BSF',
    parent: 'wb',
  },
  {
    key: 'rpf-patna',
    kind: 'railway_post',
    name: 'RPF Post Patna Junction (demo)',
    state: BIHAR,
    district: 212,
    force: 'RPF',
    parent: 'br',
  },
  {
    key: 'rpf-ranchi',
    kind: 'railway_post',
    name: 'RPF Post Ranchi (demo)',
    state: JHARKHAND,
    district: 339,
    force: 'RPF',
    parent: 'jh',
  },
  {
    key: 'grp-howrah',
    kind: 'railway_post',
    name: 'GRP Post Howrah (demo)',
    state: WEST_BENGAL,
    district: 315,
    force: 'GRP',
    parent: 'wb',
  },
  {
    key: 'rpf-new-delhi',
    kind: 'railway_post',
    name: 'RPF Post New Delhi (demo)',
    state: DELHI,
    district: 79,
    force: 'RPF',
    parent: 'dl',
  },
  {
    key: 'grp-mumbai-csmt',
    kind: 'railway_post',
    name: 'GRP Post Mumbai CSMT (demo)',
    state: MAHARASHTRA,
    district: 482,
    force: 'GRP',
    parent: 'mh',
  },
  {
    key: 'ngo-delhi',
    kind: 'ngo',
    name: 'Surakshit Bachpan Trust, Delhi (demo NGO)',
    state: DELHI,
    district: 82,
  },
  {
    key: 'ngo-kolkata',
    kind: 'ngo',
    name: 'Nirbhaya Sahayata Samiti, Kolkata (demo NGO)',
    state: WEST_BENGAL,
    district: 315,
  },
  {
    key: 'ngo-ranchi',
    kind: 'ngo',
    name: 'Jharkhand Bal Adhikar Manch, Ranchi (demo NGO)',
    state: JHARKHAND,
    district: 339,
  },
  {
    key: 'cci-delhi',
    kind: 'shelter_home',
    name: 'Government Children Home for Girls, Delhi (demo)',
    state: DELHI,
    district: 82,
  },
  {
    key: 'cci-mumbai',
    kind: 'shelter_home',
    name: 'Child Care Institution, Mumbai (demo)',
    state: MAHARASHTRA,
    district: 483,
  },
  {
    key: 'cwc-delhi',
    kind: 'cwc',
    name: 'Child Welfare Committee, North West Delhi (demo)',
    state: DELHI,
    district: 82,
  },
  {
    key: 'cwc-ranchi',
    kind: 'cwc',
    name: 'Child Welfare Committee, Ranchi (demo)',
    state: JHARKHAND,
    district: 339,
  },
  {
    key: 'dlsa-patna',
    kind: 'dlsa',
    name: 'District Legal Services Authority, Patna (demo)',
    state: BIHAR,
    district: 212,
  },
  {
    key: 'pros-patna',
    kind: 'prosecution',
    name: 'Office of the Public Prosecutor, Patna (demo)',
    state: BIHAR,
    district: 212,
  },
  { key: 'court-patna', kind: 'court', name: 'Sessions Court, Patna (demo)', state: BIHAR, district: 212 },
  {
    key: 'academy-up',
    kind: 'training_institute',
    name: 'Police Training College, Moradabad (demo)',
    state: UP,
    district: 171,
    parent: 'up',
  },
];

export const DEMO_UNITS: DemoUnit[] = [...otherUnits, ...stateOffices, ...districtUnits];

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'nodal.analyst',
    displayName: 'Anjali Verma (demo)',
    role: 'national_analyst',
    unit: 'nodal-cell',
  },
  { username: 'nodal.admin', displayName: 'Rakesh Menon (demo)', role: 'system_admin', unit: 'nodal-cell' },
  { username: 'nodal.auditor', displayName: 'Farida Qureshi (demo)', role: 'auditor', unit: 'nodal-cell' },
  { username: 'up.nodal', displayName: 'Vikram Singh (demo)', role: 'state_nodal_officer', unit: 'up' },
  {
    username: 'up.lucknow.ahtu',
    displayName: 'Sunita Yadav (demo)',
    role: 'district_officer',
    unit: 'up-lucknow-ahtu',
  },
  {
    username: 'up.varanasi.ahtu',
    displayName: 'Alok Mishra (demo)',
    role: 'district_officer',
    unit: 'up-varanasi-ahtu',
  },
  { username: 'up.trainer', displayName: 'Meera Srivastava (demo)', role: 'trainer', unit: 'academy-up' },
  { username: 'br.nodal', displayName: 'Sanjay Kumar (demo)', role: 'state_nodal_officer', unit: 'br' },
  { username: 'br.admin', displayName: 'Pooja Sinha (demo)', role: 'system_admin', unit: 'br' },
  {
    username: 'br.patna.ahtu',
    displayName: 'Md. Salim Ansari (demo)',
    role: 'district_officer',
    unit: 'br-patna-ahtu',
  },
  {
    username: 'br.champaran.ahtu',
    displayName: 'Ravi Ranjan (demo)',
    role: 'district_officer',
    unit: 'br-purbi-champaran-ahtu',
  },
  { username: 'jh.nodal', displayName: 'Asha Tirkey (demo)', role: 'state_nodal_officer', unit: 'jh' },
  {
    username: 'jh.ranchi.ahtu',
    displayName: 'Birsa Oraon (demo)',
    role: 'district_officer',
    unit: 'jh-ranchi-ahtu',
  },
  { username: 'wb.nodal', displayName: 'Debashis Ghosh (demo)', role: 'state_nodal_officer', unit: 'wb' },
  {
    username: 'wb.kolkata.ahtu',
    displayName: 'Rupa Banerjee (demo)',
    role: 'district_officer',
    unit: 'wb-kolkata-ahtu',
  },
  { username: 'dl.nodal', displayName: 'Harpreet Kaur (demo)', role: 'state_nodal_officer', unit: 'dl' },
  {
    username: 'dl.newdelhi.ahtu',
    displayName: 'Amit Chauhan (demo)',
    role: 'district_officer',
    unit: 'dl-new-delhi-ahtu',
  },
  { username: 'mh.nodal', displayName: 'Sachin Patil (demo)', role: 'state_nodal_officer', unit: 'mh' },
  {
    username: 'mh.mumbai.ahtu',
    displayName: 'Neha Deshmukh (demo)',
    role: 'district_officer',
    unit: 'mh-mumbai-ahtu',
  },
  {
    username: 'ssb.raxaul',
    displayName: 'Inspector Tenzing Lama (demo)',
    role: 'liaison_officer',
    unit: 'ssb-raxaul',
  },
  {
    username: 'bsf.petrapole',
    displayName: 'Inspector Kamal Hossain (demo)',
    role: 'liaison_officer',
    unit: 'bsf-petrapole',
  },
  {
    username: 'rpf.patna',
    displayName: 'Sub-Inspector Nitin Jha (demo)',
    role: 'liaison_officer',
    unit: 'rpf-patna',
  },
  { username: 'ngo.delhi', displayName: 'Shabnam Khan (demo)', role: 'ngo_caseworker', unit: 'ngo-delhi' },
  { username: 'ngo.kolkata', displayName: 'Ishita Roy (demo)', role: 'ngo_caseworker', unit: 'ngo-kolkata' },
];

/** One shared password for every demo account; demo accounts cannot sign in outside demo mode. */
export const DEMO_PASSWORD = 'Setu-demo-2026!';
