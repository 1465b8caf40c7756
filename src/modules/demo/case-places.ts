/** Who lives where along the corridors, and which demo AHTU registers a case for a place. */
import type { Place } from './case-corridors.ts';
import type { Community } from './case-names.ts';

/** Who lives where, roughly: the community a person from a State is drawn from. */
const STATE_COMMUNITIES: Record<number, [Community, number][]> = {
  9: [
    ['hindi', 0.75],
    ['muslim', 0.25],
  ],
  10: [
    ['hindi', 0.75],
    ['muslim', 0.25],
  ],
  20: [
    ['tribal', 0.5],
    ['hindi', 0.3],
    ['muslim', 0.2],
  ],
  19: [
    ['bengali', 0.6],
    ['muslim', 0.4],
  ],
  7: [
    ['hindi', 0.6],
    ['muslim', 0.25],
    ['punjabi', 0.15],
  ],
  27: [
    ['marathi', 0.5],
    ['muslim', 0.3],
    ['hindi', 0.2],
  ],
  5: [['pahari', 1]],
  3: [['punjabi', 1]],
  6: [
    ['punjabi', 0.7],
    ['hindi', 0.3],
  ],
  18: [
    ['bengali', 0.4],
    ['muslim', 0.4],
    ['tribal', 0.2],
  ],
  21: [
    ['tribal', 0.7],
    ['hindi', 0.3],
  ],
  22: [
    ['tribal', 0.7],
    ['hindi', 0.3],
  ],
};
/** Districts whose population is mostly Muslim (Seemanchal, Murshidabad). */
const MUSLIM_MAJORITY = new Set([188, 203, 214, 201, 319]);

export function communitiesFor(place: Place, stateLgd: number | null): [Community, number][] {
  if (place === 'c:NP') return [['nepali', 1]];
  if (place === 'c:BD')
    return [
      ['bangladeshi', 0.8],
      ['bengali', 0.2],
    ];
  if (MUSLIM_MAJORITY.has(Number(place.slice(2))))
    return [
      ['muslim', 0.65],
      ['hindi', 0.35],
    ];
  return (
    STATE_COMMUNITIES[stateLgd ?? 0] ?? [
      ['hindi', 0.8],
      ['muslim', 0.2],
    ]
  );
}

/** Districts without a demo AHTU, by the nearest demo AHTU that registers their cases. */
const NEAREST: Record<string, number[]> = {
  'br-araria-ahtu': [214, 223, 216, 205],
  'br-kishanganj-ahtu': [201],
  'br-muzaffarpur-ahtu': [221, 195, 206, 222, 197],
  'br-purbi-champaran-ahtu': [211],
  'br-patna-ahtu': [209, 218, 224],
  'up-bahraich-ahtu': [181, 127, 147],
  'up-maharajganj-ahtu': [182, 148],
  'up-lucknow-ahtu': [175, 129, 157],
  'up-varanasi-ahtu': [120],
  'jh-gumla-ahtu': [342, 336, 335],
  'jh-ranchi-ahtu': [606, 343, 325, 327],
  'jh-sahebganj-ahtu': [337],
  'jh-dumka-ahtu': [324],
  'wb-24pgs-north-ahtu': [320],
  'wb-murshidabad-ahtu': [316],
  'wb-jalpaiguri-ahtu': [308, 664],
  'wb-kolkata-ahtu': [313],
  'dl-new-delhi-ahtu': [83, 84],
  'dl-north-west-ahtu': [85, 80],
  'dl-central-ahtu': [78, 81, 671],
  'mh-nagpur-ahtu': [500, 475, 485],
  'mh-pune-ahtu': [470, 481],
  'mh-thane-ahtu': [487],
};
export const NEAREST_AHTU = new Map(
  Object.entries(NEAREST).flatMap(([unit, districts]) =>
    districts.map((district) => [district, unit] as const),
  ),
);

/** Border crossings and stations whose reference row has no district: the AHTU that covers them. */
export const PLACE_AHTU: Record<Place, string> = {
  'b:INPTP': 'wb-24pgs-north-ahtu',
  'b:INSNL': 'up-maharajganj-ahtu',
  's:NDLS': 'dl-new-delhi-ahtu',
};
