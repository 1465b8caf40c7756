import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normaliseName } from './normalise.ts';
import { phoneticKey, phoneticKeyOfTokens } from './phonetic.ts';

const key = (name: string) => phoneticKeyOfTokens(normaliseName(name));

test('romanisation differences share a key', () => {
  for (const [a, b] of [
    ['Balavant', 'Balvant'],
    ['Rajani', 'Rajni'],
    ['Thulasi', 'Tulasi'],
    ['Bhavana', 'Bhawna'],
    ['Mohammad', 'Muhammad'],
    ['Deepak', 'Dipak'],
    ['Vikas', 'Bikash'],
    ['Krithi', 'Kruti'],
    ['Jaishree', 'Jayshri'],
    ['Verma', 'Varma'],
    ['Ahimsa', 'Ahinsa'],
    ['Raj Kumar', 'Rajkumar'],
    ['बलवंत', 'Balwant'],
    ['रजनी', 'Rajani'],
  ]) {
    assert.equal(key(a ?? ''), key(b ?? ''), `${a} / ${b}`);
  }
});

test('different names keep different keys', () => {
  assert.notEqual(key('Ram'), key('Rima'));
  assert.notEqual(key('Rima'), key('Roma'));
  assert.notEqual(key('Sunita'), key('Anita'));
  assert.notEqual(key('Asha'), key('Usha'));
  assert.notEqual(key('Kumar'), key('Kumari'.slice(0, 3)));
});

test('an initial is its own key', () => {
  assert.equal(phoneticKey('r'), 'r');
  assert.equal(phoneticKeyOfTokens(['r', 'salim']), phoneticKey('salim'));
});
