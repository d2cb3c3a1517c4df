#!/usr/bin/env python3
"""Builds the Sarabun fonts the PDFs embed (server/assets/fonts) from the upstream TTFs.

Changes, all for Thai documents whose text layer gives back exactly what was printed, in every viewer:
1. U+200B ZERO WIDTH SPACE gets an empty, zero-advance glyph. The PDF builder puts it between Thai
   words so lines break at word boundaries; upstream Sarabun has no glyph for it (a box would show).
2. SARA AM (U+0E33) is decomposed by the font's ccmp into NIKHAHIT + SARA AA. Upstream reuses the
   ordinary SARA AA glyph, so a PDF's glyph-to-Unicode map must give that one glyph two meanings and
   every later า in the document extracts wrong. Here the decomposition ends in a copy of SARA AA
   ("uni0E32.am") that exists only for ำ, so า keeps its own glyph and text.
3. Every mark the font's GPOS moves (a tone mark over a vowel, a vowel on a narrow consonant...) gets
   a copy already moved by that offset, one per offset the shaper can produce (mark-positions.js
   enumerates them with fontkit, the shaper the PDFs are made with). The PDF builder draws the copy
   where the mark's advance puts it, so a Thai cluster is one run of glyphs in reading order with no
   repositioning: PDFium (Chrome, Edge) orders repositioned glyphs by their x and read "ที่" as "ท่ี".
4. CHECK MARK (U+2713) gets a glyph (upstream has none): the tick of a chosen column in the tables is
   ✓, not the square root √, and copies and searches as ✓.
5. The NIKHAHIT that SARA AM was split into, at each offset, and the SARA AA after it get one glyph
   that draws both: a PDF cannot say that one of two glyphs stands for no text (an empty ToUnicode
   entry is invalid), so ำ must be one glyph whenever no tone mark takes the NIKHAHIT's place. With a
   tone mark (น้ำ) the ligature of the two marks reads as the tone mark and the SARA AA copy as ำ.

thai-glyphs.json, beside the fonts, tells the PDF builder (server/src/core/pdf/thai-glyphs.ts) which
glyph ids these are and the text of each glyph whose text is not its own code points.

Run with Debian's python3-fonttools (apt-get install python3-fonttools), from the repository root:
  /usr/bin/python3 scripts/fonts/patch-sarabun.py node_modules/@expo-google-fonts/sarabun server/assets/fonts
The output is committed; the app never runs this.
"""
import copy
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphComponent

AM_COPY = "uni0E32.am"
SARA_AM = "\u0e33"


def add_glyph(font, name, source=None, components=None, advance=0):
    """An empty glyph, a copy of `source`, or a composite of (glyph name, x, y) components."""
    order = font.getGlyphOrder()
    glyf, hmtx = font["glyf"], font["hmtx"]
    if source is not None:
        glyf.glyphs[name] = copy.deepcopy(glyf[source])
        hmtx.metrics[name] = hmtx.metrics[source]
    elif components:
        glyph = Glyph()
        glyph.numberOfContours = -1
        glyph.components = []
        for base, x, y in components:
            component = GlyphComponent()
            component.glyphName, component.x, component.y, component.flags = base, x, y, 0
            glyph.components.append(component)
        glyf.glyphs[name] = glyph
    else:
        glyf.glyphs[name] = Glyph()
    font.setGlyphOrder(order + [name])
    glyf.glyphOrder = font.getGlyphOrder()
    if components:
        glyf[name].recalcBounds(glyf)
        hmtx.metrics[name] = (advance, glyf[name].xMin)
    elif source is None:
        hmtx.metrics[name] = (0, 0)
    if "GDEF" in font and font["GDEF"].table.GlyphClassDef and source:
        classes = font["GDEF"].table.GlyphClassDef.classDefs
        if source in classes:
            classes[name] = classes[source]


def split_sara_am(font, src):
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


