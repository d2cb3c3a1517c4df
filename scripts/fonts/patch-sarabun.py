#!/usr/bin/env python3
"""Builds the Sarabun fonts the PDFs embed (server/assets/fonts) from the upstream TTFs.

Two changes, both for Thai documents that give back their own text:
1. U+200B ZERO WIDTH SPACE gets an empty, zero-advance glyph. The PDF builder puts it between Thai
   words so lines break at word boundaries; upstream Sarabun has no glyph for it (a box would show).
2. SARA AM (U+0E33) is decomposed by the font's ccmp into NIKHAHIT + SARA AA. Upstream reuses the
   ordinary SARA AA glyph, so a PDF's glyph-to-Unicode map must give that one glyph two meanings and
   every later า in the document extracts wrong. Here the decomposition ends in a copy of SARA AA
   ("uni0E32.am") that exists only for ำ, so า keeps its own glyph and text.

Run with Debian's python3-fonttools (apt-get install python3-fonttools):
  /usr/bin/python3 scripts/fonts/patch-sarabun.py node_modules/@expo-google-fonts/sarabun server/assets/fonts
The output is committed; the app never runs this.
"""
import copy
import json
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

AM_COPY = "uni0E32.am"


def add_glyph(font, name, source=None):
    order = font.getGlyphOrder()
    glyf, hmtx = font["glyf"], font["hmtx"]
    if source is None:
        glyf.glyphs[name] = Glyph()
        hmtx.metrics[name] = (0, 0)
    else:
        glyf.glyphs[name] = copy.deepcopy(glyf[source])
        hmtx.metrics[name] = hmtx.metrics[source]
    font.setGlyphOrder(order + [name])
    glyf.glyphOrder = font.getGlyphOrder()
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef and source:
        classes = font["GDEF"].table.GlyphClassDef.classDefs
        if source in classes:
            classes[name] = classes[source]


def patch(src: Path, dst: Path) -> None:
    font = TTFont(src)
    add_glyph(font, "uni200B")
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x200B] = "uni200B"

    add_glyph(font, AM_COPY, "uni0E32")
    changed = 0
    for lookup in font["GSUB"].table.LookupList.Lookup:
        for sub in lookup.SubTable:
            sub = sub.ExtSubTable if lookup.LookupType == 7 else sub
            mapping = getattr(sub, "mapping", None)
            if (lookup.LookupType == 2 or getattr(sub, "LookupType", None) == 2) and mapping and "uni0E33" in mapping:
                mapping["uni0E33"] = [AM_COPY if g == "uni0E32" else g for g in mapping["uni0E33"]]
                changed += 1
    if changed == 0:
        sys.exit(f"{src}: no ccmp decomposition of uni0E33 found")
    font["maxp"].numGlyphs = len(font.getGlyphOrder())
    font.save(dst)
    print(f"{dst}: {len(font.getGlyphOrder())} glyphs, {changed} decomposition(s) patched")
    return text_of_glyphs(TTFont(dst))


def text_of_glyphs(font):
    """Glyph ids whose extracted text the PDF builder fixes before layout (server/src/core/pdf/pdf.ts):
    the SARA AA copy reads as SARA AM, the nikhahit reads as nothing, and each ligature of nikhahit with a
    tone mark reads as the tone mark alone (its SARA AM is read from the SARA AA copy that follows)."""
    order = font.getGlyphOrder()
    text = {order.index(AM_COPY): "\u0e33"}
    for name in order:
        base = name.split(".")[0]
        if base == "uni0E4D":
            text[order.index(name)] = ""
        elif base.startswith("uni0E4D0E4") and len(base) == 11:
            text[order.index(name)] = chr(int(base[7:11], 16))
    return {str(gid): t for gid, t in sorted(text.items())}


def main() -> None:
    upstream, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    glyph_text = {}
    for weight, name in (("400Regular", "Sarabun-Regular"), ("700Bold", "Sarabun-Bold")):
        glyph_text[f"{name}.ttf"] = patch(upstream / weight / f"Sarabun_{weight}.ttf", out / f"{name}.ttf")
    (out / "glyph-text.json").write_text(json.dumps(glyph_text, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
