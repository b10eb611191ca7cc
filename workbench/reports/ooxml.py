"""Low-level WordprocessingML helpers that python-docx has no API for.

Why these exist (ECOSYSTEM.md, "GB/T 9704 with python-docx"): ``font.name`` sets only the Latin
font and Word prefers theme fonts over named ones, so East Asian names go on ``w:eastAsia`` and
the theme attributes are dropped; 22 lines per page need exact spacing plus a ``lines`` grid;
"— N —" page numbers need a PAGE field; repeated table headers need ``w:tblHeader``.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

TWIPS_PER_PT = 20
BODY_PT = 16.0  # 3号
LINE_TWIPS = 579  # 28.95 pt: 22 lines fill the 225 mm 版心
CHAR_TWIPS = int(BODY_PT * TWIPS_PER_PT)  # one 3号 character
# 28 3号 characters (448 pt) overfill the 156 mm (442.2 pt) line: 3号 text is condensed by
# 0.25 pt a character (w:spacing counts twentieths of a point), a 15.75 pt pitch, 441 pt a line
CHAR_SPACING = -5
BODY_PITCH_PT = BODY_PT + CHAR_SPACING / TWIPS_PER_PT

_THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

# Element order inside w:rPr / w:pPr matters to Word's schema validation.
_RPR_ORDER = [
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
]
_PPR_ORDER = [
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
]
_TBLPR_ORDER = [
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
]


def child(parent: BaseOxmlElement, tag: str, order: list[str] | None = None) -> BaseOxmlElement:
    """The ``tag`` child of ``parent``, created in schema order if absent."""
    found = parent.find(qn(tag))
    if found is not None:
        return found  # type: ignore[no-any-return]
    element: BaseOxmlElement = OxmlElement(tag)
    if order is None or tag not in order:
        parent.append(element)
        return element
    later = {qn(t) for t in order[order.index(tag) + 1 :]}
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(element)
            return element
    parent.append(element)
    return element


def rpr_child(rpr: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    return child(rpr, tag, _RPR_ORDER)


def ppr_child(ppr: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    return child(ppr, tag, _PPR_ORDER)


def tblpr_child(tbl_pr: BaseOxmlElement, tag: str) -> BaseOxmlElement:
    return child(tbl_pr, tag, _TBLPR_ORDER)


def set_fonts(rpr: BaseOxmlElement, east_asia: str, latin: str | None = None) -> None:
    """Name the East Asian and Latin fonts explicitly and drop theme references."""
    fonts = rpr_child(rpr, "w:rFonts")
    for attr in _THEME_ATTRS:
        fonts.attrib.pop(qn(attr), None)
    latin = latin or east_asia
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def strip_theme_fonts(root: BaseOxmlElement) -> None:
    """Remove every theme font attribute below ``root`` (styles.xml, docDefaults)."""
    for fonts in root.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            fonts.attrib.pop(qn(attr), None)


def set_size(rpr: BaseOxmlElement, points: float) -> None:
    half_points = str(round(points * 2))
    rpr_child(rpr, "w:sz").set(qn("w:val"), half_points)
    rpr_child(rpr, "w:szCs").set(qn("w:val"), half_points)


def set_char_spacing(rpr: BaseOxmlElement, twentieths: int) -> None:
    """Character spacing (expanded > 0, condensed < 0) in twentieths of a point."""
    rpr_child(rpr, "w:spacing").set(qn("w:val"), str(twentieths))


def set_bold(rpr: BaseOxmlElement, bold: bool) -> None:
    for tag in ("w:b", "w:bCs"):
        rpr_child(rpr, tag).set(qn("w:val"), "1" if bold else "0")


def set_line(ppr: BaseOxmlElement, line: int, rule: str = "exact") -> None:
    """Line spacing, no space before or after. ``rule`` "exact": ``line`` in twips; "auto":
    ``line`` in 240ths of a single line."""
    spacing = ppr_child(ppr, "w:spacing")
    for attr in ("w:before", "w:after", "w:beforeLines", "w:afterLines"):
        spacing.set(qn(attr), "0")
    spacing.set(qn("w:line"), str(line))
    spacing.set(qn("w:lineRule"), rule)


def set_auto_space(ppr: BaseOxmlElement, on: bool) -> None:
    """Word's automatic gap between CJK and Latin text: off keeps the character grid even."""
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        ppr_child(ppr, tag).set(qn("w:val"), "1" if on else "0")


