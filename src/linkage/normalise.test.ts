import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldToken, normaliseName, normaliseToken, parseName } from './normalise.ts';

const same = (a: string, b: string) => assert.deepEqual(normaliseName(a), normaliseName(b), `${a} ≠ ${b}`);

test('Md. Salim Sk, Mohammad Saleem Shaikh and मोहम्मद सलीम शेख are one name', () => {
  assert.deepEqual(normaliseName('Mohammad Saleem Shaikh'), ['mohamad', 'salim', 'saikh']);
  same('Md. Salim Sk', 'Mohammad Saleem Shaikh');
  same('मोहम्मद सलीम शेख', 'Mohammad Saleem Shaikh');
  same('Mohd Salim Sheikh', 'Muhammad Salim Shaik');
});

test('titles and kinship words are dropped, relatives are kept apart', () => {
  assert.deepEqual(normaliseName('Smt. Sunita Devi'), ['sunit', 'devi']);
  assert.deepEqual(normaliseName('Km. Pooja'), ['puj']);
  assert.deepEqual(normaliseName('Late Shri Ram Lal'), ['ram', 'lal']);
  assert.deepEqual(normaliseName('Dr Mrs Meena Kumari'), ['min', 'kumari']);
  assert.deepEqual(normaliseName('Kumari'), ['kumari'], 'a title alone is a name');
  const son = parseName('Ramesh s/o Suresh Kumar');
  assert.deepEqual(son.tokens, ['rames']);
  assert.equal(son.relatives.father, 'suresh kumar');
  assert.equal(parseName('Sita W/O Ram Prasad').relatives.spouse, 'ram prasad');
  assert.equal(parseName('Anita d/o late Mohan').relatives.father, 'late mohan');
  assert.equal(parseName('Asha c/o Ram').relatives.guardian, 'ram');
  assert.equal(parseName('श्रीमती सुनीता देवी पत्नी रमेश').relatives.spouse, 'ramesh');
  assert.deepEqual(parseName('श्रीमती सुनीता देवी पत्नी रमेश').tokens, ['sunit', 'devi']);
});

test('spelling variants fold together', () => {
  same('Kumar', 'Kumaar');
  same('Raj Kr.', 'Raj Kumar');
  same('Laxmi', 'Lakshmi');
  same('Preeti', 'Priti');
  same('Balwant', 'Balvant');
  same('Zaheer', 'Jaheer');
  same('Phoolan', 'Fulan');
  same('Shyam', 'Syam');
  same('Aarti', 'Arti');
  same('Pooja', 'Puja');
  same('Pappu', 'Papu');
  same('Krishna', 'Krishn');
  same('Gowda', 'Gauda');
  same('Bunty', 'Bunti');
  assert.equal(foldToken('lakshmi'), 'laksmi');
  assert.equal(normaliseToken('sk'), 'saikh');
});

test('initials are single letters, whether dotted or written together', () => {
  assert.deepEqual(normaliseName('R.K. Sharma'), ['r', 'k', 'sarm']);
  assert.deepEqual(normaliseName('RK Sharma'), ['r', 'k', 'sarm']);
  assert.deepEqual(normaliseName('R. Murugan'), ['r', 'murugan']);
});

test('case, whitespace, punctuation, nukta and anusvara do not matter', () => {
  same('  SUNITA   devi ', 'Sunita Devi');
  same("D'Souza", 'D Souza');
  same('ज़ाकिर', 'जाकिर');
  same('संजय', 'Sanjay');
  same('आँचल', 'Aanchal');
  same('शंभू', 'Shambhu');
});
