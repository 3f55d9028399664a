/** Shared fixtures for the cleaner tests: story sentences written for the tests, and plain-text blocks. */
import type { Block } from "../../src/ingest/blocks.js";

/** Plain-text blocks, as the text splitter makes them. */
export const lines = (...texts: string[]): Block[] => texts.map((text) => ({ kind: "line", text }));

export const S1 =
  "The city council voted 7-2 on Thursday to approve a $40 million plan to repair the aging river bridge, ending months of debate over how to pay for the work.";
export const S2 =
  "The plan relies on a mix of state grants and a temporary increase in downtown parking fees, which business owners opposed during three public hearings this winter.";
export const S3 =
  "Construction is expected to start in the fall and last about two years, officials said, with one lane remaining open in each direction for most of that time.";
export const S4 =
  "Critics argued that higher parking fees would push shoppers to suburban malls and urged the council to put a bond measure before voters in November instead.";
