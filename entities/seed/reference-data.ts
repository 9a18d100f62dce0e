import { CareLevel, Country } from '../../domain/enums';

/**
 * Reference data: regions, their principals, municipalities, coordination associations
 * (samordningsförbund) and some care units. Sources: ../shared/DOMAIN.md ("Reference data") and
 * seed 003 (Västra Götaland's list of associations, as published on vgregion.se, updated 2021-06-17).
 *
 * Member references: 'principal' (the region's own principal), 'm:<code>' (a municipality of the
 * same country, possibly of another region), or an organisation slug of the association's region.
 */
export interface MemberSeed {
  ref: string;
  /** Financing share in percent, when the source gives it. */
  share?: number;
  note?: string;
}

export interface AssociationSeed {
  slug: string;
  name: string;
  establishedOn?: string;
  members: MemberSeed[];
}

export interface CareUnitSeed {
  /** Owner: 'principal' or 'm:<code>'. */
  owner: string;
  slug: string;
  name: string;
  careLevel: CareLevel;
}

export interface RegionSeed {
  country: Country;
  code: string;
  name: string;
  timeZone: string;
  principal: string;
  /** [official code, organisation name] */
  municipalities: ReadonlyArray<readonly [string, string]>;
  /** Other organisations of the region, by slug. */
  agencies: ReadonlyArray<{ slug: string; name: string }>;
  associations: AssociationSeed[];
  careUnits: CareUnitSeed[];
}

const SWEDISH_STATE_AGENCIES = [
  { slug: 'fk', name: 'Försäkringskassan' },
  { slug: 'af', name: 'Arbetsförmedlingen' },
];

/** Finsam associations are financed by the state (FK and AF), the region and the municipalities. */
const finsam = (...municipalities: string[]): MemberSeed[] => [
  { ref: 'principal' },
  { ref: 'fk' },
  { ref: 'af' },
  ...municipalities.map((code) => ({ ref: `m:${code}` })),
];

const homeRehab = (code: string, municipality: string): CareUnitSeed => ({
  owner: `m:${code}`,
  slug: 'home-rehab',
  name: `${municipality}, hemsjukvård och hemrehabilitering`,
  careLevel: CareLevel.MUNICIPAL_HOME_REHAB,
});

const DALARNA_MUNICIPALITIES = [
  ['2021', 'Vansbro kommun', 'Vansbro'],
  ['2023', 'Malung-Sälens kommun', 'Malung-Sälen'],
  ['2026', 'Gagnefs kommun', 'Gagnef'],
  ['2029', 'Leksands kommun', 'Leksand'],
  ['2031', 'Rättviks kommun', 'Rättvik'],
  ['2034', 'Orsa kommun', 'Orsa'],
  ['2039', 'Älvdalens kommun', 'Älvdalen'],
  ['2061', 'Smedjebackens kommun', 'Smedjebacken'],
  ['2062', 'Mora kommun', 'Mora'],
  ['2080', 'Falu kommun', 'Falun'],
  ['2081', 'Borlänge kommun', 'Borlänge'],
  ['2082', 'Säters kommun', 'Säter'],
  ['2083', 'Hedemora kommun', 'Hedemora'],
  ['2084', 'Avesta kommun', 'Avesta'],
  ['2085', 'Ludvika kommun', 'Ludvika'],
] as const;

