#!/usr/bin/env python3
"""Makes the small Latin Sarabun web fonts the client loads first (client/src/core/fonts).

The Latin file of each weight (@fontsource/sarabun) holds Latin-1, Latin punctuation and symbols: about
11 KB, fetched by every page for its digits and the few English words. Cut to the characters the pages
show (COMMON below: ASCII, the no-break space and the punctuation of Thai office text) it is about 6 KB.
client/src/core/fonts/sarabun.css declares that file for COMMON and fontsource's full file for the rest
of its range, so any other Latin character still shows in Sarabun (its file is fetched only then).

Run with Debian's python3-fonttools and python3-brotli, from the repository root:
  /usr/bin/python3 scripts/fonts/subset-web-fonts.py
The output is committed; the build never runs this. Keep COMMON and sarabun.css's unicode-range equal.
"""
import os
from fontTools import subset

COMMON = 'U+0020-007E,U+00A0,U+00A9,U+00B0,U+00B7,U+00D7,U+00F7,U+2013-2014,U+2018-2019,U+201C-201D,U+2022,U+2026'
SOURCE = 'node_modules/@fontsource/sarabun/files/sarabun-latin-{weight}-normal.woff2'
TARGET = 'client/src/core/fonts/sarabun-latin-common-{weight}.woff2'

for weight in (400, 700):
    options = subset.Options()
    options.flavor = 'woff2'
    options.layout_features = ['*']
    font = subset.load_font(SOURCE.format(weight=weight), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=subset.parse_unicodes(COMMON))
    subsetter.subset(font)
    subset.save_font(font, TARGET.format(weight=weight), options)
    print(TARGET.format(weight=weight), os.path.getsize(TARGET.format(weight=weight)), 'bytes')
