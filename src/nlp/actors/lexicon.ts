/** Word lists for recognising people, organisations and their titles in news text. All lower case. */

const words = (s: string): Set<string> => new Set(s.trim().split(/\s+/));

/** Honorifics before a name, with the gender they imply ("" = none). */
export const HONORIFICS: ReadonlyMap<string, "f" | "m" | ""> = new Map([
  ["mr.", "m"],
  ["mr", "m"],
  ["mrs.", "f"],
  ["mrs", "f"],
  ["ms.", "f"],
  ["ms", "f"],
  ["miss", "f"],
  ["sr.", "m"],
  ["sra.", "f"],
  ["srta.", "f"],
  ["dr.", ""],
  ["prof.", ""],
  ["rev.", ""],
  ["messrs.", "m"],
  ["sir", "m"],
  ["dame", "f"],
  ["lady", "f"],
  ["lord", "m"],
  ["madam", "f"],
  ["señor", "m"],
  ["señora", "f"],
]);

/**
 * Words that make up a title in front of a name ("U.S. Secretary of State Marco Rubio", "Sen. Ann Lo").
 * Role nouns (below) count as title words too.
 */
export const TITLE_WORDS = words(`
  vice prime deputy assistant acting former then incoming outgoing interim chief senior top
  foreign affairs state defense defence treasury homeland security interior finance economy economic energy health
  justice commerce trade labor labour education agriculture transportation environment exterior
  general attorney majority minority senate house white democratic republican gop party national federal
  sen. sens. rep. reps. gov. gen. lt. col. sgt. capt. adm. maj. atty. supt. cmdr. pres. lic.
  staff news press campaign presidential vice-presidential gubernatorial congressional supreme district appeals circuit
  u.s. us american mexican canadian british french german chinese russian
`);

/** Role nouns, singular, with an optional gender. Used in titles and in descriptions ("the Mexican president"). */
export const ROLE_NOUNS: ReadonlyMap<string, "f" | "m" | ""> = new Map(
  `president:,presidente:,vice-president:,premier:,minister:,secretary:,senator:,representative:,congressman:m,
    congresswoman:f,congressmember:,governor:,mayor:,judge:,justice:,chancellor:,king:m,queen:f,prince:m,princess:f,
    pope:m,emperor:m,general:,admiral:,ambassador:,envoy:,diplomat:,speaker:,leader:,chairman:m,chairwoman:f,chair:,
    director:,chief:,commissioner:,sheriff:,officer:,detective:,spokesman:m,spokeswoman:f,spokesperson:,candidate:,
    nominee:,contender:,hopeful:,frontrunner:,front-runner:,councilman:m,councilwoman:f,lawmaker:,legislator:,
    politician:,official:,aide:,adviser:,advisor:,strategist:,pollster:,analyst:,economist:,expert:,professor:,
    scientist:,researcher:,lawyer:,attorney:,prosecutor:,founder:,ceo:,executive:,president-elect:,host:,anchor:,
    correspondent:,reporter:,journalist:,columnist:,editor:,author:,writer:,activist:,organizer:,manager:,chairperson:,
    businessman:m,businesswoman:f,magnate:,tycoon:,billionaire:,mogul:,veteran:,member:,head:,commander:,colonel:,
    captain:,lieutenant:,sergeant:,bishop:,cardinal:,rabbi:,imam:,pastor:,priest:,reverend:,coach:,player:,
    actor:,actress:f,singer:,star:,spokespeople:,ex-president:,statesman:m,dictator:,strongman:m,autocrat:,
    leftist:,conservative:,liberal:,democrat:,republican:,independent:,socialist:,populist:,incumbent:,challenger:,
    father:m,mother:f,son:m,daughter:f,husband:m,wife:f,widow:f,brother:m,sister:f,man:m,woman:f,resident:,voter:,
    supporter:,critic:,owner:,witness:,student:,teacher:,doctor:,nurse:,worker:,farmer:,victim:,survivor:`
    .split(",")
    .map((p) => {
      const [w, g] = p.trim().split(":");
      return [w as string, (g ?? "") as "f" | "m" | ""];
    }),
);

/** Words marking a capitalised run as an organisation or institution. */
export const ORG_MARKERS = words(`
  department ministry council committee commission agency administration office bureau service institute university
  college school center centre foundation association society union party senate congress parliament assembly court
  house government cabinet campaign network news journal times post press tribune herald gazette telegraph guardian
  magazine media radio television tv channel reuters bloomberg company corp corp. inc inc. ltd llc group bank fund
  army navy police force forces guard command organization organisation federation league alliance coalition church
  embassy consulate board authority reserve fed exchange institution trust hospital pac committee caucus movement
  cartel cartels times-picayune post-dispatch observatory watch review daily weekly station show program programme
  podcast website newspaper paper blog
`);