const dalarna: RegionSeed = {
  country: Country.SE,
  code: '20',
  name: 'Dalarna',
  timeZone: 'Europe/Stockholm',
  principal: 'Region Dalarna',
  municipalities: DALARNA_MUNICIPALITIES.map(([code, name]) => [code, name] as const),
  agencies: SWEDISH_STATE_AGENCIES,
  associations: [
    { slug: 'norra-dalarna', name: 'Samordningsförbundet Norra Dalarna', establishedOn: '2013-05-01', members: finsam('2062', '2034', '2039') },
    { slug: 'nedansiljan', name: 'Samordningsförbundet Nedansiljan', establishedOn: '2007-04-01', members: finsam('2026', '2029', '2031') },
    { slug: 'vasterdalarna', name: 'Finsam Västerdalarna', establishedOn: '2008-01-01', members: finsam('2023', '2021') },
    {
      slug: 'falun-borlange',
      name: 'Finsam Falun-Borlänge',
      establishedOn: '2023-01-01',
      members: [
        { ref: 'principal', share: 25 },
        { ref: 'fk', share: 25 },
        { ref: 'af', share: 25 },
        { ref: 'm:2080', share: 13 },
        { ref: 'm:2081', share: 12 },
      ],
    },
    {
      slug: 'sodra-dalarna',
      name: 'Samordningsförbundet Södra Dalarna',
      members: [
        { ref: 'principal', share: 25 },
        // The source gives FK and AF 50 % together, not each agency's part.
        { ref: 'fk', note: 'Försäkringskassan and Arbetsförmedlingen finance 50 % together' },
        { ref: 'af', note: 'Försäkringskassan and Arbetsförmedlingen finance 50 % together' },
        { ref: 'm:2084', share: 11 },
        { ref: 'm:2083', share: 8 },
        { ref: 'm:2082', share: 6 },
      ],
    },
  ],
  careUnits: [
    { owner: 'principal', slug: 'avesta-lasarett', name: 'Avesta lasarett', careLevel: CareLevel.INPATIENT_CARE },
    { owner: 'principal', slug: 'borlange-sjukhus', name: 'Borlänge sjukhus', careLevel: CareLevel.INPATIENT_CARE },
    { owner: 'principal', slug: 'falu-lasarett', name: 'Falu lasarett', careLevel: CareLevel.INPATIENT_CARE },
    { owner: 'principal', slug: 'ludvika-lasarett', name: 'Ludvika lasarett', careLevel: CareLevel.INPATIENT_CARE },
    { owner: 'principal', slug: 'mora-lasarett', name: 'Mora lasarett', careLevel: CareLevel.INPATIENT_CARE },
    { owner: 'principal', slug: 'sater-psykiatri', name: 'Säters sjukhus, psykiatri', careLevel: CareLevel.INPATIENT_CARE },
    { owner: 'principal', slug: 'specialized-home-rehab', name: 'Specialiserad hemrehabilitering Dalarna', careLevel: CareLevel.SPECIALIST_CARE },
    ...['Mora', 'Orsa', 'Älvdalen', 'Leksand', 'Rättvik', 'Malung', 'Vansbro', 'Smedjebacken', 'Säter', 'Hedemora', 'Avesta', 'Ludvika'].map(
      (town): CareUnitSeed => ({
        owner: 'principal',
        slug: `vc-${town.toLowerCase()}`,
        name: `Vårdcentralen ${town}`,
        careLevel: CareLevel.PRIMARY_CARE,
      }),
    ),
    ...DALARNA_MUNICIPALITIES.map(([code, , place]) => homeRehab(code, place)),
  ],
};

const vastmanland: RegionSeed = {
  country: Country.SE,
  code: '19',
  name: 'Västmanland',
  timeZone: 'Europe/Stockholm',
  principal: 'Region Västmanland',
  municipalities: [
    ['1904', 'Skinnskattebergs kommun'],
    ['1907', 'Surahammars kommun'],
    ['1960', 'Kungsörs kommun'],
    ['1961', 'Hallstahammars kommun'],
    ['1962', 'Norbergs kommun'],
    ['1980', 'Västerås stad'],
    ['1981', 'Sala kommun'],
    ['1982', 'Fagersta kommun'],
    ['1983', 'Köpings kommun'],
    ['1984', 'Arboga kommun'],
  ],
  agencies: SWEDISH_STATE_AGENCIES,
  associations: [{ slug: 'vastra-malardalen', name: 'Samordningsförbundet Västra Mälardalen', members: finsam('1983', '1984', '1960') }],
  // Seed 002: the adult psychiatry's outpatient care, where a rehabilitation coordinator works with young adults as a group of their own.
  careUnits: [{ owner: 'principal', slug: 'vuxenpsykiatri-vasteras', name: 'Vuxenpsykiatrin Västerås, öppenvård', careLevel: CareLevel.SPECIALIST_CARE }],
};

