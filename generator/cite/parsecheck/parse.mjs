// Reads files of BibTeX (.bib), RIS (.ris) or CSL-JSON (.json) with
// Citation.js and prints, for each, the CSL-JSON items it read.
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-csl";
import { readFileSync } from "node:fs";

const out = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, "utf8");
  const format = file.endsWith(".bib") ? "@biblatex/text" : file.endsWith(".ris") ? "@ris/file" : "@csl/list+object";
  const input = format === "@csl/list+object" ? JSON.parse(text) : text;
  const cite = new Cite(input, { forceType: format });
  out[file] = cite.data;
}
process.stdout.write(JSON.stringify(out));
