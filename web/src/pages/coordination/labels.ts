import type { TFunction } from 'i18next';

type Group = 'status' | 'kind' | 'funder' | 'participant' | 'category' | 'medium' | 'language' | 'action';

/** A coded value in the user's language; an unknown code shows as it is rather than as a missing key. */
export function label(t: TFunction, group: Group, code: string): string {
  return t(`coordination.${group}.${code}`, { defaultValue: code });
}

export const STATUS_COLOURS: Record<string, string> = {
  proposed: 'blue',
  approved: 'teal',
  returned: 'orange',
  held: 'indigo',
  closed: 'gray',
  submitted: 'blue',
  published: 'teal',
  open: 'blue',
  in_progress: 'indigo',
  done: 'teal',
  new: 'red',
  triaged: 'orange',
  forwarded: 'indigo',
  actioned: 'teal',
  dismissed: 'gray',
};
