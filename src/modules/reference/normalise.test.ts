/** Pure known-answer tests: transliteration, search keys, name tidying, geometry helpers. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AreaIndex, mergeAndRound, type PolygonGeometry } from './geo.ts';
import { inferNeighbour } from './import-border-crossings.ts';
import { cleanSubdistrictName, stateDisplayName, STATE_NAMES_HI, titleCase } from './names.ts';
import { hasDevanagari, latinKey, searchKey, transliterateDevanagari } from './normalise.ts';

void describe('Devanagari transliteration with Hindi schwa deletion', () => {
  const cases: [string, string][] = [
    ['पटना', 'paṭnā'],
    ['रांची', 'rāṃcī'],
    ['मुंबई', 'muṃbaī'],
    ['बिहार', 'bihār'],
    ['झारखंड', 'jhārkhaṃḍ'],
    ['उत्तर प्रदेश', 'uttar pradeś'],
    ['कोलकाता', 'kolkātā'],
    ['गोरखपुर', 'gorakhpur'],
    ['अमृतसर', 'amṛtsar'],
    ['छत्तीसगढ़', 'chattīsgar'],
    // A final schwa after a consonant cluster is pronounced and stays.
    ['मित्र', 'mitra'],
    ['महाराष्ट्र', 'mahārāṣṭra'],
  ];
  for (const [devanagari, latin] of cases) {
    void test(`${devanagari} → ${latin}`, () => assert.equal(transliterateDevanagari(devanagari), latin));
  }

  void test('Latin text passes through untouched', () => {
    assert.equal(transliterateDevanagari('Patna Jn'), 'Patna Jn');
    assert.equal(hasDevanagari('Patna'), false);
    assert.equal(hasDevanagari('पटना'), true);
  });
});

void describe('search keys', () => {
  const sameKey: [string, string][] = [
    ['पटना', 'Patna'],
    ['रांची', 'Ranchi'],
    ['मुंबई', 'Mumbai'],
    ['बिहार', 'Bihar'],
    ['झारखंड', 'Jharkhand'],
    ['उत्तर प्रदेश', 'Uttar Pradesh'],
    ['कोलकाता', 'Kolkata'],
    ['गोरखपुर', 'Gorakhpur'],
    ['मुज़फ़्फ़रपुर', 'Muzaffarpur'],
    ['रक्सौल', 'Raxaul'],
    ['छत्तीसगढ़', 'Chhattisgarh'],
    ['महाराष्ट्र', 'Maharashtra'],
    ['अमृतसर', 'Amritsar'],
    ['चेन्नई', 'Chennai'],
  ];
  for (const [devanagari, latin] of sameKey) {
    void test(`${devanagari} and ${latin} share a key`, () =>
      assert.equal(searchKey(devanagari), searchKey(latin)));
  }

  void test('known keys', () => {
    assert.equal(latinKey('Patna'), 'patn');
    assert.equal(latinKey('PATNA JN'), 'patn jn');
    assert.equal(latinKey('Uttar Pradesh'), 'utar prades');
    assert.equal(latinKey('Jammu & Kashmir'), 'jamu and kasmir');
  });

  void test('spelling variants fold together', () => {
    assert.equal(latinKey('Kolkatta'), latinKey('Kolkata')); // doubled letters
    assert.equal(latinKey('Bareilly'), latinKey('Bareily'));
    assert.equal(latinKey('Meerut'), latinKey('Mirut')); // ee/i
    assert.equal(latinKey('Varanasi'), latinKey('Waranasi')); // v/w
    assert.equal(latinKey('Shimla'), latinKey('Simla')); // sh/s
    assert.equal(latinKey('Raxaul'), latinKey('Raksaul')); // x/ks
    assert.equal(latinKey('Poona'), latinKey('Puna')); // oo/u
    assert.equal(latinKey('Kaamrup'), latinKey('Kamrup')); // aa/a
  });

  void test('different places keep different keys', () => {
    assert.notEqual(latinKey('Patna'), latinKey('Panna'));
    assert.notEqual(latinKey('Ranchi'), latinKey('Rampur'));
  });
});

void describe('names', () => {
  void test('title case of LGD capitals', () => {
    assert.equal(titleCase('ANDAMAN AND NICOBAR ISLANDS'), 'Andaman and Nicobar Islands');
    assert.equal(titleCase('UTTAR PRADESH'), 'Uttar Pradesh');
    assert.equal(titleCase('JAMMU AND KASHMIR'), 'Jammu and Kashmir');
    assert.equal(titleCase('KAIMUR (BHABUA)'), 'Kaimur (Bhabua)');
    assert.equal(titleCase('JANJGIR-CHAMPA'), 'Janjgir-Champa');
    assert.equal(titleCase('24 PARAGANAS NORTH'), '24 Paraganas North');
    assert.equal(titleCase('Y.S.R.'), 'Y.S.R.');
    assert.equal(titleCase('Alluri Sitharama Raju'), 'Alluri Sitharama Raju');
  });

  void test('State display names', () => {
    assert.equal(
      stateDisplayName('THE DADRA AND NAGAR HAVELI AND DAMAN AND DIU'),
      'Dadra and Nagar Haveli and Daman and Diu',
    );
  });

  void test('sub-district footnote marks are dropped', () => {
    assert.equal(cleanSubdistrictName('Chanan*'), 'Chanan');
    assert.equal(cleanSubdistrictName('ADILABAD URBAN'), 'Adilabad Urban');
  });

  void test('all 36 States and UTs have a Hindi name', () => {
    assert.equal(Object.keys(STATE_NAMES_HI).length, 36);
    assert.equal(STATE_NAMES_HI[10], 'बिहार');
    assert.equal(STATE_NAMES_HI[9], 'उत्तर प्रदेश');
    assert.equal(STATE_NAMES_HI[20], 'झारखंड');
    assert.equal(STATE_NAMES_HI[19], 'पश्चिम बंगाल');
    assert.equal(STATE_NAMES_HI[7], 'दिल्ली');
    assert.equal(STATE_NAMES_HI[27], 'महाराष्ट्र');
    assert.equal(STATE_NAMES_HI[37], 'लद्दाख');
    for (const name of Object.values(STATE_NAMES_HI)) assert.ok(hasDevanagari(name), name);
  });
});

void describe('geometry', () => {
  const square = (x: number, y: number, size: number): PolygonGeometry => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  });

  void test('rounding to 5 decimals and dropping repeated vertices', () => {
    const merged = mergeAndRound([
      {
        type: 'Polygon',
        coordinates: [
          [
            [85.1234567, 25.1],
            [85.1234568, 25.1],
            [85.2, 25.1],
            [85.2, 25.2],
            [85.1234567, 25.1],
          ],
        ],
      },
    ]);
    assert.deepEqual(merged, {
      type: 'Polygon',
      coordinates: [
        [
          [85.12346, 25.1],
          [85.2, 25.1],
          [85.2, 25.2],
          [85.12346, 25.1],
        ],
      ],
    });
  });

  void test('several polygons merge into one MultiPolygon', () => {
    const merged = mergeAndRound([square(0, 0, 1), square(5, 5, 1)]);
    assert.equal(merged?.type, 'MultiPolygon');
    assert.equal(merged.coordinates.length, 2);
  });

  void test('point-in-polygon with a near fallback of about a kilometre', () => {
    const index = new AreaIndex([
      { value: 'a', geometry: square(0, 0, 1) },
      { value: 'b', geometry: square(2, 0, 1) },
    ]);
    assert.equal(index.find(0.5, 0.5), 'a');
    assert.equal(index.find(2.5, 0.5), 'b');
    assert.equal(index.find(1.5, 0.5), undefined);
    assert.equal(index.findNear(1.004, 0.5), 'a');
    assert.equal(index.findNear(1.5, 0.5), undefined);
  });
});

void test('neighbour country inference', () => {
  assert.equal(inferNeighbour('INRXL', 10), 'Nepal');
  assert.equal(inferNeighbour('INATR', 3), 'Pakistan');
  assert.equal(inferNeighbour('INJIG', 19), 'Bhutan');
  assert.equal(inferNeighbour('INPTP', 19), 'Bangladesh');
  assert.equal(inferNeighbour('INGJI', 5), 'China');
  assert.equal(inferNeighbour('INTNG', 19), null); // West Bengal borders three countries
});
