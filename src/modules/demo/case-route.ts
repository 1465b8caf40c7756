/** Route events of a demo case, in the shape the cases API takes them. */
import type { RouteEventInput } from '../cases/schemas.ts';
import type { Place } from './case-corridors.ts';
import type { Rng } from './rng.ts';

const FOREIGN_NOTES: Record<string, string[]> = {
  NP: [
    'Sindhupalchok district',
    'Makwanpur district',
    'Nuwakot district',
    'Rautahat district',
    'Sunsari district',
  ],
  BD: ['Jessore district', 'Satkhira district', 'Khulna district', 'Narail district'],
};

export function placeEvent(
  place: Place,
  stage: RouteEventInput['stage'],
  on: string | null,
  rng: Rng,
): RouteEventInput {
  const value = place.slice(2);
  const base = { stage, ...(on ? { occurredOn: on } : {}) };
  if (place.startsWith('d:')) return { ...base, placeKind: 'district', districtLgd: Number(value) };
  if (place.startsWith('s:')) return { ...base, placeKind: 'station', stationCode: value };
  if (place.startsWith('b:')) return { ...base, placeKind: 'border_crossing', borderCrossingLocode: value };
  const notes = FOREIGN_NOTES[value];
  return {
    ...base,
    placeKind: 'foreign_country',
    countryCode: value,
    ...(notes ? { placeNote: rng.pick(notes) } : {}),
  };
}
