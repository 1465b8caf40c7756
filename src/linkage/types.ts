/** Shapes shared by the linkage engine. Everything here is plain data, so it serialises to JSON and can be stored. */

/** One person record as a source hands it over; every field is optional because sources rarely agree. */
export interface PersonInput {
  id: string;
  givenName?: string | null;
  familyName?: string | null;
  /** Used when given and family names are not separated; may carry honorifics and "s/o X". */
  fullName?: string | null;
  fatherName?: string | null;
  motherName?: string | null;
  spouseName?: string | null;
  /** ISO or a common Indian format (DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, D Mon YYYY). */
  dob?: string | null;
  /** Age in years as estimated or stated, at `ageAt` (default: the date the caller passes to prepare). */
  age?: number | string | null;
  ageAt?: string | null;
  sex?: string | null;
  /** LGD district code, or a district name when no code is known. */
  district?: string | null;
  /** LGD State code (or name); derived from the district by the caller when it can be. */
  state?: string | null;
  address?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

/** A name reduced to what comparison needs. */
export interface PreparedName {
  /** Normalised tokens in written order; single letters are initials. */
  tokens: string[];
  /** Tokens that are words (not initials), and their phonetic keys. */
  words: string[];
  wordKeys: string[];
  /** Tokens without initials, concatenated: "Raj Kumar" and "Rajkumar" agree here. */
  joined: string;
  /** Phonetic key per token (initials keep their letter). */
  keys: string[];
  /** Phonetic key of the whole name (non-initial tokens). */
  key: string;
  /** First letter of every token, in order. */
  initials: string;
  /** Phonetic key of the first token that says most about the person (not an initial nor a common prefix). */
  principal: string | null;
}

export type Sex = 'm' | 'f' | 'x';

export interface PreparedRecord {
  id: string;
  given: PreparedName | null;
  family: PreparedName | null;
  father: PreparedName | null;
  mother: PreparedName | null;
  spouse: PreparedName | null;
  /** Date of birth as YYYYMMDD (a number keeps a million records small), when known. */
  dob: number | null;
  /** Estimated birth year (from dob, or from age) and how many years either way it may be off. */
  birthYear: number | null;
  birthTolerance: number;
  /** Age in years at the reference date, when the record carries only an age. */
  age: number | null;
  sex: Sex | null;
  district: string | null;
  state: string | null;
  addressTokens: string[];
  /** Last ten digits. */
  phone: string | null;
  /** Upper-case letters and digits; masked positions are '*'. */
  idNumber: string | null;
}
