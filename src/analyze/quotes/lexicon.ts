/**
 * Word lists the attribution rules rely on: speech verbs and their forms, titles and honorifics, role nouns,
 * organisation words, pronouns. General English only — nothing here names a real person or story.
 */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Abbreviations whose final period belongs to the word ("Sen.", "Mr.", "Inc."). */
export const ABBREVIATIONS = words(`mr mrs ms mx dr prof sen sens rep reps gov govs gen adm capt lt col sgt cpl maj cmdr cdr
  rev hon pres supt det insp fr ft mt messrs mmes atty brig pvt amb sec lieut jr sr st inc co corp ltd vs no dept`);

/** Verbs that report speech or writing, by base form; inflections are generated. */
const SPEECH_BASES = `say tell add write state ask explain note continue argue insist warn declare announce reply respond
  recall remark observe acknowledge admit concede claim contend maintain suggest tweet post email text quip joke shout
  yell cry scream whisper mutter exclaim plead urge predict promise vow pledge boast complain lament muse opine reflect
  conclude counter retort charge allege testify assert affirm confirm deny repeat reiterate emphasize emphasise stress
  interject interrupt agree disagree sigh laugh recount inform proclaim rule caution advise concur read begin finish
  chime answer wonder demand hint signal predict scoff snap fume rage gush marvel beam report chide quote`;
/** Verbs that frame a partial quotation: "called the plan “reckless”", "vowed to “fight on”". */
const FRAMING_BASES = `call describe dub label term brand characterize characterise refer slam blast praise criticize
  criticise denounce decry condemn accuse tout hail cite mock attack dismiss defend question applaud welcome thank
  challenge reject instruct order want hope vow pledge promise warn urge demand deride lambast ridicule rail decline
  threaten predict express voice offer compare liken frame portray paint position cast promise call blame hammer
  identify insist imply`;

