/** Demo awareness campaigns and public tips (places are demo AHTU districts and their railway stations). */
import type { CampaignInput } from '../campaigns/schemas.ts';

export const DEMO_CAMPAIGNS: readonly {
  by: string;
  district?: number;
  station?: string;
  medium: CampaignInput['medium'];
  title: string;
}[] = [
  {
    by: 'br.patna.ahtu',
    station: 'PNBE',
    medium: 'transit_placards',
    title: 'Placards and help desk at Patna Junction',
  },
  { by: 'br.patna.ahtu', medium: 'fm_radio', title: 'FM spots: false job offers in Delhi and Surat' },
  { by: 'br.champaran.ahtu', medium: 'newspaper', title: 'Hindi newspaper notices on border trafficking' },
  { by: 'br.nodal', district: 196, medium: 'social_media', title: 'Social media series on bonded labour' },
  {
    by: 'jh.ranchi.ahtu',
    station: 'RNC',
    medium: 'transit_placards',
    title: 'Placards at Ranchi station in Hindi, Mundari and Kurukh',
  },
  { by: 'jh.nodal', district: 331, medium: 'fm_radio', title: 'Community radio in Gumla villages' },
  {
    by: 'wb.kolkata.ahtu',
    station: 'HWH',
    medium: 'transit_placards',
    title: 'Help desk at Howrah for young women travelling alone',
  },
  { by: 'wb.nodal', district: 304, medium: 'tv', title: 'TV spot on missing girls from the Sundarbans' },
  {
    by: 'up.varanasi.ahtu',
    station: 'BSB',
    medium: 'transit_placards',
    title: 'Nepali and Bhojpuri placards at Varanasi Junction',
  },
  { by: 'up.lucknow.ahtu', medium: 'social_media', title: 'Online safety for job seekers' },
  {
    by: 'dl.newdelhi.ahtu',
    district: 79,
    medium: 'transit_placards',
    title: 'Arrival-hall placards at New Delhi station',
  },
  { by: 'mh.mumbai.ahtu', medium: 'newspaper', title: 'Marathi and Hindi notices on placement agencies' },
];

export const DEMO_TIPS: readonly {
  district: number;
  whatSeen: string;
  place?: string;
  when?: string;
  language: 'en' | 'hi';
  step?: 'triaged' | 'actioned' | 'dismissed';
}[] = [
  {
    district: 212,
    whatSeen:
      'A man with six young boys buying tickets to Surat; the boys look scared and do not speak Hindi.',
    place: 'Patna Junction booking counter',
    when: 'this evening',
    language: 'en',
  },
  {
    district: 212,
    whatSeen: 'पड़ोस के घर में एक छोटी लड़की दिन-रात काम करती है, स्कूल नहीं जाती, मारपीट की आवाज़ आती है।',
    place: 'कंकड़बाग',
    when: 'पिछले दो महीने से',
    language: 'hi',
    step: 'triaged',
  },
  {
    district: 213,
    whatSeen: 'Girls taken across the border in a jeep at night by the same driver every week.',
    place: 'near Raxaul checkpost',
    when: 'every Friday night',
    language: 'en',
    step: 'actioned',
  },
  {
    district: 339,
    whatSeen: 'An agent is going house to house offering work in Delhi homes for girls of 13 and 14.',
    place: 'Village near Bero',
    when: 'last week',
    language: 'en',
  },
  {
    district: 339,
    whatSeen: 'गाँव में एक आदमी शादी के नाम पर लड़कियों को हरियाणा ले जा रहा है।',
    when: 'कल',
    language: 'hi',
    step: 'dismissed',
  },
  {
    district: 315,
    whatSeen: 'A spa employs very young women who are never allowed to leave the building.',
    place: 'Park Street',
    when: 'seen several times this month',
    language: 'en',
    step: 'triaged',
  },
  {
    district: 79,
    whatSeen: 'A group of children with one adult sleeping at the station for two days, waiting for someone.',
    place: 'New Delhi station, Ajmeri Gate side',
    when: 'since Monday',
    language: 'en',
  },
  {
    district: 482,
    whatSeen: 'Minor boys working at a zari unit late into the night; the door is locked from outside.',
    place: 'Dharavi',
    when: 'tonight',
    language: 'en',
  },
];