def set_overflow_punct(ppr: BaseOxmlElement, on: bool) -> None:
    """Whether punctuation may hang past the line end (Word's default: on). LibreOffice reads
    the value inverted (writerfilter: hanging = ``val == 0``), so an explicit on keeps Word's
    default and stops LibreOffice hanging a comma outside the 版心."""
    ppr_child(ppr, "w:overflowPunct").set(qn("w:val"), "1" if on else "0")


def set_keep_next(ppr: BaseOxmlElement) -> None:
    ppr_child(ppr, "w:keepNext")


def set_widow_control(ppr: BaseOxmlElement, on: bool) -> None:
    ppr_child(ppr, "w:widowControl").set(qn("w:val"), "1" if on else "0")


def set_snap_to_grid(ppr: BaseOxmlElement, snap: bool) -> None:
    ppr_child(ppr, "w:snapToGrid").set(qn("w:val"), "1" if snap else "0")


def set_indent(
    ppr: BaseOxmlElement,
    *,
    first_chars: int = 0,
    left_twips: int = 0,
    right_twips: int = 0,
    char_twips: int = CHAR_TWIPS,
) -> None:
    """First-line indent in characters (``firstLineChars`` is what Word/WPS honour for CJK; the
    twips value is the fallback for other readers)."""
    ind = ppr_child(ppr, "w:ind")
    for attr in list(ind.attrib):
        del ind.attrib[attr]
    ind.set(qn("w:left"), str(left_twips))
    ind.set(qn("w:right"), str(right_twips))
    if first_chars:
        ind.set(qn("w:firstLineChars"), str(first_chars * 100))
        ind.set(qn("w:firstLine"), str(first_chars * char_twips))
    else:
        ind.set(qn("w:firstLine"), "0")
        ind.set(qn("w:firstLineChars"), "0")


def set_outline_level(ppr: BaseOxmlElement, level: int) -> None:
    ppr_child(ppr, "w:outlineLvl").set(qn("w:val"), str(level))


def clear(element: BaseOxmlElement) -> None:
    for sub in list(element):
        element.remove(sub)


def add_page_field(paragraph_element: BaseOxmlElement, rpr_xml: BaseOxmlElement) -> None:
    """Append ``— PAGE —`` runs (a complex field, understood by Word, WPS and LibreOffice)."""

    def run() -> BaseOxmlElement:
        r: BaseOxmlElement = OxmlElement("w:r")
        r.append(_copy(rpr_xml))
        paragraph_element.append(r)
        return r

    def text(value: str) -> None:
        t = OxmlElement("w:t")
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = value
        run().append(t)

    def fld(kind: str) -> None:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        run().append(char)

    text("— ")
    fld("begin")
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = " PAGE "
    run().append(instr)
    fld("separate")
    text("1")
    fld("end")
    text(" —")


def _copy(element: BaseOxmlElement) -> BaseOxmlElement:
    from copy import deepcopy

    return deepcopy(element)


def repeat_header(row_element: BaseOxmlElement) -> None:
    """Mark a table row as a header row repeated on every page (and never split)."""
    tr_pr = row_element.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        if tr_pr.find(qn(tag)) is None:
            element = OxmlElement(tag)
            element.set(qn("w:val"), "1")
            tr_pr.append(element)


def cant_split(row_element: BaseOxmlElement) -> None:
    tr_pr = row_element.get_or_add_trPr()
    if tr_pr.find(qn("w:cantSplit")) is None:
        element = OxmlElement("w:cantSplit")
        element.set(qn("w:val"), "1")
        tr_pr.insert(0, element)


def set_doc_grid(sect_pr: BaseOxmlElement, line_twips: int = LINE_TWIPS) -> None:
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_twips))


def set_cell_margins(tbl_pr: BaseOxmlElement, side_twips: int = 85, top_twips: int = 30) -> None:
    margins = child(tbl_pr, "w:tblCellMar", _TBLPR_ORDER)
    clear(margins)
    for side in ("top", "left", "bottom", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), str(top_twips if side in ("top", "bottom") else side_twips))
        m.set(qn("w:type"), "dxa")
        margins.append(m)


def set_table_width(tbl_pr: BaseOxmlElement, twips: int) -> None:
    width = child(tbl_pr, "w:tblW", _TBLPR_ORDER)
    width.set(qn("w:w"), str(twips))
    width.set(qn("w:type"), "dxa")
    layout = child(tbl_pr, "w:tblLayout", _TBLPR_ORDER)
    layout.set(qn("w:type"), "fixed")
