#!/usr/bin/env python3
"""Derive search's Dutch word list from OpenTaal's hunspell dictionary (Debian: hunspell-nl).

    apt-get install hunspell-nl && .venv/bin/python scripts/woordenlijst_maken.py

Writes ``cms/search/data/woorden-nl.txt``: lowercase, accent-folded words of three letters or
more, in two sections by what search uses them for:

- ``[delen]``: compound parts. OpenTaal marks the words hunspell may put in compounds (flags
  Ca/Cb/Cc and their -s-/plural forms); words it leaves out on purpose ("lijk", "heid", "uit")
  are left out here too, so "uitkering" is never read as "uit" + "kering".
- ``[werkwoorden]``: verbs (infinitive or stem), to tell a past participle ("gewerkt",
  "werken") from a noun that starts with ge- ("gesprek", "gemeente").

The list is committed, so the project needs neither hunspell nor this script to run. OpenTaal
licenses its word list under the revised BSD licence or CC BY 3.0 (our choice: BSD); see the
header the script writes into the file.
"""

import argparse
import re
import sys
import unicodedata
from pathlib import Path

WORTEL = Path(__file__).resolve().parents[1]
UIT = WORTEL / "cms" / "search" / "data" / "woorden-nl.txt"
KOP = """\
# Nederlandse woordenlijst voor de zoekfunctie van Leernetwerk, afgeleid met
# scripts/woordenlijst_maken.py uit de hunspell-woordenlijst van OpenTaal
# ({bron}; https://www.opentaal.org/).
# Licentie: OpenTaal verspreidt de woordenlijst onder de herziene BSD-licentie of
# CC BY 3.0 naar keuze; wij gebruiken de BSD-licentie:
#   Copyright (c) 1996 Nederlandstalige Tex Gebruikersgroep; (c) 2001-2005 Simon Brouwer e.a.;
#   (c) 2006-2010, 2020 OpenTaal. All rights reserved. Redistribution and use in source and
#   binary forms, with or without modification, are permitted provided that the following
#   conditions are met: redistributions of source code must retain the above copyright
#   notice, this list of conditions and the following disclaimer; redistributions in binary
#   form must reproduce the above copyright notice, this list of conditions and the following
#   disclaimer in the documentation and/or other materials provided with the distribution;
#   neither the name of the OpenTaal, Simon Brouwer e.a., or Nederlandstalige Tex
#   Gebruikersgroep nor the names of its contributors may be used to endorse or promote
#   products derived from this software without specific prior written permission.
#   THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY
#   EXPRESS OR IMPLIED WARRANTIES ARE DISCLAIMED.
# Opmaak: twee delen, elk een woord per regel: na "[delen]" de woorden die in een
# samenstelling mogen staan, na "[werkwoorden]" de werkwoorden (infinitief of stam).
"""
SAMENSTELLING = {"Ca", "Cb", "Cc", "Cd", "Ce", "Ch", "Cl"}
WOORD = re.compile(r"[a-z]{3,}")


def vouw(woord):
    tekst = unicodedata.normalize("NFKD", woord)
    return "".join(c for c in tekst if not unicodedata.combining(c))


def vlaggen(tekst):
    return {tekst[i : i + 2] for i in range(0, len(tekst), 2)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dic", default="/usr/share/hunspell/nl.dic")
    parser.add_argument("--aff", default="/usr/share/hunspell/nl.aff")
    parser.add_argument("--uit", default=str(UIT))
    args = parser.parse_args()

    # Suffix classes whose forms may stand in a compound ("werkervaringen-", "wets-").
    in_samenstelling = set(SAMENSTELLING)
    versie = "onbekende versie"
    for regel in Path(args.aff).read_text(encoding="utf-8").splitlines():
        delen = regel.split()
        if regel.startswith("# Date and version:"):
            versie = "versie " + regel.split()[-1]
        if (
            len(delen) >= 4
            and delen[0] == "SFX"
            and "/" in delen[3]
            and vlaggen(delen[3].split("/", 1)[1]) & SAMENSTELLING
        ):
            in_samenstelling.add(delen[1])

    gebruik = {}
    for regel in Path(args.dic).read_text(encoding="utf-8").splitlines()[1:]:
        woord, _, rest = regel.partition("/")
        woord = woord.split("\t")[0].strip()
        if woord != woord.lower():
            continue  # names and abbreviations
        woord = vouw(woord)
        if not WOORD.fullmatch(woord):
            continue
        v = vlaggen(rest.split()[0]) if rest.strip() else set()
        soorten = gebruik.setdefault(woord, set())
        if v & in_samenstelling:
            soorten.add("d")
        if any(f.startswith("V") for f in v):
            soorten.add("w")
    delen = sorted(w for w, s in gebruik.items() if "d" in s)
    werkwoorden = sorted(w for w, s in gebruik.items() if "w" in s)
    tekst = KOP.format(bron=f"hunspell-nl {versie}")
    tekst += "[delen]\n" + "\n".join(delen) + "\n[werkwoorden]\n" + "\n".join(werkwoorden) + "\n"
    Path(args.uit).write_text(tekst, encoding="utf-8")
    print(f"{len(delen)} delen, {len(werkwoorden)} werkwoorden naar {args.uit}", file=sys.stderr)


if __name__ == "__main__":
    main()
