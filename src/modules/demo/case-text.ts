/** Titles and summaries for the demo cases, written the way officers describe cases: no victim names. */
import type { PersonInput } from '../cases/schemas.ts';
import type { FormCode, Place } from './case-corridors.ts';
import { isChild } from './case-people.ts';
import type { Journey, Planner, Setting } from './case-plan.ts';

const COUNTRIES: Record<string, string> = { NP: 'Nepal', BD: 'Bangladesh' };
const NUMBERS = ['No', 'A', 'Two', 'Three', 'Four', 'Five', 'Six'];

function purpose(form: FormCode, labour: string): string {
  switch (form) {
    case 'forced_labour':
      return `forced labour (${labour})`;
    case 'bonded_labour':
      return `bonded labour in ${labour}`;
    case 'child_labour':
      return `child labour in ${labour}`;
    case 'sexual_exploitation':
      return 'sexual exploitation';
    case 'child_sexual_abuse_material':
      return 'online sexual abuse';
    case 'forced_marriage':
      return 'forced marriage';
    case 'domestic_servitude':
      return 'domestic servitude';
    case 'forced_begging':
      return 'forced begging';
    case 'drug_couriers':
      return 'carrying drugs';
    case 'other_illicit_activity':
      return `petty crime (${labour})`;
    case 'organ_removal':
      return 'organ removal';
    case 'arms_smuggling':
      return 'arms smuggling';
    case 'other':
      return `exploitation after a false job offer (${labour})`;
  }
}

function victimNoun(victims: PersonInput[], registeredOn: string): string {
  const plural = victims.length !== 1;
  const children = victims.every((v) => isChild(v, registeredOn));
  const female = victims.every((v) => v.sex === 'female');
  const male = victims.every((v) => v.sex === 'male');
  if (children) return female ? (plural ? 'girls' : 'girl') : male ? (plural ? 'boys' : 'boy') : 'children';
  if (female) return plural ? 'women' : 'woman';
  if (male) return plural ? 'men' : 'man';
  return plural ? 'persons' : 'person';
}

interface TextInput {
  journey: Journey;
  registration: { setting: Setting; stopsReached: number };
  form: FormCode;
  victims: PersonInput[];
  registeredOn: string;
}

export function describeCase(
  planner: Planner,
  input: TextInput,
): { title: string; summary: string; policeStation: string | null } {
  const { journey, registration, form, victims } = input;
  const name = (place: Place) => {
    const info = planner.ctx.places.get(place);
    const known = COUNTRIES[place.slice(2)] ?? info?.name ?? place.slice(2);
    // Delhi's districts are called "West", "North East"…: say which city.
    return place.startsWith('d:') && info?.stateLgd === 7 && !known.includes('Delhi')
      ? `${known} Delhi`
      : known;
  };
  const who = `${NUMBERS[victims.length] ?? String(victims.length)} ${victimNoun(victims, input.registeredOn)}`;
  const what = purpose(form, journey.corridor.labour);
  const from = name(journey.source);
  const to = name(journey.destination);
  const via = journey.stops.map(name);
  const stop = journey.stops[registration.stopsReached - 1];
  let title: string;
  if (journey.corridor.destinations === 'same') title = `${who} in ${from} subjected to ${what}`;
  else if (registration.setting === 'transit' && stop)
    title = `${who} from ${from} intercepted at ${name(stop)} on the way to ${to}`;
  else if (registration.setting === 'destination')
    title = `${who} from ${from} rescued from ${what} in ${to}`;
  else title = `${who} from ${from} trafficked to ${to} for ${what}`;

  const recruiter = planner.rng.pick([
    'a placement agent from the area',
    'a relative',
    'a man who promised marriage',
    'a labour contractor',
    'an acquaintance met on social media',
  ]);
  const parts = [
    'Synthetic demo case; all people are invented.',
    `Recruited in ${from} by ${recruiter} with the promise of work,`,
    via.length > 0 ? `taken via ${via.join(' and ')} to ${to}` : `taken to ${to}`,
    `for ${what}.`,
  ];
  if (registration.setting === 'transit' && stop)
    parts.push(`Intercepted at ${name(stop)} during checking; the escort was detained.`);
  if (registration.setting === 'destination')
    parts.push('Rescued in a raid by the AHTU with an NGO; the children were produced before the CWC.');
  if (registration.setting === 'source')
    parts.push('Registered on the family’s complaint; the accused were traced through call records.');
  const policeStation =
    registration.setting === 'transit' && stop
      ? stop.startsWith('s:')
        ? `GRP ${name(stop)}`
        : `${journey.source === 'c:BD' ? 'BSF' : 'SSB'} Border Out Post ${name(stop)}`
      : null;
  return { title: title.slice(0, 200), summary: parts.join(' '), policeStation };
}