const GOTEBORG = '1480';
const goteborgDistricts = (districts: string): MemberSeed[] => [
  ...finsam().slice(0, 3),
  { ref: `m:${GOTEBORG}`, note: `Göteborg's city districts ${districts}` },
];

const vastraGotaland: RegionSeed = {
  country: Country.SE,
  code: '14',
  name: 'Västra Götaland',
  timeZone: 'Europe/Stockholm',
  principal: 'Västra Götalandsregionen',
  municipalities: [
    ['1401', 'Härryda kommun'], ['1402', 'Partille kommun'], ['1407', 'Öckerö kommun'],
    ['1415', 'Stenungsunds kommun'], ['1419', 'Tjörns kommun'], ['1421', 'Orust kommun'],
    ['1427', 'Sotenäs kommun'], ['1430', 'Munkedals kommun'], ['1435', 'Tanums kommun'],
    ['1438', 'Dals-Eds kommun'], ['1439', 'Färgelanda kommun'], ['1440', 'Ale kommun'],
    ['1441', 'Lerums kommun'], ['1442', 'Vårgårda kommun'], ['1443', 'Bollebygds kommun'],
    ['1444', 'Grästorps kommun'], ['1445', 'Essunga kommun'], ['1446', 'Karlsborgs kommun'],
    ['1447', 'Gullspångs kommun'], ['1452', 'Tranemo kommun'], ['1460', 'Bengtsfors kommun'],
    ['1461', 'Melleruds kommun'], ['1462', 'Lilla Edets kommun'], ['1463', 'Marks kommun'],
    ['1465', 'Svenljunga kommun'], ['1466', 'Herrljunga kommun'], ['1470', 'Vara kommun'],
    ['1471', 'Götene kommun'], ['1472', 'Tibro kommun'], ['1473', 'Töreboda kommun'],
    ['1480', 'Göteborgs Stad'], ['1481', 'Mölndals stad'], ['1482', 'Kungälvs kommun'],
    ['1484', 'Lysekils kommun'], ['1485', 'Uddevalla kommun'], ['1486', 'Strömstads kommun'],
    ['1487', 'Vänersborgs kommun'], ['1488', 'Trollhättans stad'], ['1489', 'Alingsås kommun'],
    ['1490', 'Borås Stad'], ['1491', 'Ulricehamns kommun'], ['1492', 'Åmåls kommun'],
    ['1493', 'Mariestads kommun'], ['1494', 'Lidköpings kommun'], ['1495', 'Skara kommun'],
    ['1496', 'Skövde kommun'], ['1497', 'Hjo kommun'], ['1498', 'Tidaholms kommun'],
    ['1499', 'Falköpings kommun'],
  ],
  agencies: SWEDISH_STATE_AGENCIES,
  // Seed 003 spells Mariestad "Marietad" and Tjörn "Tjärn"; the official names are used here.
  associations: [
    // Säffle (1782) and Årjäng (1765) lie in Värmland: the association spans two counties.
    { slug: 'bad-esa', name: 'Samordningsförbundet BÅD-ESÅ', members: finsam('1460', '1492', '1438', '1782', '1765') },
    { slug: 'goteborg-centrum', name: 'Samordningsförbundet Göteborg Centrum', members: goteborgDistricts('Majorna-Linné, Örgryte-Härlanda and Centrum') },
    { slug: 'goteborg-delta', name: 'Samordningsförbundet Göteborg DELTA', members: goteborgDistricts('Hisingen') },
    { slug: 'goteborg-nordost', name: 'Samordningsförbundet Göteborg Nordost', members: goteborgDistricts('Angered and Östra Göteborg') },
    { slug: 'goteborg-vaster', name: 'Samordningsförbundet Göteborg Väster', members: goteborgDistricts('Askim-Frölunda-Högsbo and Västra Göteborg') },
    { slug: 'insjoriket', name: 'Samordningsförbundet Insjöriket', members: finsam('1481', '1402', '1401', '1441', '1489') },
    { slug: 'norra-skaraborg', name: 'Samordningsförbundet Norra Skaraborg', members: finsam('1447', '1493', '1473') },
    { slug: 'sjuharad', name: 'Samordningsförbundet Sjuhärad', members: finsam('1442', '1466', '1490', '1452', '1491', '1443', '1463', '1465') },
    { slug: 'trollhattan-lilla-edet-grastorp', name: 'Samordningsförbundet Trollhättan, Lilla Edet och Grästorp', members: finsam('1488', '1462', '1444') },
    { slug: 'vanersborg-mellerud', name: 'Samordningsförbundet Vänersborg och Mellerud', members: finsam('1487', '1461') },
    { slug: 'vast', name: 'Samordningsförbundet Väst', members: finsam('1439', '1484', '1430', '1421', '1427', '1486', '1435', '1485') },
    { slug: 'vastra-skaraborg', name: 'Samordningsförbundet Västra Skaraborg', members: finsam('1445', '1471', '1494', '1495', '1470') },
    { slug: 'alv-kust', name: 'Samordningsförbundet Älv & Kust', members: finsam('1440', '1482', '1415', '1419', '1407') },
    { slug: 'ostra-skaraborg', name: 'Samordningsförbundet Östra Skaraborg', members: finsam('1499', '1498', '1496', '1497', '1472', '1446') },
  ],
  careUnits: [],
};

