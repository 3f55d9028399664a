/** Short fictional articles written for the tests. No real people, places or outlets. */

export const HARBOR_STRIKE = [
  "Dock workers in Port Vessa walked off the job on Tuesday, halting cargo traffic at the busiest harbor in the province of Lumen.",
  "The strike began at 6 a.m. after talks between the Vessa Dockers Union and the harbor authority collapsed late on Monday night.",
  "“We have waited eleven months for a contract, and we will not wait a twelfth,” union leader Mara Okonte told reporters at the gate.",
  "Harbor director Paul Ferrand said the authority had offered a 4 percent raise and called the walkout premature.",
  "About 40 ships were anchored offshore by midday, according to the harbor's own tracking board.",
].join("\n\n");

export const RAIL_BRIDGE = [
  "Engineers closed the Tarrow rail bridge on Friday after inspectors found cracks in two of its steel supports.",
  "The bridge carries about 120 trains a day between Lindmoor and the coastal town of Esk, and the closure is expected to last three weeks.",
  "Transport minister Ilse Brandvik said replacement buses would run every fifteen minutes during the repairs.",
  "“Safety comes before the timetable,” Brandvik said at a news conference in Lindmoor.",
  "Commuters crowded the Esk station platforms on Friday evening as the first buses departed late.",
].join("\n\n");

export const ORCHARD_FROST = [
  "A late frost swept across the orchards of the Varden valley on Wednesday night, damaging apple blossoms on roughly a third of the farms.",
  "Growers lit smudge pots and ran wind machines through the night, but temperatures fell to minus four degrees before dawn.",
  "Farm cooperative chair Tomas Hale estimated the losses at 2.5 million crowns and asked the regional council for emergency support.",
  "Council spokesperson Nadia Cirelli said the request would be discussed at the next session on May 14.",
].join("\n\n");
