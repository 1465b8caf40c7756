/** Code lists of the cases module that the API validates against (the tables hold titles in en/hi). */

export const CASE_KINDS = [
  'fir',
  'rescue_operation',
  'interception',
  'complaint',
  'missing_person_linked',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  'registered',
  'under_investigation',
  'charge_sheeted',
  'on_trial',
  'convicted',
  'acquitted',
  'discharged',
  'closed_final_report',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The lifecycle: which status may follow which. Closure by final report can be reopened for further investigation. */
export const NEXT_STATUSES: Record<CaseStatus, readonly CaseStatus[]> = {
  registered: ['under_investigation', 'closed_final_report'],
  under_investigation: ['charge_sheeted', 'closed_final_report'],
  charge_sheeted: ['on_trial', 'discharged'],
  on_trial: ['convicted', 'acquitted', 'discharged'],
  convicted: [],
  acquitted: ['on_trial'],
  discharged: [],
  closed_final_report: ['under_investigation'],
};

export const EXPLOITATION_FORMS = [
  'forced_labour',
  'bonded_labour',
  'child_labour',
  'sexual_exploitation',
  'child_sexual_abuse_material',
  'forced_marriage',
  'domestic_servitude',
  'forced_begging',
  'organ_removal',
  'drug_couriers',
  'arms_smuggling',
  'other_illicit_activity',
  'other',
] as const;

export const PERSON_ROLES = ['victim', 'accused', 'rescuer', 'witness', 'complainant'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** Roles whose identity the victim-identity laws protect: masked unless revealed with a reason. */
export const PROTECTED_ROLES: readonly PersonRole[] = ['victim', 'witness'];

export const SEXES = ['female', 'male', 'transgender', 'unknown'] as const;
export const ACCUSED_ROLES = [
  'recruiter',
  'transporter',
  'harbourer',
  'buyer',
  'exploiter',
  'financier',
  'other',
] as const;
export const ARREST_STATUSES = ['not_arrested', 'arrested', 'absconding', 'surrendered'] as const;
export const BAIL_STATUSES = ['not_applied', 'granted', 'rejected', 'cancelled'] as const;
export const CUSTODY_STATUSES = ['police', 'judicial', 'released', 'none'] as const;
export const ID_DOCUMENT_TYPES = [
  'aadhaar',
  'voter_id',
  'passport',
  'ration_card',
  'driving_licence',
  'pan',
  'birth_certificate',
  'school_certificate',
  'nepal_citizenship',
  'other',
] as const;

export const ROUTE_STAGES = ['recruitment', 'transit', 'exploitation', 'rescue'] as const;
export const PLACE_KINDS = ['district', 'station', 'border_crossing', 'foreign_country'] as const;

/** Vehicle-registration style State codes, for case references like BR-2024-000123. */
export const STATE_SHORT_CODES: Record<number, string> = {
  35: 'AN',
  28: 'AP',
  12: 'AR',
  18: 'AS',
  10: 'BR',
  4: 'CH',
  22: 'CG',
  38: 'DD',
  7: 'DL',
  30: 'GA',
  24: 'GJ',
  6: 'HR',
  2: 'HP',
  1: 'JK',
  20: 'JH',
  29: 'KA',
  32: 'KL',
  37: 'LA',
  31: 'LD',
  23: 'MP',
  27: 'MH',
  14: 'MN',
  17: 'ML',
  15: 'MZ',
  13: 'NL',
  21: 'OD',
  34: 'PY',
  3: 'PB',
  8: 'RJ',
  11: 'SK',
  33: 'TN',
  36: 'TS',
  16: 'TR',
  9: 'UP',
  5: 'UK',
  19: 'WB',
};