/** Only the two Värmland municipalities that belong to BÅD-ESÅ; the rest of the county is not seeded. */
const varmland: RegionSeed = {
  country: Country.SE,
  code: '17',
  name: 'Värmland',
  timeZone: 'Europe/Stockholm',
  principal: 'Region Värmland',
  municipalities: [
    ['1765', 'Årjängs kommun'],
    ['1782', 'Säffle kommun'],
  ],
  agencies: [],
  associations: [],
  careUnits: [],
};

/** Åland: an autonomous Finnish region; ÅHS is the regional principal, FPA pays some rehabilitation. */
const aland: RegionSeed = {
  country: Country.FI,
  code: '21',
  name: 'Åland',
  timeZone: 'Europe/Mariehamn',
  principal: 'Ålands hälso- och sjukvård (ÅHS)',
  municipalities: [
    ['035', 'Brändö kommun'], ['043', 'Eckerö kommun'], ['060', 'Finströms kommun'],
    ['062', 'Föglö kommun'], ['065', 'Geta kommun'], ['076', 'Hammarlands kommun'],
    ['170', 'Jomala kommun'], ['295', 'Kumlinge kommun'], ['318', 'Kökars kommun'],
    ['417', 'Lemlands kommun'], ['438', 'Lumparlands kommun'], ['478', 'Mariehamns stad'],
    ['736', 'Saltviks kommun'], ['766', 'Sottunga kommun'], ['771', 'Sunds kommun'],
    ['941', 'Vårdö kommun'],
  ],
  agencies: [{ slug: 'fpa', name: 'Folkpensionsanstalten (FPA)' }],
  associations: [],
  careUnits: [
    { owner: 'principal', slug: 'centralsjukhuset', name: 'Ålands centralsjukhus', careLevel: CareLevel.INPATIENT_CARE },
  ],
};

export const REFERENCE_DATA: readonly RegionSeed[] = [dalarna, vastmanland, vastraGotaland, varmland, aland];
