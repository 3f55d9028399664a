/**
 * A deliberately small list of common first names (English- and Spanish-language news), used as evidence that a
 * capitalised pair is a person and as a gender hint. Pronouns that follow a name override it.
 */

const FEMALE = `
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
  kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
  amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
  janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
  cheryl andrea hannah martha jacqueline frances gloria ann kathryn alice jean teresa sara janice doris julia grace
  judy theresa madison beverly denise marilyn amber danielle rose brittany diana abigail natalie jane lori alexis
  tiffany kayla hillary nikki kamala nancy elizabeth sonia carly michele condoleezza madeleine hope kellyanne ivanka
  melania sarah huma donna debbie tulsi marsha elena sonia ruth claudia xóchitl xochitl rosa carmen guadalupe lucia
  lucía sofia sofía valentina camila isabel isabella gabriela veronica verónica patricia leticia beatriz alejandra
  adriana fernanda mariana daniela paula silvia ana marta dilma cristina michelle angela theresa ursula giorgia
  marine kristi kristen kirsten tammy nikki liz ilhan alexandria rashida ayanna pramila maxine stacey stacy greta
  malala oprah meghan kate megyn
`;

const MALE = `
  james robert john michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald
  steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
  eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander raymond patrick jack dennis
  jerry tyler aaron jose josé adam henry nathan douglas zachary peter kyle walter ethan jeremy harold keith christian
  roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie
  gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny barack bill
  bernie ted jeb ben marco rand chris mike mitch newt rudy dick al jimmy ronald lyndon franklin rick reince mitt
  hunter beto pete kevin lindsey vladimir volodymyr xi emmanuel justin boris rishi keir olaf narendra benjamin
  recep jair javier andrés andres manuel luis carlos miguel jorge pedro francisco antonio alejandro ricardo fernando
  roberto sergio eduardo rafael mario alberto enrique felipe vicente ernesto marcelo nicolás nicolas hugo evo raúl
  raul fidel omar ramón ramon jesús jesus diego pablo emilio gustavo samuel
  elon jeff warren tim sundar satya marc steve jd j.d. tucker sean rush glenn
`;

export const FEMALE_NAMES = new Set(FEMALE.trim().split(/\s+/));
export const MALE_NAMES = new Set(
  MALE.trim()
    .split(/\s+/)
    .filter((n) => !FEMALE_NAMES.has(n)),
);
