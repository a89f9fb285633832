#!/usr/bin/env python3
"""Prints the inputs of the go-yaml golden cases, one JSON document a line.

Every string goes into each position a remote.yaml can hold a string in: a mapping value (with a
sibling after it), a sequence item, an item of a nested sequence, a key (short and over 128 bytes,
go-yaml's limit for a simple key), and a key whose value is a mapping or sequence.
The strings are the hand-picked ones below plus random ones (fixed seed) over an alphabet of what
decides go-yaml's scalar styles: every YAML line break, tab, space, quotes, indicators, BOM,
a 4-byte character."""
import json
import random

HAND = [
    "\r\r----x", "\n----x", "\u2028\u2028----x", "a\rb", "a\r\nb", "a\u0085b", "a\u2028b", "a\u2029b",
    "a\tb", "a\tb\nc", "\ta\nb", " \ta\nb", "a ", "a \nb", "a\n b", "a\n", "\n", "\u2028", "a\u2028",
    "\u2028a", "a\nb\u2028", "a\nb\u2028\u2028", "x\n\u2028y", " a\nb", "a\nb\n\n", "a\u2028 b",
    "a\u2028\u2028b", "a\u2028\nb", "a\u2028--- b", "\u2028--- b\nc", "a\u2028#b", "\ufeffab", "a\ufeffb",
    "\U0001F600", "it's\u2028x", "", "plain", "y", "- x", "---", "a\r", "\r", "a\u0085", "\u0085\n",
]
ALPHABET = ["a", "b", "x", " ", "\t", "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029", "'", '"', "#",
            ":", "-", ".", "é", "\ufeff", "\U0001F600", "\\", "?", "|", "\u00a0"]
WEIGHTS = [6, 3, 3, 4, 2, 4, 2, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1]
LONG = "k" * 128


def random_strings(count, rng):
    out = []
    for _ in range(count):
        n = rng.randint(1, 7)
        out.append("".join(rng.choices(ALPHABET, WEIGHTS, k=n)))
    return out


def positions(s):
    yield {"k": s}
    yield {"m": {"k": s, "z": "w"}}
    yield {"m": [s, "q"]}
    yield {"m": {"s": [[s, "q"]]}}
    yield {"m": {s: "v", "zz": "w"}}
    yield {"m": [{s: {"a": "b"}, "zz": "w"}]}
    yield {s: ["x"]}
    yield {"m": [{"a": s}]}
    yield {"m": {s + LONG: {"a": s}}}


def main():
    rng = random.Random(12)
    for s in HAND + random_strings(160, rng):
        for doc in positions(s):
            print(json.dumps(doc))


main()
