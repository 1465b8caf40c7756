/** Two registrations of the same girl, in Bihar (Devanagari) and in Jharkhand (Latin), for the linkage tests. */
const PURBI_CHAMPARAN = 213;
const RANCHI = 339;

/** A girl from Purbi Champaran, recorded by the Patna AHTU in Devanagari. */
export const biharCase = {
  kind: 'fir',
  title: 'Minor girl trafficked for domestic work',
  firNumber: '77/2025',
  firDate: '2025-03-02',
  registeredOn: '2025-03-02',
  exploitationForms: ['domestic_servitude'],
  legalSections: ['BNS-143'],
  persons: [
    {
      role: 'victim',
      name: 'सुनैना कुमारी',
      sex: 'female',
      ageYears: 14,
      ageOn: '2025-03-01',
      fatherName: 'रमेश पासवान',
      homeDistrictLgd: PURBI_CHAMPARAN,
      address: 'ग्राम बरवा, पोस्ट चकिया',
      phones: ['+91 98765 43210'],
      rescuedOn: '2025-03-01',
    },
  ],
  route: [
    { stage: 'recruitment', placeKind: 'district', districtLgd: PURBI_CHAMPARAN, occurredOn: '2025-01-10' },
  ],
};

/** The same girl rescued again in Ranchi a year later, her name romanised another way. */
export const jharkhandCase = {
  kind: 'fir',
  title: 'Girls rescued from a placement agency',
  firNumber: '12/2026',
  firDate: '2026-02-10',
  registeredOn: '2026-02-10',
  exploitationForms: ['domestic_servitude'],
  legalSections: ['BNS-143'],
  persons: [
    {
      role: 'victim',
      name: 'Sunaina Kumari',
      sex: 'female',
      ageYears: 15,
      ageOn: '2026-02-09',
      fatherName: 'Ramesh Paswaan',
      homeDistrictLgd: PURBI_CHAMPARAN,
      address: 'Village Barwa, Chakia',
      phones: ['9876543210'],
      rescuedOn: '2026-02-09',
    },
  ],
  route: [{ stage: 'rescue', placeKind: 'district', districtLgd: RANCHI, occurredOn: '2026-02-09' }],
};
