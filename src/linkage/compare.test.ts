import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compareAddress,
  compareBirth,
  compareDistrict,
  compareIdNumber,
  comparePhone,
  compareSex,
  dayMonthSwapped,
  oneTypoApart,
} from './compare-fields.ts';
import {
  NAME,
  NAME_LEVELS,
  SWAPPED,
  compareName,
  compareNames,
  jaro,
  jaroWinkler,
  tokenSetSimilarity,
} from './compare.ts';
import { parseAge, parseDate } from './dates.ts';
import { normaliseName } from './normalise.ts';
import { cleanIdNumber, cleanPhone, prepareName, prepareRecord } from './prepare.ts';

const close = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) < 5e-4, `${actual} ≠ ${expected}`);
const name = (text: string) => prepareName(normaliseName(text));

test('Jaro–Winkler known answers (prefix scale 0.1, prefix at most 4)', () => {
  close(jaroWinkler('MARTHA', 'MARHTA'), 0.961);
  close(jaroWinkler('DWAYNE', 'DUANE'), 0.84);
  close(jaroWinkler('DIXON', 'DICKSONX'), 0.813);
  close(jaro('MARTHA', 'MARHTA'), 0.944);
  close(jaroWinkler('JELLYFISH', 'SMELLYFISH'), 0.896);
  assert.equal(jaroWinkler('ABC', 'XYZ'), 0);
  assert.equal(jaroWinkler('', ''), 1);
  assert.equal(jaroWinkler('RAM', ''), 0);
  assert.equal(jaroWinkler('SALIM', 'SALIM'), 1);
});

test('token-set similarity ignores order and accepts a subset', () => {
  assert.equal(tokenSetSimilarity(['salim', 'mohamad'], ['mohamad', 'salim']), 1);
  assert.equal(tokenSetSimilarity(['salim'], ['mohamad', 'salim']), 1);
  assert.equal(tokenSetSimilarity([], ['salim']), 0);
});

test('name levels', () => {
  const level = (a: string, b: string) => NAME_LEVELS[compareName(name(a), name(b))];
  assert.equal(level('Saleem', 'Salim'), 'exact');
  assert.equal(level('Raj Kumar', 'Rajkumar'), 'exact');
  assert.equal(level('Balavant', 'Balvant'), 'phonetic');
  assert.equal(level('Salim', 'Mohammad Salim'), 'subset');
  assert.equal(level('Sunita', 'Sunitra'), 'fuzzy_high');
  assert.equal(level('R. K.', 'Ramesh Kumar'), 'initials');
  assert.equal(level('Sunita', 'Geeta'), 'different');
  assert.equal(compareName(null, name('Salim')), NAME.null);
});

test('given and family names written the other way round are read swapped', () => {
  const code = compareNames(name('Shaikh'), name('Salim'), name('Salim'), name('Shaikh'));
  assert.equal(code & 15, NAME.exact);
  assert.equal((code >> 4) & 15, NAME.exact);
  assert.ok(code & SWAPPED);
  const straight = compareNames(name('Salim'), name('Shaikh'), name('Salim'), name('Sheikh'));
  assert.equal(straight & SWAPPED, 0);
});

test('dates in ISO and Indian formats, and ages', () => {
  for (const text of [
    '1994-03-05',
    '05/03/1994',
    '05-03-1994',
    '05.03.1994',
    '5 Mar 1994',
    '5 March 1994',
    '०५/०३/१९९४',
  ]) {
    assert.equal(parseDate(text), 19940305, text);
  }
  assert.equal(parseDate('12/25/1990'), 19901225, 'month-first only when day-first is impossible');
  assert.equal(parseDate('31/02/1990'), null);
  assert.equal(parseDate('yesterday'), null);
  assert.equal(parseAge('14 yrs'), 14);
  assert.equal(parseAge('14-16'), 15);
  assert.equal(parseAge('लगभग १४ वर्ष'), 14);
  assert.equal(parseAge(''), null);
});

test('birth: day/month swaps, one-digit typos, and ages with a tolerance that grows with age', () => {
  assert.ok(dayMonthSwapped(19940305, 19940503));
  assert.ok(oneTypoApart(19940305, 19940306));
  assert.ok(oneTypoApart(19940305, 19490305), 'neighbouring digits swapped');
  assert.ok(!oneTypoApart(19940305, 19950306));
  const rec = (dob: string | null, age: number | null, ageAt = '2024-06-01') =>
    prepareRecord({ id: 'x', givenName: 'A', dob, age, ageAt });
  const levels = (a: ReturnType<typeof rec>, b: ReturnType<typeof rec>) =>
    ['null', 'exact', 'swap_or_typo', 'same_year', 'age_close', 'age_within', 'different'][
      compareBirth(a, b)
    ];
  assert.equal(levels(rec('1994-03-05', null), rec('05/03/1994', null)), 'exact');
  assert.equal(levels(rec('1994-03-05', null), rec('1994-05-03', null)), 'swap_or_typo');
  assert.equal(levels(rec('1994-03-05', null), rec('1994-11-20', null)), 'same_year');
  assert.equal(levels(rec('2010-03-05', null), rec(null, 14)), 'age_close');
  assert.equal(
    levels(rec('2010-03-05', null), rec(null, 12)),
    'age_within',
    'a child: about 2 years either way',
  );
  assert.equal(levels(rec('2010-03-05', null), rec(null, 9)), 'different');
  assert.equal(
    levels(rec('1970-03-05', null), rec(null, 49)),
    'age_within',
    'an adult: about 6 years either way',
  );
  assert.equal(levels(rec(null, null), rec(null, 49)), 'null');
});

test('sex, district, address, phone and identity number', () => {
  assert.equal(compareSex('f', 'f'), 1);
  assert.equal(compareSex('f', 'm'), 2);
  assert.equal(compareSex(null, 'm'), 0);
  assert.equal(compareDistrict({ district: '230', state: '10' }, { district: '230', state: '10' }), 1);
  assert.equal(compareDistrict({ district: '230', state: '10' }, { district: '231', state: '10' }), 2);
  assert.equal(compareDistrict({ district: '230', state: '10' }, { district: '500', state: '19' }), 3);
  assert.equal(compareDistrict({ district: null, state: null }, { district: '500', state: '19' }), 0);
  assert.equal(compareAddress(['rampur', 'tola'], ['rampur', 'tola']), 1);
  assert.equal(compareAddress(['rampur', 'tola', 'x', 'y'], ['rampur', 'a', 'b', 'c']), 2);
  assert.equal(compareAddress(['rampur'], ['sitapur']), 3);
  assert.equal(cleanPhone('+91 98765 43210'), '9876543210');
  assert.equal(cleanPhone('09876543210'), '9876543210');
  assert.equal(cleanPhone('12345'), null);
  assert.equal(comparePhone('9876543210', '9876543210'), 1);
  assert.equal(comparePhone('9876543210', '9876543211'), 2);
  assert.equal(comparePhone('9876543210', '9876543201'), 2);
  assert.equal(comparePhone('9876543210', '9123456780'), 3);
  assert.equal(cleanIdNumber('XXXX-XXXX-1234'), '********1234');
  assert.equal(cleanIdNumber('2349 2036 1234'), '234920361234');
  assert.equal(compareIdNumber('234920361234', '234920361234'), 1);
  assert.equal(compareIdNumber('********1234', '234920361234'), 2);
  assert.equal(compareIdNumber('********1234', '234920369999'), 3);
  assert.equal(compareIdNumber('ABC1234567', 'ABC1234568'), 3);
});