const IRREGULAR: Record<string, string[]> = {
  say: ['says', 'said', 'saying'],
  tell: ['tells', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  read: ['reads', 'read', 'reading'],
  begin: ['begins', 'began', 'begun', 'beginning'],
  cry: ['cries', 'cried', 'crying'],
  reply: ['replies', 'replied', 'replying'],
  testify: ['testifies', 'testified', 'testifying'],
  deny: ['denies', 'denied', 'denying'],
  rule: ['rules', 'ruled', 'ruling'],
  offer: ['offers', 'offered', 'offering'],
  cast: ['casts', 'cast', 'casting'],
  chime: ['chimes', 'chimed', 'chiming'],
  snap: ['snaps', 'snapped', 'snapping'],
  quip: ['quips', 'quipped', 'quipping'],
  admit: ['admits', 'admitted', 'admitting'],
  refer: ['refers', 'referred', 'referring'],
  concur: ['concurs', 'concurred', 'concurring'],
  rail: ['rails', 'railed', 'railing'],
  signal: ['signals', 'signaled', 'signalled', 'signaling', 'signalling'],
  label: ['labels', 'labeled', 'labelled', 'labeling', 'labelling'],
  dub: ['dubs', 'dubbed', 'dubbing'],
  email: ['emails', 'emailed', 'emailing', 'e-mailed', 'e-mails'],
  lambast: ['lambasts', 'lambasted', 'lambasting', 'lambastes'],
};

function inflect(base: string): string[] {
  const irregular = IRREGULAR[base];
  if (irregular) return [base, ...irregular];
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  const third = /(?:s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const past = base.endsWith('e') ? `${base}d` : `${base}ed`;
  return [base, third, past, `${stem}ing`];
}

const formsOf = (bases: string): Map<string, string> =>
  new Map(bases.trim().split(/\s+/).flatMap((b) => inflect(b).map((f) => [f, b] as [string, string])));

/** Inflected speech verb → base form. */
export const SPEECH_VERBS = formsOf(SPEECH_BASES);
/** Inflected framing verb → base form (speech verbs included). */
export const FRAMING_VERBS = new Map([...formsOf(FRAMING_BASES), ...SPEECH_VERBS]);

/** Speech verbs that may come before their subject: `"…," said Varga` (not "told Varga", which is an object). */
export const INVERTING = words(`say add write ask explain note continue argue insist warn declare announce reply respond
  recall remark observe acknowledge admit concede claim contend suggest tweet quip joke shout yell cry scream whisper
  mutter exclaim plead urge predict promise vow boast complain lament muse conclude counter retort charge allege
  testify assert confirm repeat reiterate emphasize emphasise stress interject recount proclaim read answer wonder
  scoff snap fume gush marvel beam chime begin report agree`);

/** Particles and adverbs that may stand between a subject and its verb: "Varga also said", "she has since said". */
export const VERB_ADVERBS = words(`also then later previously recently again further once had has have would will could
  can may might must shall should did does do was is were been being not never just only still already earlier since
  repeatedly initially ultimately separately simply quickly publicly privately reportedly angrily flatly bluntly
  frankly candidly firmly calmly quietly openly loudly tearfully emphatically immediately subsequently finally first
  often sometimes even afterwards afterward soon has've n't`);

/** Honorifics: dropped from names, never a role. */
export const HONORIFICS = words(`mr mrs ms mx miss messrs mmes sir dame madam madame mister`);

/** Titles and role words that may stand capitalised before a name: kept as the role, never part of the name. */
export const TITLES = words(`president vice secretary minister prime premier chancellor sen senator senators rep reps
  representative congressman congresswoman congressmember gov governor lieutenant lt mayor judge justice chief
  executive director manager chairman chairwoman chair chairperson spokesman spokeswoman spokesperson leader speaker
  general gen col colonel capt captain sgt sergeant maj major officer commissioner supt superintendent insp inspector
  det detective dr doctor prof professor rev reverend father bishop archbishop cardinal pope rabbi imam sheikh
  ambassador attorney solicitor barrister counsel councillor councilman councilwoman councilor alderman sheriff deputy
  assistant associate senior junior ceo cfo coo cto chairman mp mep msp mla mpp treasurer comptroller auditor clerk
  coach founder cofounder co-founder nominee candidate commander admiral adm marshal constable lord lady king queen
  prince princess duke duchess emperor empress hon honorable honourable dean provost rector principal head
  editor correspondent reporter anchor host columnist analyst economist adviser advisor aide lawyer spokesperson
  pastor archdeacon brig brigadier cpl corporal pvt private gens cmdr commodore atty amb pres sec cdr lieut
  officials official inspector-general attorney-general surgeon-general secretary-general director-general
  governor-general president-elect acting interim former late then-president then-candidate group head state
  foreign defense defence interior justice home health finance treasury commerce labor labour energy education
  republican republicans democrat democrats democratic gop conservative conservatives liberal labour tory independent
  libertarian progressive socialist green`);

/** Lower-case role nouns that name a person by what they do ("solicitor Edda Oduya", "the company's chief executive"). */
export const ROLE_NOUNS = words(`spokesman spokeswoman spokesperson spokespeople executive director manager chairman
  chairwoman chair leader official officer minister secretary president governor mayor senator judge justice lawyer
  attorney solicitor barrister counsel adviser advisor aide analyst economist expert professor researcher scientist
  doctor nurse surgeon teacher student resident neighbour neighbor witness worker employee owner founder candidate
  nominee commissioner inspector detective sergeant captain commander general colonel chief head coordinator organizer
  organiser activist campaigner protester campaigner strategist pollster consultant historian author writer reporter
  correspondent journalist editor columnist host anchor commentator pastor priest bishop rabbi imam mother father
  wife husband son daughter sister brother widow widower parent friend victim survivor partner investor farmer
  engineer firefighter paramedic officer trooper soldier veteran voter supporter member representative delegate
  lawmaker legislator congressman congresswoman councillor councilman councilwoman councilor assemblyman
  assemblywoman premier chancellor diplomat ambassador envoy negotiator prosecutor regulator superintendent principal
  dean coach player captain referee manager broker trader banker accountant auditor architect planner developer
  designer producer director actor singer artist musician comedian president-elect cook chef driver pilot sheriff
  deputy marshal warden guard ranger medic physician psychologist therapist pharmacist vet contractor landlord tenant
  shopkeeper retailer entrepreneur businessman businesswoman blogger podcaster pundit scholar lecturer demographer
  statistician epidemiologist virologist chairperson cfo ceo coo cto mp mep freeholder alderman treasurer clerk ally
  allies confidant loyalist backer critic rival opponent challenger colleague surrogate operative staffer insider
  master headmaster headteacher hydrologist geologist meteorologist forecaster`);

/** Gendered words that tell a person's gender: honorifics and -man/-woman roles. */
export const FEMININE = words(`mrs ms miss madam madame dame lady queen princess duchess empress congresswoman
  chairwoman spokeswoman councilwoman businesswoman assemblywoman sister mother wife widow daughter actress she her
  hers herself`);
export const MASCULINE = words(`mr sir lord king prince duke emperor congressman chairman spokesman councilman
  businessman assemblyman brother father husband widower son actor he him his himself`);

/** Words that mark a capitalised run as an organisation rather than a person. */
export const ORGANISATION_WORDS = words(`inc corp corporation company co ltd llc plc group holdings bank partners
  health healthcare chemicals chemical energy motors airlines airways systems technologies technology pharmaceuticals
  pharma foods industries council department ministry agency office service services commission committee court
  party university college school hospital institute foundation association union federation league club times post
  news press network police army navy force forces government administration authority board bureau center centre
  trust society fund campaign organization organisation house senate congress parliament assembly kremlin pentagon
  executive cabinet embassy consulate coalition alliance movement church diocese team studios media magazine journal
  tribune herald gazette guardian telegraph reuters radio television tv channel broadcasting station group insurance
  capital securities investments ventures labs laboratories solutions communications airlines railway railways
  council secretariat tribunal inquiry unit squad brigade regiment command institute museum library project
  initiative program programme network watch international global national federal state city county borough
  chamber pac caucus`);

/** Definite descriptions that stand for an organisation: "the company said". */
export const ORGANISATION_NOUNS = words(`company firm group council agency department ministry government authority
  authorities police court campaign party committee board commission organisation organization union association
  bank regulator watchdog embassy office administration service services hospital university school club team
  operator manufacturer retailer airline insurer charity foundation institute network broadcaster newspaper
  statement spokesman spokeswoman spokesperson business corporation developer owner employer utility carrier`);

/** Descriptions that name nobody: an anonymous source is not a speaker. */
export const ANONYMOUS = words(`source sources official officials people person someone observers critics analysts
  experts witnesses residents supporters protesters aides insiders diplomats voters members staff workers`);

/** Subject pronouns → what they may stand for. */
export const PRONOUNS: Record<string, 'm' | 'f' | 'plural' | 'it' | 'self'> = {
  he: 'm',
  she: 'f',
  they: 'plural',
  it: 'it',
  i: 'self',
  we: 'self',
};

/** Capitalised words that start sentences or name times, never people. */
export const NOT_NAMES = words(`the a an this that these those there then but and or so yet in on at for if when while
  after before as with by from to of no not one some many most all both each every such what who which where why how
  however meanwhile also still now later earlier last since although though because until during despite under over
  about according he she it they we i you his her its their our my your him them us me mine
  monday tuesday wednesday thursday friday saturday sunday january february march july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
  tonight here just even yes ok okay oh well please thank thanks dear hello hi god lord mr mrs ms dr sir neither either
  nor nobody none another other others several few any instead indeed perhaps maybe sure again once first second third
  finally thus hence therefore otherwise besides moreover furthermore unless whether whatever whoever among amid
  against across around along beyond toward towards upon within without through throughout like unlike including
  speaking asked responding addressing writing talking referring testifying appearing campaigning citing noting pressed
  having being following given reacting commenting explaining describing discussing arguing standing visiting
  returning announcing calling saying adding told interviewed questioned reached contacted asked will would can could
  should shall must did does do is are was were has have had somewhere anywhere everywhere nowhere someone everyone
  anyone everybody somebody something everything nothing`);

/** Words that make a capitalised run a place ("New Brunswick", "Czech Republic", "Orchard Lane"). */
export const PLACE_WORDS = words(`republic kingdom states emirates islands island city county province state district
  river lake mount mountains valley bay coast beach street avenue road lane square park bridge airport station harbor
  harbour port fort saint san santa los las new north south east west northern southern eastern western central
  upper lower greater`);

/** Nominal heads after which a capitalised run is a place or thing, not a person ("in Redvale", "at Quarry Street"). */
export const PLACE_PREPOSITIONS = words(`in at from near into across outside inside through toward towards throughout`);

/** Words that end a subject phrase scanning backwards: clause openers and prepositions. */
export const CLAUSE_BREAKS = words(`that which who whom whose when while where because although though if as after before
  since until and but or nor so than to of in on at for from with by about into over under during without against
  between among through per via like unlike`);