def add_check_mark(font):
    """U+2713 as one closed outline: a short stroke down to the heel and a long one up, as thick as the
    weight's strokes (two fifths of the ink of its "l": 80 and 100 units), on the baseline, as wide as a digit."""
    glyf, hmtx = font["glyf"], font["hmtx"]
    stem = 0.4 * (glyf["l"].xMax - glyf["l"].xMin)
    advance = hmtx.metrics["zero"][0]
    a, b, c = (0.12 * advance, 320), (0.40 * advance, 60), (0.90 * advance, 660)

    def unit_normal(p, q):
        dx, dy = q[0] - p[0], q[1] - p[1]
        length = (dx * dx + dy * dy) ** 0.5
        return (-dy / length, dx / length)

    half = stem / 2
    n1, n2 = unit_normal(a, b), unit_normal(b, c)
    off = lambda p, n, k: (round(p[0] + n[0] * half * k), round(p[1] + n[1] * half * k))
    # Around the outside of the V (a bevel at the heel), then back along the inside.
    outline = [off(a, n1, 1), off(b, n1, 1), off(b, n2, 1), off(c, n2, 1), off(c, n2, -1)]
    # The inside corner: where the two inner edges meet.
    (x1, y1), (x2, y2) = off(a, n1, -1), off(b, n1, -1)
    (x3, y3), (x4, y4) = off(b, n2, -1), off(c, n2, -1)
    d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4)
    t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d
    outline += [(round(x1 + t * (x2 - x1)), round(y1 + t * (y2 - y1))), off(a, n1, -1)]
    area = sum(p[0] * q[1] - q[0] * p[1] for p, q in zip(outline, outline[1:] + outline[:1]))
    if area > 0:  # TrueType draws outer contours clockwise
        outline.reverse()
    pen = TTGlyphPen(None)
    pen.moveTo(outline[0])
    for point in outline[1:]:
        pen.lineTo(point)
    pen.closePath()
    glyf.glyphs["uni2713"] = pen.glyph()
    font.setGlyphOrder(font.getGlyphOrder() + ["uni2713"])
    glyf.glyphOrder = font.getGlyphOrder()
    glyf["uni2713"].recalcBounds(glyf)
    hmtx.metrics["uni2713"] = (advance, glyf["uni2713"].xMin)
    for table in font["cmap"].tables:
        if table.isUnicode():
            table.cmap[0x2713] = "uni2713"


def offset_name(name, x, y):
    num = lambda v: f"m{-v}" if v < 0 else str(v)
    return f"{name}.x{num(x)}y{num(y)}"


def patch(src: Path, dst: Path):
    font = TTFont(src)
    split_sara_am(font, src)
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "stage.ttf"
        font.save(stage)
        script = Path(__file__).with_name("mark-positions.js")
        positions = json.loads(subprocess.run(["node", str(script), str(stage)], check=True, capture_output=True).stdout)
        font = TTFont(stage)

    marks = {}
    for name, x, y in positions["marks"]:
        new = offset_name(name, x, y)
        add_glyph(font, new, components=[(name, x, y)], advance=font["hmtx"].metrics[name][0])
        marks[(name, x, y)] = new
    sara_am = {}
    aa_advance = font["hmtx"].metrics["uni0E32"][0]
    for name, x, y in positions["saraAm"]:
        new = offset_name(f"uni0E33.{name}", x, y)
        add_glyph(font, new, components=[(name, x, y), ("uni0E32", 0, 0)], advance=aa_advance)
        sara_am[(name, x, y)] = new
    add_check_mark(font)
    font["maxp"].numGlyphs = len(font.getGlyphOrder())
    font.save(dst)
    font = TTFont(dst)
    order = font.getGlyphOrder()
    gid = {name: i for i, name in enumerate(order)}
    print(f"{dst}: {len(order)} glyphs, {len(marks)} positioned marks, {len(sara_am)} SARA AM glyphs")
    return {
        "amCopy": gid[AM_COPY],
        "text": text_of_glyphs(order, sara_am.values(), gid),
        "marks": {f"{gid[n]} {x} {y}": gid[new] for (n, x, y), new in sorted(marks.items())},
        "saraAm": {f"{gid[n]} {x} {y}": gid[new] for (n, x, y), new in sorted(sara_am.items())},
    }


def text_of_glyphs(order, sara_am_glyphs, gid):
    """The text of each glyph whose text is not simply its code points: the SARA AA copy and the SARA AM
    glyphs read as SARA AM, a NIKHAHIT as itself (the shaper would give it ำ's code point when ำ was
    split first), and each ligature of NIKHAHIT with a tone mark as the tone mark alone (its ำ is read
    from the SARA AA copy that follows)."""
    text = {gid[AM_COPY]: SARA_AM}
    for name in sara_am_glyphs:
        text[gid[name]] = SARA_AM
    for name in order:
        base = name.split(".")[0]
        if base == "uni0E4D":
            text[gid[name]] = "\u0e4d"
        elif base.startswith("uni0E4D0E4") and len(base) == 11:
            text[gid[name]] = chr(int(base[7:11], 16))
    return {str(i): t for i, t in sorted(text.items())}


def main() -> None:
    upstream, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    glyphs = {}
    for weight, name in (("400Regular", "Sarabun-Regular"), ("700Bold", "Sarabun-Bold")):
        glyphs[name] = patch(upstream / weight / f"Sarabun_{weight}.ttf", out / f"{name}.ttf")
    (out / "thai-glyphs.json").write_text(json.dumps(glyphs, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
