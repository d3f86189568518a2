"""Validates the machine-readable files of a built hyte site with real
parsers: the sitemap and Atom feed as XML, every .ics file with the
`icalendar` package, hyte.json against its JSON Schema with `jsonschema`,
and havainnot.csv with the csv module.

    python3 tests/publish/validate.py PUBLIC_DIR

Prints one line per problem and exits 1 if there was any.
"""

import csv
import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar
import jsonschema

public = Path(sys.argv[1])
problems = []
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# Sitemap: every URL absolute, under the base URL.
sitemap = ET.parse(public / "sitemap.xml").getroot()
locs = [u.find(SITEMAP + "loc").text for u in sitemap.findall(SITEMAP + "url")]
data = json.loads((public / "data/hyte.json").read_text(encoding="utf-8"))
base = data["url"]
if not locs:
    problems.append("sitemap.xml has no URLs")
for loc in locs:
    if not loc.startswith(base):
        problems.append(f"sitemap URL {loc} is not under {base}")
    rel = loc[len(base):]
    target = public / rel / "index.html" if rel.endswith("/") or rel == "" else public / rel
    if not target.is_file():
        problems.append(f"sitemap URL {loc} has no file {target}")

# Atom: id, title, updated on the feed and every entry.
feed = ET.parse(public / "atom.xml").getroot()
if feed.tag != ATOM + "feed":
    problems.append("atom.xml is not an Atom feed")
for el in [feed] + feed.findall(ATOM + "entry"):
    for child in ("id", "title", "updated"):
        if el.find(ATOM + child) is None or not (el.find(ATOM + child).text or "").strip():
            problems.append(f"atom.xml: an element lacks <{child}>")
entries = feed.findall(ATOM + "entry")
if not entries:
    problems.append("atom.xml has no entries")
# Every entry links to a page of the site, and to an anchor that exists.
for entry in entries:
    href = entry.find(ATOM + "link").get("href")
    page, _, anchor = href.partition("#")
    rel = page[len(base):]
    target = public / rel / "index.html"
    if not page.startswith(base) or not target.is_file():
        problems.append(f"atom.xml links to {href}, which is not a page of the site")
    elif anchor and f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
        problems.append(f"atom.xml links to {href}, but the page has no such anchor")

# Calendars: parse, and every dated session of hyte.json is an event.
events = {}
for path in sorted(public.rglob("*.ics")):
    raw = path.read_bytes()
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            problems.append(f"{path}: a line of {len(line)} octets")
    if b"\n" in raw.replace(b"\r\n", b""):
        problems.append(f"{path}: a bare LF line end")
    cal = icalendar.Calendar.from_ical(raw)
    for ev in cal.walk("VEVENT"):
        events.setdefault(path.relative_to(public).as_posix(), []).append(ev)
for year in data["years"]:
    dated = [s for s in year["sessions"] if s["date"]]
    for name in ("aikataulu.ics", f"{year['year']}/aikataulu.ics"):
        got = events.get(name, [])
        for s in dated:
            match = [e for e in got if str(e.get("SUMMARY")) == s["title"] and e.decoded("DTSTART").isoformat()[:10] == s["date"]]
            if not match:
                problems.append(f"{name}: no event for {s['title']} on {s['date']}")
    uids = [str(e.get("UID")) for e in events.get(f"{year['year']}/aikataulu.ics", [])]
    if len(uids) != len(set(uids)):
        problems.append(f"{year['year']}/aikataulu.ics: duplicate UIDs")

# Open data: the JSON against its schema; the CSV with a row per finding.
schema = json.loads((public / "data/hyte.schema.json").read_text(encoding="utf-8"))
for error in jsonschema.Draft202012Validator(schema).iter_errors(data):
    problems.append(f"hyte.json: {error.message} at {list(error.absolute_path)}")
with open(public / "data/havainnot.csv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
if len(rows) != len(data["findings"]):
    problems.append(f"havainnot.csv has {len(rows)} rows for {len(data['findings'])} findings")

summary = f"{len(locs)} sitemap URLs, {len(entries)} feed entries, {sum(map(len, events.values()))} calendar events, {len(data['findings'])} findings"
print(summary)
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
