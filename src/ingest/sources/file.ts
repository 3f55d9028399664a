import { createReadStream } from "node:fs";
import { open, readdir, stat } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { createInterface } from "node:readline";
import type { RawFormat } from "../../core/article.js";
import { describeError } from "../../errors.js";
import { jsonToRaw } from "../parse/json-article.js";
import { binaryKind, decodeText } from "./binary.js";
import type { SourceItem, SourceLimits } from "./types.js";

const FORMATS: Record<string, RawFormat> = {
  ".txt": "text",
  ".text": "text",
  "": "text",
  ".md": "markdown",
  ".markdown": "markdown",
  ".html": "html",
  ".htm": "html",
  ".xhtml": "html",
  ".json": "json",
};

const SUPPORTED = ".txt, .md, .html, .json, .jsonl";

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function tooLarge(size: number, limits: SourceLimits): string {
  return `too large: ${formatSize(size)}, over the ${formatSize(limits.maxBytes)} limit (NEWSDESK_MAX_INPUT_BYTES)`;
}

/** Files in a directory tree, sorted, skipping hidden entries and README files. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".") || /^readme(\.|$)/i.test(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) yield p;
  }
}

async function* readJsonl(path: string, limits: SourceLimits): AsyncGenerator<SourceItem> {
  const lines = createInterface({
    input: createReadStream(path, { encoding: "utf8" }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let n = 0;
  for await (const line of lines) {
    n++;
    const origin = `${path}:${n}`;
    if (line.trim() === "") continue;
    if (Buffer.byteLength(line) > limits.maxBytes) {
      yield { ok: false, input: origin, reason: `line ${tooLarge(Buffer.byteLength(line), limits)}` };
      continue;
    }
    try {
      yield { ok: true, raw: jsonToRaw(line, origin) };
    } catch (err) {
      yield { ok: false, input: origin, reason: describeError(err) };
    }
  }
}

async function* readFile(path: string, limits: SourceLimits): AsyncGenerator<SourceItem> {
  const ext = extname(path).toLowerCase();
  if (ext === ".jsonl" || ext === ".ndjson") {
    yield* readJsonl(path, limits);
    return;
  }
  const format = FORMATS[ext];
  if (format === undefined) {
    yield { ok: false, input: path, reason: `unsupported file type "${ext}" (supported: ${SUPPORTED})` };
    return;
  }
  let buf: Buffer;
  try {
    const info = await stat(path);
    if (info.size > limits.maxBytes) {
      yield { ok: false, input: path, reason: tooLarge(info.size, limits) };
      return;
    }
    const handle = await open(path, "r");
    try {
      buf = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    yield { ok: false, input: path, reason: `cannot read file (${describeError(err)})` };
    return;
  }
  if (buf.length === 0) {
    yield { ok: false, input: path, reason: "empty file" };
    return;
  }
  const kind = binaryKind(buf);
  if (kind) {
    yield { ok: false, input: path, reason: `not a text file (looks like a ${kind})` };
    return;
  }
  const body = decodeText(buf);
  if (format === "json") {
    try {
      yield { ok: true, raw: jsonToRaw(body, path) };
    } catch (err) {
      yield { ok: false, input: path, reason: describeError(err) };
    }
    return;
  }
  yield { ok: true, raw: { format, body, hints: {}, origin: path } };
}

/** Reads a file or a directory tree (recursively) into raw inputs, one rejection per unreadable input. */
export async function* readPath(path: string, limits: SourceLimits): AsyncGenerator<SourceItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const hint = /^[\w-]+(\.[\w-]+)+\//.test(path) ? " (for a web page, start the URL with https://)" : "";
    yield {
      ok: false,
      input: path,
      reason: code === "ENOENT" ? `no such file or directory${hint}` : `cannot read (${describeError(err)})`,
    };
    return;
  }
  if (info.isDirectory()) {
    let count = 0;
    try {
      for await (const file of walk(path)) {
        count++;
        yield* readFile(file, limits);
      }
    } catch (err) {
      yield { ok: false, input: path, reason: `cannot read directory (${describeError(err)})` };
      return;
    }
    if (count === 0) yield { ok: false, input: path, reason: "directory holds no files" };
    return;
  }
  if (!info.isFile()) {
    yield { ok: false, input: path, reason: `not a regular file: ${basename(path)}` };
    return;
  }
  yield* readFile(path, limits);
}
