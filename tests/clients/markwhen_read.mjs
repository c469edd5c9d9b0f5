// Read a markwhen document with @markwhen/parser (the pinned version) and print, as JSON, what
// it understood: the header, the parser's messages, and each event with its group, text,
// tags, properties and date range. Used by tests/test_exports_clients.py.
//
//     node tests/clients/markwhen_read.mjs FILE
import { readFileSync } from "node:fs";
import { parse } from "@markwhen/parser";

const parsed = parse(readFileSync(process.argv[2], "utf8"));
const events = [];
function walk(node, group) {
  if (node.children) {
    node.children.forEach((child) => walk(child, node.title || group));
    return;
  }
  events.push({
    group,
    text: node.firstLine.restTrimmed,
    tags: node.tags,
    properties: node.properties,
    from: node.dateRangeIso.fromDateTimeIso,
    to: node.dateRangeIso.toDateTimeIso,
  });
}
walk(parsed.events, "");
console.log(JSON.stringify({ header: parsed.header, messages: parsed.parseMessages, events }));
