/**
 * The case form's state, its checks (messages in the user's language) and its translation to the API's
 * request body; also the mapping of the server's field names back onto the form's fields.
 */
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import type { CaseView, PersonRole, RoutePlaceKind, RouteStage } from '../../../api/types';

export interface PlaceOption {
  kind: 'district' | 'station' | 'border_crossing';
  code: string;
  label: string;
}

export interface CaseFields {
  kind: string;
  title: string;
  firNumber: string;
  firDate: string;
  registeredOn: string;
  registeringUnitId: string;
  policeStationName: string;
  ioName: string;
  forms: string[];
  sections: string[];
  summary: string;
}

export interface PersonDraft {
  key: string;
  role: PersonRole;
  name: string;
  aliases: string;
  sex: string;
  dateOfBirth: string;
  ageYears: string;
  nationality: string;
  fatherName: string;
  motherName: string;
  spouseName: string;
  address: string;
  homeDistrict: PlaceOption | null;
  phones: string;
  idDocumentType: string;
  idNumber: string;
  rescuedOn: string;
  accusedRole: string;
  arrestStatus: string;
  arrestedOn: string;
  bailStatus: string;
  custodyStatus: string;
}

export interface StopDraft {
  key: string;
  stage: RouteStage;
  placeKind: RoutePlaceKind;
  place: PlaceOption | null;
  country: string;
  date: string;
  note: string;
}

/** Errors by field path: `title`, `persons.0.name`, `route.2.place`. */
export type FormErrors = Record<string, string>;

let counter = 0;
export const newKey = () => {
  counter += 1;
  return `k${String(counter)}`;
};

