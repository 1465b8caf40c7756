/**
 * District and State resolution against LGD rows, so "Patna", "PATNA", "पटना" and code 230 agree and a
 * district yields its State (the "same State" comparison level). The caller reads the LGD file.
 */
import { placeKey } from './prepare.ts';

export interface DistrictRow {
  districtCode: string;
  districtName: string;
  stateCode: string;
  stateName: string;
}

export function placeResolver(
  rows: readonly DistrictRow[],
): (district: string | null, state: string | null) => { district: string | null; state: string | null } {
  const stateOfDistrict = new Map<string, string>();
  const districtsByName = new Map<string, DistrictRow[]>();
  const stateByName = new Map<string, string>();
  for (const row of rows) {
    const code = placeKey(row.districtCode);
    const stateCode = placeKey(row.stateCode);
    if (!code || !stateCode) continue;
    stateOfDistrict.set(code, stateCode);
    const name = placeKey(row.districtName);
    if (name) districtsByName.set(name, [...(districtsByName.get(name) ?? []), row]);
    const stateName = placeKey(row.stateName);
    if (stateName) stateByName.set(stateName, stateCode);
  }
  return (district, state) => {
    let stateCode = state === null ? null : /^\d+$/.test(state) ? state : (stateByName.get(state) ?? state);
    if (district === null) return { district, state: stateCode };
    if (/^\d+$/.test(district)) return { district, state: stateOfDistrict.get(district) ?? stateCode };
    const candidates = districtsByName.get(district) ?? [];
    // A district name shared by two States (Aurangabad) resolves only when the State says which.
    const chosen =
      candidates.length === 1 ? candidates[0] : candidates.find((c) => placeKey(c.stateCode) === stateCode);
    if (!chosen) return { district, state: stateCode };
    stateCode = placeKey(chosen.stateCode);
    return { district: placeKey(chosen.districtCode), state: stateCode };
  };
}

/**
 * Folded names of every district and State (multi-word names as their words), so addresses can drop
 * them: "Dist. Patna" repeats the district field, and counting it twice would make neighbours look alike.
 */
export function placeNames(rows: readonly DistrictRow[]): Set<string> {
  const names = new Set<string>();
  for (const row of rows) {
    for (const name of [row.districtName, row.stateName])
      for (const word of (placeKey(name) ?? '').split(' ')) if (word.length > 2) names.add(word);
  }
  return names;
}