/** Capitalised words that are never part of a person's name. */
export const NON_NAME_CAPS = words(`
  the a an and or but if in on at of to for from by with as after before since during while when where what who why
  how this that these those there here it its he she they we i you his her their our my your him them us me
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
  january february march april may june july august september october november december
  advertisement updated published read more related photo video watch listen share subscribe sign
  asked meanwhile however also still yet now then not no yes so just even though although despite because
  breaking exclusive opinion analysis editorial analysis live new old
  god christmas easter ramadan many some most several few all both each every other another one two three
  please according repeatedly recommended something nothing everyone everybody nobody somebody someone
`);

/** Country words (adjective or name) mapped to one key, to compare "Mexican", "Mexico" and "Mexico's". */
export const COUNTRIES: ReadonlyMap<string, string> = new Map(
  `u.s.:us,us:us,usa:us,u.s.a.:us,american:us,america:us,united states:us,mexican:mx,mexico:mx,canadian:ca,canada:ca,
    british:gb,britain:gb,u.k.:gb,uk:gb,english:gb,french:fr,france:fr,german:de,germany:de,chinese:cn,china:cn,
    russian:ru,russia:ru,ukrainian:ua,ukraine:ua,israeli:il,israel:il,palestinian:ps,iranian:ir,iran:ir,iraqi:iq,
    iraq:iq,syrian:sy,syria:sy,saudi:sa,turkish:tr,turkey:tr,japanese:jp,japan:jp,korean:kr,indian:in,india:in,
    pakistani:pk,pakistan:pk,afghan:af,afghanistan:af,venezuelan:ve,venezuela:ve,cuban:cu,cuba:cu,colombian:co,
    colombia:co,brazilian:br,brazil:br,argentine:ar,argentinian:ar,argentina:ar,chilean:cl,chile:cl,peruvian:pe,
    peru:pe,spanish:es,spain:es,italian:it,italy:it,polish:pl,poland:pl,dutch:nl,egyptian:eg,egypt:eg,greek:gr,
    greece:gr,european:eu,guatemalan:gt,guatemala:gt,honduran:hn,honduras:hn,salvadoran:sv,panamanian:pa,panama:pa,
    nicaraguan:ni,nicaragua:ni,australian:au,australia:au,irish:ie,ireland:ie,swedish:se,sweden:se,danish:dk,
    norwegian:no,nigerian:ng,nigeria:ng,kenyan:ke,south african:za,north korean:kp,lebanese:lb,jordanian:jo,
    qatari:qa,emirati:ae,philippine:ph,filipino:ph,indonesian:id,vietnamese:vn,taiwanese:tw,taiwan:tw`
    .split(",")
    .map((p) => {
      const [w, c] = p.trim().split(":");
      return [w as string, c as string];
    }),
);

/** Places that look like names ("New York", "Mexico City"): never people. */
export const PLACES = words(`
  washington york jersey mexico city texas california florida arizona ohio iowa nevada carolina virginia georgia
  michigan wisconsin pennsylvania illinois colorado oregon utah kansas kentucky tennessee alabama mississippi
  louisiana arkansas missouri minnesota dakota montana idaho wyoming nebraska oklahoma indiana maryland delaware
  massachusetts connecticut vermont maine hampshire island alaska hawaii london paris berlin moscow beijing tokyo
  ottawa toronto havana caracas bogota brussels geneva rome madrid kyiv kiev jerusalem gaza tehran baghdad kabul
  chicago boston houston dallas miami atlanta denver seattle angeles francisco diego vegas phoenix philadelphia
  detroit baltimore orleans juarez tijuana monterrey guadalajara oaxaca sinaloa chihuahua sonora jalisco
  america americas europe asia africa latin north south east west central middle caribbean pacific atlantic
  gulf border valley river mountain street avenue capitol hill kremlin pentagon beltway manhattan brooklyn
  states kingdom republic emirates union world cup olympics canal bay peninsula
`);

/** Lower-case particles inside names ("Juan Ramón de la Fuente", "Ludwig van Beethoven"). */
export const NAME_PARTICLES = words(
  "de la del los las van von der den bin al el da di du le dos das y st. mac",
);

/** Suffixes after a name. */
export const NAME_SUFFIXES = words("jr. jr sr. sr ii iii iv");

/** Verbs that show a bare capitalised word is a person when they follow it ("Okonte said"). */
export const PERSON_VERBS = words(
  "said says told tells added adds wrote writes asked asks insisted argued explained noted replied recalled warned",
);
