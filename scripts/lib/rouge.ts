/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (F1) with a simple tokenizer: lowercase, apostrophes inside words dropped
 * ("don't" → "dont", "Kilmarnock's" → "kilmarnocks"), split on everything that is not a letter or digit.
 * PTB-tokenized references (CNN/DM: "Claire 's", "does n't", "-lrb-") are joined back first, so they match
 * untokenized system text. No stemming and no stopword removal.
 */

export interface RougeScores {
  r1: number;
  r2: number;
  rl: number;
}

const PTB_BRACKETS: Record<string, string> = {
  "-lrb-": "(",
  "-rrb-": ")",
  "-lsb-": "[",
  "-rsb-": "]",
  "-lcb-": "{",
  "-rcb-": "}",
};

/** Undoes Penn-Treebank tokenization: "Claire 's" → "Claire's", "does n't" → "doesn't", "-lrb-" → "(". */
export function detokenizePtb(text: string): string {
  return text
    .replace(/-[lr][rsc]b-/gi, (m) => PTB_BRACKETS[m.toLowerCase()] ?? m)
    .replace(/\s+(n['’]t|['’](?:s|re|ve|ll|d|m))\b/gi, "$1")
    .replace(/``|''/g, '"');
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/([\p{L}\p{N}])['’]([\p{L}\p{N}])/gu, "$1$2")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== "");
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(" ");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

function f1(overlap: number, candTotal: number, refTotal: number): number {
  if (overlap === 0 || candTotal === 0 || refTotal === 0) return 0;
  const p = overlap / candTotal;
  const r = overlap / refTotal;
  return (2 * p * r) / (p + r);
}

function rougeN(cand: string[], ref: string[], n: number): number {
  const c = ngramCounts(cand, n);
  const r = ngramCounts(ref, n);
  let overlap = 0;
  for (const [k, v] of c) overlap += Math.min(v, r.get(k) ?? 0);
  return f1(overlap, Math.max(0, cand.length - n + 1), Math.max(0, ref.length - n + 1));
}

function lcsLength(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      cur[j] =
        ai === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length] as number;
}

/** ROUGE F1 of one candidate against one reference (ROUGE-L over the whole token sequence). */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return { r1: rougeN(c, r, 1), r2: rougeN(c, r, 2), rl: f1(lcsLength(c, r), c.length, r.length) };
}
