"""Does a change to the parser change any record? Two source trees, the same mutated notes.

Speed work must not change output. The golden files and the corpus hold a few hundred
notes; this holds a change to thousands more, each a real note of ../shared/corpus or
fixtures/ (and, given ``--generated DIR``, generated notes) with a few seeded mutations:
lines deleted, duplicated, swapped or joined, a note flattened onto one line, and words
inserted that the extractors look for ("with", "hosted by", "[00:12]", "//", "@handle",
an address, "&amp;", "**", a name list, ...). Each tree parses every case in its own
process (``PYTHONPATH=TREE/src``) and the records are compared by digest::

    git worktree add /tmp/before main
    python -m benchmarks.differential /tmp/before/src src --cases 16000

It prints how many records differ and the first few cases that do, and exits 1 if any
does. The same ``--seed`` gives the same cases.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT.parent / "shared" / "corpus", ROOT / "fixtures")
SUFFIXES = (".txt", ".md", ".html")

# What the extractors look for: inserted where they may change a reading.
TOKENS = [
    *("with", "host", "hosted by", "joined by", "joins us", "interviews", "featuring"),
    *("talks with", "discuss", "is the host of", "I'm", "My name is", "In this episode,"),
    *("Jane Doe", "Dr. Ray Smith", "CEO of Acme", "'s", "\u2019s", "and", "&", ",", ":"),
    *("Tim McNamara, Sean Chen and Allen Wyma discuss", "Guest:", "Guests:", "Connect with"),
    *("@handle", "https://x.com/someone", "https://www.linkedin.com/in/jane/", "a@b.co"),
    *("www.example.com", "mailto:a@b.co", "[link](https://a.b/c)", "[ref][1]", "[1]: https://a.b/r"),
    *("[00:12]", "(01:02:03)", "0:45 -", "(", ")", "[", "]", "//", "// Bio", "](", "]["),
    *("Episode 12", "#57", "Ep. 3", "Season 2", "2023-01-05", "Jan 5, 2023"),
    *("Sponsors:", "Links:", "Timestamps:", "Follow us on Twitter", "&amp;", "&nbsp;", "**"),
    *("`", "\u2014", " - ", "|", "\t", "  ", "...", "\u2026", "<b>", "</b>"),
    '<a href="https://a.b/c">x</a>',
]  # fmt: skip


def notes(extra: list[Path]) -> list[str]:
    """The texts mutated: every notes file of the corpus and fixtures, and of ``extra``."""
    paths = sorted(p for source in SOURCES if source.is_dir() for p in source.rglob("*"))
    for folder in extra:
        paths += sorted(folder.rglob("*"))
    return [p.read_text("utf-8", "replace") for p in paths if p.suffix in SUFFIXES]


def mutate(text: str, rng: random.Random) -> str:
    """``text`` with one to four mutations; one case in twenty flattened onto one line."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 4)):
        lines = lines or [""]
        i = rng.randrange(len(lines))
        op = rng.randrange(7)
        if op == 0:
            del lines[i]
        elif op == 1:
            lines.insert(i, lines[i])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + " " + lines[i + 1]]
        else:
            words = lines[i].split(" ")
            words.insert(rng.randrange(len(words) + 1), rng.choice(TOKENS))
            lines[i] = " ".join(words)
    return " ".join(lines) if rng.random() < 0.05 else "\n".join(lines)


def cases(count: int, seed: int, extra: list[Path]) -> list[str]:
    texts = notes(extra)
    if not texts:
        raise SystemExit("no notes to mutate: ../shared/corpus and fixtures/ are missing")
    rng = random.Random(seed)
    return [mutate(rng.choice(texts), rng) for _ in range(count)]


# Run by each tree's interpreter: one digest line per case of the JSONL file argv[1].
_DIGESTS = """
import hashlib, json, sys
import episodeparse
for line in open(sys.argv[1], encoding="utf-8"):
    record = episodeparse.parse(json.loads(line)).to_dict()
    print(hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest())
"""


def digests(trees: list[Path], case_file: Path) -> list[list[str]]:
    """Each tree's digests, the trees parsing side by side (one process each)."""
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _DIGESTS, str(case_file)],
            env={**os.environ, "PYTHONPATH": str(src)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for src in trees
    ]
    out = []
    for src, proc in zip(trees, procs, strict=True):
        stdout, stderr = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"{src}: parsing failed:\n{stderr}")
        out.append(stdout.split())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="the src/ folder of the tree to compare with")
    parser.add_argument("after", type=Path, help="the src/ folder of the changed tree")
    parser.add_argument("--cases", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=20261203)
    parser.add_argument("--generated", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    texts = cases(args.cases, args.seed, args.generated)
    with tempfile.TemporaryDirectory() as tmp:
        case_file = Path(tmp) / "cases.jsonl"
        case_file.write_text("".join(json.dumps(t) + "\n" for t in texts), encoding="utf-8")
        before, after = digests([args.before, args.after], case_file)
    differ = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    print(f"{len(differ)} of {len(texts)} records differ ({args.before} -> {args.after})")
    for i in differ[:5]:
        print(f"--- case {i}:\n{texts[i][:600]}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
