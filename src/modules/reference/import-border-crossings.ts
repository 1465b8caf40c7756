/** Land border crossings (UN/LOCODE 2014): where cross-border trafficking is intercepted. */
import type { Tx } from '../../db/database.ts';
import { buildLocator } from './import-stations.ts';
import { input, numberOrNull, readCsv, upsertRows, type Inputs, type LoadResult } from './import-util.ts';
import { ISO_SUBDIVISION_TO_LGD } from './names.ts';
import { searchKey } from './normalise.ts';

export const BORDER_CROSSINGS_FILE = 'transit/unlocode_india_border_crossings_2014.csv';

export const NEIGHBOURS = ['Nepal', 'Bangladesh', 'Bhutan', 'Myanmar', 'Pakistan', 'China'] as const;
export type Neighbour = (typeof NEIGHBOURS)[number];

// LGD State codes used below.
const UTTARAKHAND = 5;
const BIHAR = 10;
const ARUNACHAL = 12;
const MANIPUR = 14;
const MIZORAM = 15;
const TRIPURA = 16;
const WEST_BENGAL = 19;

/**
 * Corrections to UN/LOCODE's subdivision, which predates Uttarakhand (2000) for the Kumaon crossings and
 * has plain errors for a few others (Moreh is in Manipur, Demagiri in Mizoram, Nampong in Arunachal).
 */
const STATE_CORRECTIONS: Readonly<Record<string, number>> = {
  INBSA: UTTARAKHAND, // Banbasa
  INDLA: UTTARAKHAND, // Dharchula
  INJHO: UTTARAKHAND, // Jhulaghat (Pithoragarh)
  INGJI: UTTARAKHAND, // Gunji
  INSNB: BIHAR, // Sonbarsa, Sitamarhi (listed under Delhi)
  INMRE: MANIPUR, // Moreh
  INDMR: MIZORAM, // Demagiri (Tlabung)
  INNPG: ARUNACHAL, // Nampong (AP is Andhra Pradesh's code)
  INCHM: WEST_BENGAL, // Chamurchi, on the Bhutan border in Alipurduar
  INGTG: WEST_BENGAL, // Gitaldaha, Cooch Behar
  INMNU: TRIPURA, // Manu (Manughat)
};

/** Crossings whose neighbour is not the only one their State borders. */
const NEIGHBOUR_BY_LOCODE: Readonly<Record<string, Neighbour>> = {
  INGJI: 'China', // Gunji, on the Lipulekh route to Tibet
  INPNT: 'Nepal', // Panitanki – Kakarbhitta
  INSKP: 'Nepal', // Sukhia Pokhari – Pashupatinagar
  INJIG: 'Bhutan', // Jaigaon – Phuentsholing
  INCHM: 'Bhutan', // Chamurchi – Samtse
  INDRG: 'Bhutan', // Darranga – Samdrup Jongkhar
  INHTS: 'Bhutan', // Hatisar – Gelephu
  INULP: 'Bhutan', // Ultapani
  INCHP: 'Myanmar', // Champhai (Zokhawthar)
  INDMR: 'Bangladesh', // Demagiri
  INNPG: 'Myanmar', // Nampong, below the Pangsau Pass
  INCRB: 'Bangladesh',
  INGJX: 'Bangladesh',
  INHLI: 'Bangladesh',
  INHGL: 'Bangladesh',
  INMHD: 'Bangladesh',
  INLGL: 'Bangladesh',
  INNKN: 'Bangladesh',
  INPTP: 'Bangladesh', // Petrapole – Benapole
  INSTI: 'Bangladesh',
  INGTG: 'Bangladesh',
};

/** States with a land border to one country only: every crossing there leads to it. */
const ONLY_NEIGHBOUR_OF_STATE: Readonly<Record<number, Neighbour>> = {
  3: 'Pakistan', // Punjab
  9: 'Nepal', // Uttar Pradesh
  10: 'Nepal', // Bihar
  13: 'Myanmar', // Nagaland
  14: 'Myanmar', // Manipur
  16: 'Bangladesh', // Tripura
  17: 'Bangladesh', // Meghalaya
};