export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * A key that makes a retried create (double click, a slow connection's resend) return the first result
 * instead of a second case. `crypto.randomUUID` needs a secure context; plain HTTP on a LAN falls back.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const emptyCase = (): CaseFields => ({
  kind: 'fir',
  title: '',
  firNumber: '',
  firDate: '',
  registeredOn: today(),
  registeringUnitId: '',
  policeStationName: '',
  ioName: '',
  forms: [],
  sections: [],
  summary: '',
});

export const emptyPerson = (role: PersonRole): PersonDraft => ({
  key: newKey(),
  role,
  name: '',
  aliases: '',
  sex: 'unknown',
  dateOfBirth: '',
  ageYears: '',
  nationality: 'IN',
  fatherName: '',
  motherName: '',
  spouseName: '',
  address: '',
  homeDistrict: null,
  phones: '',
  idDocumentType: '',
  idNumber: '',
  rescuedOn: '',
  accusedRole: role === 'accused' ? 'recruiter' : '',
  arrestStatus: role === 'accused' ? 'not_arrested' : '',
  arrestedOn: '',
  bailStatus: '',
  custodyStatus: '',
});

export const emptyStop = (stage: RouteStage = 'transit'): StopDraft => ({
  key: newKey(),
  stage,
  placeKind: 'district',
  place: null,
  country: '',
  date: '',
  note: '',
});

export function fieldsFromCase(item: CaseView): CaseFields {
  return {
    kind: item.kind,
    title: item.title,
    firNumber: item.firNumber ?? '',
    firDate: item.firDate ?? '',
    registeredOn: item.registeredOn,
    registeringUnitId: item.registeringUnit.id,
    policeStationName: item.policeStation?.name ?? '',
    ioName: item.investigatingOfficer?.name ?? '',
    forms: [...item.exploitationForms],
    sections: item.legalSections.map((s) => s.code),
    summary: item.summary ?? '',
  };
}

export function stopsFromCase(item: CaseView): StopDraft[] {
  return item.route.map((event) => {
    const kind = event.placeKind as RoutePlaceKind;
    const code =
      kind === 'district'
        ? String(event.districtLgd ?? '')
        : kind === 'station'
          ? (event.stationCode ?? '')
          : kind === 'border_crossing'
            ? (event.borderCrossingLocode ?? '')
            : '';
    return {
      key: newKey(),
      stage: event.stage as RouteStage,
      placeKind: kind,
      place:
        kind === 'foreign_country'
          ? null
          : {
              kind,
              code,
              label: [event.placeName, event.placeStateName].filter(Boolean).join(', '),
            },
      country: event.countryCode ?? '',
      date: event.occurredOn ?? '',
      note: event.placeNote ?? '',
    };
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9 -]{6,20}$/;
const PROTECTED: readonly string[] = ['victim', 'witness'];

export const splitList = (text: string) =>
  text
    .split(/[\n,;]/)
    .map((part) => part.trim())
    .filter(Boolean);

function checkDate(errors: FormErrors, key: string, value: string, t: TFunction, required = false): void {
  if (!value) {
    if (required) errors[key] = t('caseForm.dateRequired');
    return;
  }
  if (!DAY.test(value)) errors[key] = t('caseForm.dateInvalid');
  else if (value > today()) errors[key] = t('caseForm.dateFuture');
}

export function validateCase(fields: CaseFields, t: TFunction, options: { needsUnit: boolean }): FormErrors {
  const errors: FormErrors = {};
  if (!fields.kind) errors.kind = t('caseForm.required');
  const title = fields.title.trim();
  if (Array.from(title).length < 3) errors.title = t('caseForm.titleShort');
  if (fields.kind === 'fir') {
    if (!fields.firNumber.trim()) errors.firNumber = t('caseForm.firNumberRequired');
    checkDate(errors, 'firDate', fields.firDate, t, true);
  } else {
    checkDate(errors, 'firDate', fields.firDate, t);
  }
  checkDate(errors, 'registeredOn', fields.registeredOn, t, true);
  if (!errors.registeredOn && fields.registeredOn < '1990-01-01')
    errors.registeredOn = t('caseForm.dateTooEarly');
  if (options.needsUnit && !fields.registeringUnitId) errors.registeringUnitId = t('caseForm.unitRequired');
  return errors;
}

export function validatePersons(persons: PersonDraft[], t: TFunction): FormErrors {
  const errors: FormErrors = {};
  persons.forEach((person, index) => {
    const at = (field: string) => `persons.${String(index)}.${field}`;
    if (!person.name.trim()) errors[at('name')] = t('caseForm.nameRequired');
    checkDate(errors, at('dateOfBirth'), person.dateOfBirth, t);
    if (person.ageYears) {
      const age = Number(person.ageYears);
      if (!Number.isInteger(age) || age < 0 || age > 120) errors[at('ageYears')] = t('caseForm.ageRange');
    }
    const bad = splitList(person.phones).find((phone) => !PHONE.test(phone));
    if (bad) errors[at('phones')] = t('caseForm.phoneFormat', { phone: bad });
    const idDigits = person.idNumber.replace(/[^A-Za-z0-9]/g, '');
    if (person.idNumber.trim() && idDigits.length < 4) errors[at('idNumber')] = t('caseForm.idNumberShort');
    if (person.idNumber.trim() && !person.idDocumentType)
      errors[at('idDocumentType')] = t('caseForm.idTypeRequired');
    checkDate(errors, at('rescuedOn'), person.rescuedOn, t);
    if (person.role === 'accused') {
      checkDate(errors, at('arrestedOn'), person.arrestedOn, t);
      if (person.arrestedOn && person.arrestStatus !== 'arrested' && person.arrestStatus !== 'surrendered')
        errors[at('arrestStatus')] = t('caseForm.arrestDateNeedsArrest');
      if (person.arrestStatus === 'arrested' && !person.arrestedOn)
        errors[at('arrestedOn')] = t('caseForm.arrestDateRequired');
    }
  });
  return errors;
}

export function validateRoute(stops: StopDraft[], t: TFunction): FormErrors {
  const errors: FormErrors = {};
  stops.forEach((stop, index) => {
    const at = (field: string) => `route.${String(index)}.${field}`;
    if (stop.placeKind === 'foreign_country' ? !stop.country : !stop.place)
      errors[at('place')] = t('caseForm.placeRequired');
    checkDate(errors, at('date'), stop.date, t);
  });
  return errors;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);

export function caseBody(fields: CaseFields) {
  return {
    kind: fields.kind,
    title: fields.title.trim(),
    firNumber: orNull(fields.firNumber),
    firDate: orNull(fields.firDate),
    policeStationName: orNull(fields.policeStationName),
    investigatingOfficerName: orNull(fields.ioName),
    exploitationForms: fields.forms,
    legalSections: fields.sections,
    summary: orNull(fields.summary),
  };
}

export function personBody(person: PersonDraft) {
  const body: Record<string, unknown> = {
    role: person.role,
    name: person.name.trim(),
    sex: person.sex,
    nationality: person.nationality,
  };
  const aliases = splitList(person.aliases);
  if (aliases.length > 0) body.aliases = aliases;
  if (person.dateOfBirth) body.dateOfBirth = person.dateOfBirth;
  else if (person.ageYears) body.ageYears = Number(person.ageYears);
  for (const key of ['fatherName', 'motherName', 'spouseName', 'address'] as const) {
    if (person[key].trim()) body[key] = person[key].trim();
  }
  if (person.homeDistrict) body.homeDistrictLgd = Number(person.homeDistrict.code);
  const phones = splitList(person.phones);
  if (phones.length > 0) body.phones = phones;
  if (person.idDocumentType) body.idDocumentType = person.idDocumentType;
  if (person.idNumber.trim()) body.idNumber = person.idNumber.trim();
  if (person.role === 'victim' && person.rescuedOn) body.rescuedOn = person.rescuedOn;
  if (person.role === 'accused') {
    if (person.accusedRole) body.accusedRole = person.accusedRole;
    if (person.arrestStatus) body.arrestStatus = person.arrestStatus;
    if (person.arrestedOn) body.arrestedOn = person.arrestedOn;
    if (person.bailStatus) body.bailStatus = person.bailStatus;
    if (person.custodyStatus) body.custodyStatus = person.custodyStatus;
  }
  return body;
}

export function routeBody(stops: StopDraft[]) {
  return stops.map((stop) => {
    const body: Record<string, unknown> = { stage: stop.stage, placeKind: stop.placeKind };
    if (stop.placeKind === 'foreign_country') body.countryCode = stop.country;
    else if (stop.placeKind === 'district') body.districtLgd = Number(stop.place?.code);
    else if (stop.placeKind === 'station') body.stationCode = stop.place?.code;
    else body.borderCrossingLocode = stop.place?.code;
    if (stop.date) body.occurredOn = stop.date;
    if (stop.note.trim()) body.placeNote = stop.note.trim();
    return body;
  });
}

export const isProtected = (role: string) => PROTECTED.includes(role);

// ------------------------------------------------------------------ server errors onto fields

const CASE_FIELDS: Record<string, keyof CaseFields> = {
  kind: 'kind',
  title: 'title',
  firNumber: 'firNumber',
  firDate: 'firDate',
  registeredOn: 'registeredOn',
  registeringUnitId: 'registeringUnitId',
  policeStationName: 'policeStationName',
  investigatingOfficerName: 'ioName',
  exploitationForms: 'forms',
  legalSections: 'sections',
  summary: 'summary',
};
const PERSON_FIELDS: Record<string, keyof PersonDraft> = {
  name: 'name',
  aliases: 'aliases',
  sex: 'sex',
  dateOfBirth: 'dateOfBirth',
  ageYears: 'ageYears',
  ageOn: 'ageYears',
  nationality: 'nationality',
  fatherName: 'fatherName',
  motherName: 'motherName',
  spouseName: 'spouseName',
  address: 'address',
  homeDistrictLgd: 'homeDistrict',
  phones: 'phones',
  idDocumentType: 'idDocumentType',
  idNumber: 'idNumber',
  rescuedOn: 'rescuedOn',
  accusedRole: 'accusedRole',
  arrestStatus: 'arrestStatus',
  arrestedOn: 'arrestedOn',
  bailStatus: 'bailStatus',
  custodyStatus: 'custodyStatus',
};
const ROUTE_FIELDS: Record<string, string> = {
  stage: 'stage',
  placeKind: 'place',
  districtLgd: 'place',
  stationCode: 'place',
  borderCrossingLocode: 'place',
  countryCode: 'place',
  occurredOn: 'date',
  placeNote: 'note',
};

/** A server path (`route[1].districtLgd`, `/persons/0/phones/2`, `firNumber`) as a form field path. */
export function formPath(serverPath: string, prefix?: { persons?: number }): string | undefined {
  const parts = serverPath
    .replace(/^\/?body\/?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean);
  const [head, index, field] = parts;
  if (head === undefined) return undefined;
  if (head === 'persons' && index !== undefined && field !== undefined) {
    const mapped = PERSON_FIELDS[field];
    return mapped ? `persons.${index}.${mapped}` : undefined;
  }
  if ((head === 'route' || head === 'events') && index !== undefined && field !== undefined) {
    const mapped = ROUTE_FIELDS[field];
    return mapped ? `route.${index}.${mapped}` : undefined;
  }
  if (prefix?.persons !== undefined && PERSON_FIELDS[head]) {
    return `persons.${String(prefix.persons)}.${PERSON_FIELDS[head]}`;
  }
  return CASE_FIELDS[head];
}

/** A message for a field the server refused, in the user's language (the server's own is English). */
function messageFor(path: string, error: ApiError, t: TFunction): string {
  const field = path.split('.').pop() ?? path;
  if (error.code === 'unknown_place' || (field === 'place' && error.status === 422))
    return t('caseForm.placeUnknown');
  if (error.code === 'unknown_legal_section') return t('caseForm.sectionUnknown');
  if (/future/i.test(error.message)) return t('caseForm.dateFuture');
  switch (field) {
    case 'firNumber':
      return t('caseForm.firNumberRequired');
    case 'idNumber':
      return t('caseForm.idNumberShort');
    case 'arrestStatus':
      return t('caseForm.arrestDateNeedsArrest');
    case 'registeringUnitId':
      return t('caseForm.unitRequired');
    case 'title':
      return t('caseForm.titleShort');
    case 'phones':
      return t('caseForm.phoneFormat', { phone: '' });
    default:
      return t('caseForm.checkField');
  }
}

/**
 * The fields a refused request names: `details.field` / `details.fields` from the service, or
 * `details.issues[].instancePath` from schema validation. Empty when the error names none.
 */
export function serverFieldErrors(
  error: unknown,
  t: TFunction,
  prefix?: { persons?: number; route?: boolean },
  persons: PersonDraft[] = [],
): FormErrors {
  if (!(error instanceof ApiError) || !error.details) return {};
  const details = error.details;
  const paths: string[] = [];
  if (typeof details.field === 'string') paths.push(details.field);
  if (Array.isArray(details.fields))
    paths.push(...details.fields.filter((f): f is string => typeof f === 'string'));
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues as {
      instancePath?: unknown;
      params?: { missingProperty?: unknown };
    }[]) {
      const base = typeof issue.instancePath === 'string' ? issue.instancePath : '';
      const missing = issue.params?.missingProperty;
      paths.push(typeof missing === 'string' ? `${base}/${missing}` : base);
    }
  }
  if (error.code === 'unknown_legal_section') paths.push('legalSections');
  const errors: FormErrors = {};
  for (const raw of paths) {
    const adjusted = prefix?.route ? raw.replace(/^\/?events/, 'route') : raw;
    const path = formPath(adjusted, prefix);
    if (path && !errors[path]) errors[path] = messageFor(path, error, t);
    // The service names a person's field without saying which person: mark each that filled it in.
    const personField = PERSON_FIELDS[adjusted];
    if (!path && personField && prefix?.persons === undefined) {
      persons.forEach((person, index) => {
        const value = person[personField];
        if (value !== '' && value !== null) {
          const at = `persons.${String(index)}.${personField}`;
          errors[at] = messageFor(at, error, t);
        }
      });
    }
  }
  return errors;
}
