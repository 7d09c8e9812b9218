#!/usr/bin/env python3
"""Key-fact recall of generated summary pages.

usage: score_facts.py SITES_DIR FACTS_DIR [--verbose]

SITES_DIR holds one built site per event, named by the event id (as
`../shared/eval/score_events.py BIN LABELS TEXTS --keep SITES_DIR` leaves them);
FACTS_DIR holds one `EVENT.yaml` per event (`event:` and `facts:`, each fact a one-line
statement, a case-insensitive regular expression `pattern` over the visible text of
`dist/summary/index.html`, and optionally the `section` id that must hold it).
Prints a line per event, the facts missed with --verbose, and the pooled recall last:
  facts=K held=H recall=…
"""
import html
import re
import sys
from pathlib import Path

import yaml


def visible(markup: str) -> str:
    """The text a reader sees: no scripts, styles or tags, whitespace folded."""
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    markup = re.sub(r"(?s)<[^>]*>", " ", markup)
    return re.sub(r"\s+", " ", html.unescape(markup)).strip()


def section(markup: str, ident: str) -> str:
    """The markup of the element with id `ident`, up to its closing tag."""
    m = re.search(rf"<(\w+)[^>]*\bid=\"?{re.escape(ident)}\"?[\s>]", markup)
    if not m:
        return ""
    tag = m.group(1)
    depth, i = 0, m.start()
    for t in re.finditer(rf"(?i)<(/?){tag}\b[^>]*>", markup[m.start():]):
        depth += -1 if t.group(1) else 1
        if depth == 0:
            return markup[i:m.start() + t.end()]
    return markup[i:]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    verbose = "--verbose" in sys.argv
    if len(args) != 2:
        print(__doc__)
        sys.exit(2)
    sites, facts_dir = Path(args[0]), Path(args[1])
    total = held = 0
    for path in sorted(facts_dir.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        ev = spec["event"]
        page = sites / ev / "dist" / "summary" / "index.html"
        if not page.exists():
            print(f"{ev}: no summary page at {page}")
            continue
        markup = page.read_text(encoding="utf-8")
        whole = visible(markup)
        ok, missed = 0, []
        for f in spec["facts"]:
            text = visible(section(markup, f["section"])) if f.get("section") else whole
            if re.search(f["pattern"], text, re.I):
                ok += 1
            else:
                missed.append(f["fact"])
        total += len(spec["facts"])
        held += ok
        print(f"{ev:36} facts={len(spec['facts']):2} held={ok:2} recall={ok / len(spec['facts']):.3f}")
        if verbose:
            for m in missed:
                print(f"    missed: {m}")
    print(f"facts={total} held={held} recall={held / total if total else 0:.3f}")


if __name__ == "__main__":
    main()
