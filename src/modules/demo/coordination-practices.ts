/** The demo compendium: practices of the kind the States' police have documented, some written in Hindi. */
export interface DemoPractice {
  by: string;
  category: 'prevention' | 'rescue' | 'investigation' | 'prosecution' | 'rehabilitation' | 'technology';
  language: 'en' | 'hi';
  title: string;
  summary: string;
  body: string;
  outcomes?: string;
  /** Left for the reviewer instead of published. */
  pending?: boolean;
}

export const DEMO_PRACTICES: readonly DemoPractice[] = [
  {
    by: 'br.patna.ahtu',
    category: 'rescue',
    language: 'en',
    title: 'Joint railway checks with RPF and Childline at Patna Junction',
    summary:
      'Daily joint checks of long-distance trains leaving for Delhi and Surat, with a fixed escort protocol.',
    body: 'The AHTU, the RPF post and the Childline desk check the general coaches of three trains every evening. Children travelling with adults who are not family are spoken to separately; a placement agent carrying tickets for a group is questioned at the AHTU desk on the platform. Rescued children are produced before the CWC the same night.',
    outcomes: '146 children intercepted in 2025, 31 agents arrested, 12 cases charge-sheeted.',
  },
  {
    by: 'br.champaran.ahtu',
    category: 'prevention',
    language: 'hi',
    title: 'सीमा के गाँवों में मानव तस्करी के विरुद्ध महिला निगरानी समूह',
    summary: 'रक्सौल सीमा के गाँवों में स्वयं सहायता समूहों की महिलाएँ बाहर जाने वाली लड़कियों की जानकारी रखती हैं।',
    body: 'पूर्वी चंपारण के सीमावर्ती गाँवों में जीविका स्वयं सहायता समूहों की महिलाओं को मानव तस्करी के संकेत पहचानने का प्रशिक्षण दिया गया। कोई लड़की काम या शादी के नाम पर बाहर ले जाई जाती है तो समूह एएचटीयू और एसएसबी को सूचना देता है।',
    outcomes: 'एक वर्ष में 23 लड़कियों को सीमा पार ले जाने से पहले रोका गया।',
  },
  {
    by: 'jh.ranchi.ahtu',
    category: 'rehabilitation',
    language: 'en',
    title: 'Skill training and follow-up visits for girls restored to Ranchi and Gumla',
    summary: 'Each restored girl gets a caseworker, a skill course and home visits for two years.',
    body: 'Girls rescued from domestic servitude in Delhi and restored home are enrolled in a residential skill course with the district skill mission. A caseworker from a partner NGO visits every quarter for two years, checks school or work attendance and watches for the same placement agency approaching the family again.',
    outcomes: 'Re-trafficking among restored girls fell from 9 to 2 known cases in two years.',
  },
  {
    by: 'jh.ranchi.ahtu',
    category: 'prevention',
    language: 'hi',
    title: 'प्लेसमेंट एजेंसियों का अनिवार्य पंजीकरण और सत्यापन',
    summary: 'ज़िले की सभी प्लेसमेंट एजेंसियों का पंजीकरण और बाहर भेजे गए हर कामगार का रिकॉर्ड।',
    body: 'रांची ज़िले में श्रम विभाग और एएचटीयू ने मिलकर सभी प्लेसमेंट एजेंसियों का पंजीकरण कराया। हर एजेंसी को बाहर भेजे गए कामगार का नाम, नियोक्ता का पता और वेतन दर्ज करना होता है। बिना पंजीकरण वाली एजेंसियों पर मानव तस्करी की धाराओं में मुकदमा दर्ज किया जाता है।',
  },
  {
    by: 'wb.kolkata.ahtu',
    category: 'investigation',
    language: 'en',
    title: 'Following the money: bank and UPI trails of trafficking networks',
    summary:
      'Financial investigation of agents through bank statements and UPI records to reach the network heads.',
    body: 'For every case with an arrested agent, the AHTU requests bank and UPI statements of the agent and the numbers found on the phone. Payments from the exploiter to the agent and from the agent to the recruiter show the chain; the statements are attached to the charge-sheet as corroboration.',
    outcomes: 'Three network heads arrested in Mumbai and Pune on the strength of payment trails.',
  },
  {
    by: 'wb.kolkata.ahtu',
    category: 'prosecution',
    language: 'en',
    title: 'Victim-witness protection through video-conference testimony',
    summary: 'Victims repatriated to Bangladesh testify by video from the shelter, with a support person.',
    body: 'The AHTU, the public prosecutor and the shelter coordinate dates with the court; the victim testifies by video from the shelter or the consulate with a counsellor present. The prosecutor prepares her with the statement recorded under section 183 BNSS.',
    outcomes: 'Conviction in 7 of 9 cases where the victim testified by video.',
  },
  {
    by: 'dl.newdelhi.ahtu',
    category: 'technology',
    language: 'en',
    title: 'Matching missing-children reports against children found at stations',
    summary:
      'A weekly match of TrackChild missing reports against children produced before the CWC from stations.',
    body: 'Every child found at New Delhi and Anand Vihar stations is photographed (with CWC consent) and described by age, sex, language and home district. The AHTU matches these weekly against missing reports from source States and calls the reporting police station on a likely match.',
    outcomes: '58 children restored to families in 2025 through the weekly match.',
  },
  {
    by: 'dl.newdelhi.ahtu',
    category: 'rescue',
    language: 'hi',
    title: 'घरेलू कामगार बच्चों की बचाव कार्रवाई के लिए मानक प्रक्रिया',
    summary: 'बचाव से पहले श्रम विभाग, सीडब्ल्यूसी और एनजीओ के साथ एक ही दिन की संयुक्त योजना।',
    body: 'घरेलू काम में लगाए गए बच्चों को छुड़ाने से पहले एएचटीयू श्रम विभाग, बाल कल्याण समिति और एनजीओ के साथ बैठक करता है। बचाव के दिन ही बच्चे का बयान, चिकित्सा जाँच और आश्रय गृह में रहने की व्यवस्था की जाती है, और नियोक्ता से बकाया मज़दूरी की वसूली का आदेश लिया जाता है।',
  },
  {
    by: 'mh.mumbai.ahtu',
    category: 'investigation',
    language: 'en',
    title: 'Decoy operations in spas and bars with women officers',
    summary: 'Planned decoy operations led by women officers, with the magistrate informed and NGOs present.',
    body: 'Operations follow a written plan approved by the DCP: a decoy customer, a woman officer leading the raid team, an NGO counsellor for the rescued women, and videography of the whole operation. Owners and managers are booked under sections 143 and 144 BNS and the ITPA.',
  },
  {
    by: 'mh.mumbai.ahtu',
    category: 'rehabilitation',
    language: 'hi',
    title: 'बचाई गई महिलाओं के लिए पीड़ित मुआवज़ा आवेदन उसी सप्ताह',
    summary: 'विधिक सेवा प्राधिकरण के साथ बचाव के एक सप्ताह के भीतर मुआवज़े का आवेदन।',
    body: 'बचाव के बाद हर महिला और बच्ची के लिए ज़िला विधिक सेवा प्राधिकरण में पीड़ित मुआवज़ा योजना के तहत आवेदन एक सप्ताह के भीतर किया जाता है। एएचटीयू प्राथमिकी, चिकित्सा रिपोर्ट और बयान की प्रतियाँ साथ में भेजता है, ताकि अंतरिम मुआवज़ा जल्दी मिले।',
    outcomes: 'अंतरिम मुआवज़ा मिलने का औसत समय चार महीने से घटकर तीन सप्ताह हुआ।',
  },
  {
    by: 'up.lucknow.ahtu',
    category: 'prosecution',
    language: 'en',
    title: 'Charge-sheet checklist for trafficking cases',
    summary: 'A one-page checklist the supervising officer signs before a trafficking charge-sheet is filed.',
    body: 'The checklist covers the sections (143/144 BNS, ITPA, JJ Act, bonded labour), age proof of the victim, statements under section 183 BNSS, call records, payment trails, and the route of the victim from recruitment to rescue. Filing without a signed checklist is not allowed.',
    outcomes: 'Charge-sheets returned by prosecutors fell by half.',
  },
  {
    by: 'up.varanasi.ahtu',
    category: 'prevention',
    language: 'en',
    title: 'Awareness at Varanasi Junction for migrants from Nepal',
    summary: 'Help desk and placards in Nepali and Bhojpuri at the station for young women travelling alone.',
    body: 'A help desk with a woman constable and an NGO volunteer at Varanasi Junction speaks to young women arriving from the Nepal border towns. Placards in Nepali, Hindi and Bhojpuri give the helpline numbers and warn of false job offers in Delhi and the Gulf.',
  },
  {
    by: 'br.patna.ahtu',
    category: 'technology',
    language: 'hi',
    title: 'संदिग्ध दलालों के फ़ोन नंबरों की साझा सूची',
    summary: 'ज़िलों और आरपीएफ के बीच संदिग्ध दलालों के फ़ोन नंबरों की साप्ताहिक साझा सूची।',
    body: 'पटना एएचटीयू हर सप्ताह संदिग्ध दलालों और प्लेसमेंट एजेंटों के फ़ोन नंबरों की सूची आरपीएफ और पड़ोसी ज़िलों के एएचटीयू से साझा करता है। किसी नंबर से नए बच्चों की बुकिंग दिखे तो स्टेशन पर जाँच की जाती है।',
  },
  {
    by: 'jh.ranchi.ahtu',
    category: 'investigation',
    language: 'en',
    title: 'Tracing recruiters through the villages of rescued children',
    summary:
      'After each rescue, a team visits the home village within a week to identify the local recruiter.',
    body: 'Rescued children often name only the agent at the destination. A team from the AHTU visits the home village within a week of restoration, speaks to the family and the gram panchayat and identifies the local recruiter, who is then added to the case as an accused.',
    pending: true,
  },
  {
    by: 'wb.kolkata.ahtu',
    category: 'rescue',
    language: 'hi',
    title: 'सुंदरबन के गाँवों से लापता लड़कियों की त्वरित खोज',
    summary: 'गुमशुदगी की हर रिपोर्ट पर चौबीस घंटे के भीतर स्टेशन और बस अड्डों पर अलर्ट।',
    body: 'दक्षिण 24 परगना से किसी लड़की की गुमशुदगी दर्ज होते ही एएचटीयू उसकी तस्वीर और विवरण हावड़ा, सियालदह और बस अड्डों की पुलिस को भेजता है। चौबीस घंटे में न मिलने पर मामला मानव तस्करी की आशंका के साथ दर्ज किया जाता है।',
    pending: true,
  },
];
