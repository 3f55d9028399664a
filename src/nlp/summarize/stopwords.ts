/** Function words that carry no topic: ignored for similarity, centrality and title overlap. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about above after again against all almost along also although am among an and another any anyone anything " +
    "are around as at back be became because become been before being below between both but by can cannot could " +
    "did do does doing done down during each either else even ever every few for from further get gets getting got " +
    "had has have having he her here hers herself him himself his how however i if in into is it its itself just " +
    "last least less like made make makes many may me might more most much must my myself near neither never new " +
    "no nor not now of off often on once one only or other others our ours ourselves out over own per perhaps put " +
    "rather really said same say says saying see seem seems several she should since so some something still such " +
    "than that the their theirs them themselves then there these they this those though through thus to too told " +
    "toward towards under until up upon us very via was we well were what whatever when where whether which while " +
    "who whom whose why will with within without would yet you your yours yourself yourselves mr mrs ms dr " +
    "s t d ll m re ve dont doesnt didnt isnt wasnt arent werent wont cant couldnt shouldnt wouldnt hasnt havent hadnt"
  ).split(" "),
);
