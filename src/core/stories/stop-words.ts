/** A compact English stop list for news text: function words plus reporting verbs and news filler. */

const WORDS = `
a about above after again against ago ahead all almost along already also although always am among an and another
any anyone anything are aren around as at away back be became because become been before being below between both
but by can cannot could couldn did didn do does doesn doing don done down during each either else enough even ever
every few for from further get gets getting go goes going gone got had hadn has hasn have haven having he her here
hers herself him himself his how however i if in inside instead into is isn it its itself just last least less let
like made make makes many may maybe me might more most much must my myself near neither never new next no nor not
now of off often on once one only onto or other others otherwise our ours ourselves out over own per perhaps put
rather really same see seen several shall she should shouldn since so some something soon still such take than that
the their theirs them themselves then there these they this those though through thus to together too toward towards
under until up upon us use used very via was wasn way we well were weren what whatever when where whether which
while who whom whose why will with within without won would wouldn yet you your yours yourself yourselves
said says say saying told tell tells according added adding asked reported reports report statement stated
according including include includes included mr mrs ms dr also s t ll re ve d m
year years day days week weeks month months time times today yesterday tomorrow
first second third two three four five six seven eight nine ten
people person thing things lot lots part way ways yes amid despite across
president prime minister secretary mr mrs spokesman spokeswoman spokesperson official officials
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w !== ""));
