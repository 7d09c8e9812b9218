#!/usr/bin/env python3
"""Writes N synthetic seeds shaped like the real ones into DIR/seeds/, plus site.yaml.

    python3 scripts/synth_seeds.py N DIR

Each synthetic seed is one of the real seeds (seeds/*.txt) with its body paragraphs
shuffled, its numbers changed and some countries swapped for others, so that every
seed differs and the pages, entities and claims vary as real copy would. Deterministic:
the same N gives the same files.
"""
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SWAPS = ["Jordan", "Lebanon", "Iraq", "Iran", "Venezuela", "China", "Oman", "Somalia",
         "Mauritania", "Canada", "Egypt", "Algeria", "Cuba", "Belarus", "Serbia", "Brazil",
         "India", "Pakistan", "Qatar", "Kuwait", "Bahrain", "Tunisia", "Morocco", "Libya"]


def vary(text: str, rng: random.Random, i: int) -> str:
    lines = text.split("\n")
    first, body = lines[0], lines[1:]
    # Shuffle the blank-line separated blocks of the body, keeping the trailing lines.
    blocks = "\n".join(body).strip("\n").split("\n\n")
    tail = [b for b in blocks if b.startswith(("Source:", "READ MORE", "Latest"))]
    middle = [b for b in blocks if b not in tail]
    rng.shuffle(middle)
    out = "\n\n".join([first, *middle, *tail]) + "\n"
    out = re.sub(r"\b(\d+(?:\.\d+)?)( million|,000| percent)",
                 lambda m: f"{round(float(m.group(1)) * rng.uniform(0.8, 1.2), 1)}{m.group(2)}", out)
    for _ in range(3):
        a, b = rng.sample(SWAPS, 2)
        out = re.sub(rf"\b{a}\b", b, out)
    return out.replace(first, f"{first.rstrip('.')} (report {i}).", 1)


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    n, dest = int(sys.argv[1]), Path(sys.argv[2])
    real = sorted((REPO / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in real]
    (dest / "seeds").mkdir(parents=True, exist_ok=True)
    (dest / "content").mkdir(exist_ok=True)
    (dest / "site.yaml").write_text((REPO / "site.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    rng = random.Random(20201111)
    for i in range(n):
        base = i % len(texts)
        text = texts[base] if i < len(texts) else vary(texts[base], rng, i)
        (dest / "seeds" / f"{i:05d}_{real[base].stem.split('_', 1)[1]}.txt").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