// Uttarakhand and Assam border two countries each, but their only crossings to the second one are the
// ones listed by LOCODE above, so the rest lead to the first.
const MAIN_NEIGHBOUR_OF_STATE: Readonly<Record<number, Neighbour>> = {
  ...ONLY_NEIGHBOUR_OF_STATE,
  5: 'Nepal',
  18: 'Bangladesh',
};

export function inferNeighbour(locode: string, stateLgd: number | null): Neighbour | null {
  return (
    NEIGHBOUR_BY_LOCODE[locode] ?? (stateLgd === null ? null : (MAIN_NEIGHBOUR_OF_STATE[stateLgd] ?? null))
  );
}

export async function loadBorderCrossings(tx: Tx, inputs: Inputs): Promise<LoadResult> {
  const locate = await buildLocator(tx, inputs);
  const { rows: stationRows } = await tx.query<{ code: string; state_lgd: number | null }>(
    'SELECT code, state_lgd FROM railway_stations',
  );
  const stationState = new Map(stationRows.map((s) => [s.code, s.state_lgd]));
  const stats = {
    crossings: 0,
    stateCorrected: 0,
    withCoordinates: 0,
    withNearestStation: 0,
    nearestStationRejected: 0,
    neighbourUnknown: 0,
    withDistrict: 0,
  };
  const rows = readCsv(input(inputs, BORDER_CROSSINGS_FILE)).flatMap((row) => {
    const locode = row.locode?.trim();
    const name = row.name?.trim();
    if (!locode || !name) return [];
    const subdivision = row.state_subdiv?.trim().toUpperCase() ?? '';
    const corrected = STATE_CORRECTIONS[locode];
    if (corrected !== undefined) stats.stateCorrected++;
    const stateLgd = corrected ?? ISO_SUBDIVISION_TO_LGD[subdivision] ?? null;
    const lat = numberOrNull(row.unlocode_lat);
    const lon = numberOrNull(row.unlocode_lon);
    if (lat !== null && lon !== null) stats.withCoordinates++;
    // The station match is by name only; one in another State is a namesake (Gunji's is in Karnataka).
    const stationCode = row.heuristic_station_code?.trim() ?? '';
    const stationOk =
      stationCode !== '' &&
      stationState.has(stationCode) &&
      (stationState.get(stationCode) ?? stateLgd) === stateLgd;
    if (stationOk) stats.withNearestStation++;
    else if (stationCode !== '') stats.nearestStationRejected++;
    const stationLat = stationOk ? numberOrNull(row.heuristic_station_lat) : null;
    const stationLon = stationOk ? numberOrNull(row.heuristic_station_lon) : null;
    const pointLon = lon ?? stationLon;
    const pointLat = lat ?? stationLat;
    const found = pointLon !== null && pointLat !== null ? locate.district(pointLon, pointLat) : undefined;
    const districtLgd = found && found.stateLgd === stateLgd ? found.districtLgd : null;
    if (districtLgd !== null) stats.withDistrict++;
    const neighbour = inferNeighbour(locode, stateLgd);
    if (neighbour === null) stats.neighbourUnknown++;
    stats.crossings++;
    return [
      {
        locode,
        name,
        neighbour_country: neighbour,
        state_lgd: stateLgd,
        district_lgd: districtLgd,
        lat,
        lon,
        nearest_station_code: stationOk ? stationCode : null,
        name_key: searchKey(name),
      },
    ];
  });
  await upsertRows(tx, {
    table: 'border_crossings',
    columns: [
      { name: 'locode', type: 'text' },
      { name: 'name', type: 'text' },
      { name: 'neighbour_country', type: 'text' },
      { name: 'state_lgd', type: 'integer' },
      { name: 'district_lgd', type: 'integer' },
      { name: 'lat', type: 'double precision' },
      { name: 'lon', type: 'double precision' },
      { name: 'nearest_station_code', type: 'text' },
      { name: 'name_key', type: 'text' },
    ],
    key: ['locode'],
    rows,
  });
  const notes = [
    `${stats.stateCorrected} State corrections to UN/LOCODE, ${stats.neighbourUnknown} without a known neighbour country`,
    `nearest station: ${stats.withNearestStation} accepted, ${stats.nearestStationRejected} rejected (in another State)`,
  ];
  return { rows: rows.length, stats, notes };
}
