#!/usr/bin/env python3
"""Writes the three .resx files (fi default, sv, en) from src/CooperationModel.Web/Resources/strings.tsv.

strings.tsv is the one place to edit the app's strings: one line per key, tab-separated
key, Finnish, Swedish, English. Run `python3 scripts/strings.py` after editing it and commit both.

Keys added straight to the .resx files (a merge, a quick fix) are taken back into strings.tsv with
`python3 scripts/strings.py --from-resx`. A test (Web.Tests, StringsTests) fails while the two disagree.
"""
import html
import pathlib
import re
import sys

resources = pathlib.Path(__file__).resolve().parent.parent / "src/CooperationModel.Web/Resources"

if sys.argv[1:] == ["--from-resx"]:
    def read(suffix):
        text = (resources / f"SharedResource{suffix}.resx").read_text(encoding="utf-8")
        return {m[1]: html.unescape(m[2]) for m in re.finditer(r'<data name="([^"]+)" xml:space="preserve"><value>(.*?)</value></data>', text, re.S)}
    finnish, swedish, english = read(""), read(".sv"), read(".en")
    if not finnish.keys() == swedish.keys() == english.keys():
        sys.exit("the three .resx files do not have the same keys")
    bad = [key for key in finnish if any(c in text for text in (finnish[key], swedish[key], english[key]) for c in "\t\n")]
    if bad:
        sys.exit(f"a tab or a line break in a text cannot go into strings.tsv: {bad[:3]}")
    lines = [f"{key}\t{finnish[key]}\t{swedish[key]}\t{english[key]}\n" for key in sorted(finnish)]
    (resources / "strings.tsv").write_text("".join(lines), encoding="utf-8")
    print(f"{len(lines)} keys written to {resources.name}/strings.tsv")
    sys.exit(0)

rows = [line.rstrip("\n").split("\t") for line in (resources / "strings.tsv").read_text(encoding="utf-8").splitlines() if line.strip()]
bad = [row for row in rows if len(row) != 4 or not all(cell.strip() for cell in row)]
if bad:
    sys.exit(f"strings.tsv: every line needs a key and three texts: {bad[:3]}")
keys = [row[0] for row in rows]
duplicates = sorted({key for key in keys if keys.count(key) > 1})
if duplicates:
    sys.exit(f"strings.tsv: keys twice: {duplicates}")

head = """<?xml version="1.0" encoding="utf-8"?>
<!-- The app's strings. {lang}. Generated from strings.tsv by scripts/strings.py: edit that file, not this one. -->
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""
for column, (suffix, lang) in enumerate([("", "Finnish, the default"), (".sv", "Swedish"), (".en", "English")], start=1):
    out = [head.format(lang=lang)]
    for row in sorted(rows, key=lambda r: r[0]):
        out.append(f'  <data name="{row[0]}" xml:space="preserve"><value>{html.escape(row[column], quote=False)}</value></data>\n')
    out.append("</root>\n")
    (resources / f"SharedResource{suffix}.resx").write_text("".join(out), encoding="utf-8")
print(f"{len(rows)} keys written to {resources.name}/SharedResource{{,.sv,.en}}.resx")
