"""Reading a rendered PDF back for the GB/T 9704 layout checks.

``pdftotext -bbox-layout`` gives every text line with its box (in pt, origin top left). From
those the checks below measure what the standard fixes: A4 pages, text inside the 156 × 225 mm
版心 (turned for landscape pages), "— N —" page numbers 7 mm below it, at most 22 body lines a
page and 28 characters a body line, and no page that holds only the 署名 and 成文日期.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.reports.doc_interview import SIGN_LINE
from workbench.reports.preview import PDF_EXPORT

PT_PER_MM = 72 / 25.4
A4 = (210 * PT_PER_MM, 297 * PT_PER_MM)
TOLERANCE = 2.0  # pt: glyph boxes overhang the type area a little
LINE_PITCH = 28.95  # pt: 22 lines in 225 mm
PAGE_NO_PT = 14.0  # 4号
BODY_PT = 16.0  # 3号
MAX_LINES = 22
MAX_CHARS = {False: 28, True: 40}  # a portrait and a landscape line (225 mm) of 3号 characters
PAGE_NO = re.compile(r"^—\s*\d+\s*—$")
_NUM = "[0-9〇零一二三四五六七八九十]"
# a line ending in a date: the 成文日期, 统计日期：… (not the 版记's “… 印发”)
DATE = re.compile(f"{_NUM}{{4}}年{_NUM}{{1,2}}月{_NUM}{{1,3}}日$")
XHTML = "{http://www.w3.org/1999/xhtml}"

# the 谈话记录's signature places, in its footer above the page number on every page
SIGN_PLACES = SIGN_LINE.replace("\u3000", "")
IMPRINT_ROW_PT = 7 * PT_PER_MM  # a 版记 row: its 印发 line in the lowest one
MARK_TOP_MM = 35  # the 发文机关标志's top edge below the 版心's
IMPRINT_TOP_MM = 150  # the 版记 page holds nothing above this (the 版记 sits at its foot)

RENDER_TOOLS = bool(shutil.which("soffice") and shutil.which("pdftotext"))


@dataclass(frozen=True)
class Line:
    x_min: float
    x_max: float
    y_min: float
    y_max: float
    text: str

    @property
    def height(self) -> float:
        return self.y_max - self.y_min


@dataclass(frozen=True)
class Page:
    number: int
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    @property
    def area(self) -> tuple[float, float, float, float]:
        """The 版心 as (left, top, right, bottom) in pt: 28/26 mm at the sides and 37/35 mm at
        top and bottom of a portrait page, the same area turned on a landscape one."""
        if self.landscape:
            left, top, right, bottom = 37, 28, 35, 26
        else:
            left, top, right, bottom = 28, 37, 26, 35
        return (
            left * PT_PER_MM,
            top * PT_PER_MM,
            self.width - right * PT_PER_MM,
            self.height - bottom * PT_PER_MM,
        )

    @property
    def body(self) -> list[Line]:
        """The lines inside the 版心 band (everything but headers and page numbers)."""
        _, top, _, bottom = self.area
        inside = [x for x in self.lines if top - TOLERANCE <= x.y_max <= bottom + TOLERANCE]
        return sorted(inside, key=lambda x: (round(x.y_max), x.x_min))

    @property
    def footer(self) -> list[Line]:
        return [x for x in self.lines if x.y_min > self.area[3]]

    def rows(self, em_height: float) -> list[list[Line]]:
        """The body's 3号-or-larger lines grouped by baseline (a table row's cells share one);
        ``em_height`` is a line box's height per point of font size."""
        rows: list[list[Line]] = []
        large = [x for x in self.body if x.height / em_height > BODY_PT - 1]
        for line in sorted(large, key=lambda x: x.y_max):
            if rows and abs(rows[-1][0].y_max - line.y_max) < 2:
                rows[-1].append(line)
            else:
                rows.append([line])
        return rows


def convert(docx_files: Sequence[Path], outdir: Path, profile: Path) -> None:
    """Render every file to PDF in one LibreOffice run (starting soffice is the slow part)."""
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to",
            PDF_EXPORT,  # the blank page before the 版记 kept, as the preview keeps it
            "--outdir",
            str(outdir),
            *map(str, docx_files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


def pdf_pages(pdf: Path) -> list[Page]:
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = []
    for number, page in enumerate(ET.fromstring(xml).iter(f"{XHTML}page"), start=1):
        lines = tuple(
            Line(
                float(line.get("xMin", 0)),
                float(line.get("xMax", 0)),
                float(line.get("yMin", 0)),
                float(line.get("yMax", 0)),
                "".join(w.text or "" for w in line.iter(f"{XHTML}word")),
            )
            for line in page.iter(f"{XHTML}line")
        )
        pages.append(Page(number, float(page.get("width", 0)), float(page.get("height", 0)), lines))
    return pages


def char_units(text: str) -> float:
    """Width in 3号 characters: full-width (CJK) characters count one, others half."""
    return sum(1 if ord(ch) > 0x2E7F else 0.5 for ch in text if not ch.isspace())


def is_closing(line: Line, page: Page) -> bool:
    """A line of the closing block: a date line, or a short line starting right of the middle
    of the 版心 less four characters (the 署名)."""
    left, _, right, _ = page.area
    text = line.text.replace(" ", "")
    starts_right = line.x_min > (left + right) / 2 - 4 * BODY_PT
    return bool(DATE.search(text)) or (starts_right and len(text) <= 20)


def em_height(pages: Sequence[Page]) -> float:
    """A line box's height per point of font size, from the 4号 page numbers (the box depends
    on the font the renderer found, so the document's own 4号 line is the ruler)."""
    numbers = [x.height for p in pages for x in p.footer if PAGE_NO.match(x.text.strip())]
    return max(numbers) / PAGE_NO_PT if numbers else 1.0


def problems(pages: Sequence[Page]) -> list[str]:
    """Every breach of the layout rules, as "p.N: what" (empty when the document is right)."""
    found: list[str] = []
    em = em_height(pages)
    for page in pages:
        p = f"p.{page.number}"
        size = tuple(sorted((page.width, page.height)))
        if abs(size[0] - A4[0]) > 1 or abs(size[1] - A4[1]) > 1:
            found.append(f"{p}: page {page.width:.0f} × {page.height:.0f} pt is not A4")
            continue
        left, top, right, bottom = page.area
        for line in page.lines:
            if line in page.footer:
                continue
            if not (
                left - TOLERANCE <= line.x_min
                and line.x_max <= right + TOLERANCE
                and line.y_min >= top - TOLERANCE - 6  # a 2号 title's box rises above its grid
                and line.y_max <= bottom + TOLERANCE
            ):
                found.append(f"{p}: “{line.text}” outside the 版心")
        for line in page.footer:
            if line.text.replace(" ", "") in SIGN_PLACES:
                continue
            if not PAGE_NO.match(line.text.strip()):
                found.append(f"{p}: “{line.text}” below the 版心")
            elif abs(line.y_min - (bottom + 7 * PT_PER_MM)) > 3:
                found.append(f"{p}: page number not 7 mm below the 版心")
        rows = page.rows(em)
        if len(rows) > MAX_LINES:
            found.append(f"{p}: {len(rows)} body lines (at most {MAX_LINES})")
        for row in rows:
            for line in row:
                if char_units(line.text) > MAX_CHARS[page.landscape]:
                    found.append(f"{p}: {char_units(line.text)} characters in “{line.text}”")
        found.extend(f"{p}: {x}" for x in _closing_alone(page))
    return found


def frame_problems(pages: Sequence[Page], mark: str, cc: bool) -> list[str]:
    """The 公文 frame's places: the 发文机关标志 ``mark`` centred on page 1, its top 35 mm below
    the 版心's; the 版记 (``cc``: with its 抄送 line; 印发机关和印发日期) at the foot of the
    last page, which is even and holds nothing else; a page before it without text only right
    before it; neither carries a page number."""
    found: list[str] = []
    first, last = pages[0], pages[-1]
    left, top, right, bottom = first.area
    heads = [x for x in first.body if x.text.replace(" ", "") == mark]
    if not heads:
        found.append(f"p.1: no 发文机关标志 “{mark}”")
    elif abs(heads[0].y_min - (top + MARK_TOP_MM * PT_PER_MM)) > 3 * PT_PER_MM:
        found.append(f"p.1: the 标志's top {heads[0].y_min - top:.0f} pt below the 版心's")
    elif abs((heads[0].x_min + heads[0].x_max) / 2 - (left + right) / 2) > 3:
        found.append("p.1: the 标志 is not centred")
    if len(pages) % 2:
        found.append(f"{len(pages)} pages: the 版记's is not even")
    p = f"p.{last.number}"
    texts = [x.text.replace(" ", "") for x in last.body]
    printed = [x for x in last.body if x.text.replace(" ", "").endswith("印发")]
    if not printed:
        found.append(f"{p}: no 印发机关和印发日期")
    elif bottom - printed[-1].y_max > IMPRINT_ROW_PT:
        found.append(f"{p}: the 印发 line is {bottom - printed[-1].y_max:.0f} pt above the foot")
    if cc != any(t.startswith("抄送：") for t in texts):
        found.append(f"{p}: {'no' if cc else 'an unexpected'} 抄送 line")
    if any(x.y_min < top + IMPRINT_TOP_MM * PT_PER_MM for x in last.body):
        found.append(f"{p}: the 版记's page holds more than the 版记")
    for page in pages[:-1]:
        if not page.lines and page.number != last.number - 1:
            found.append(f"p.{page.number}: blank, not right before the 版记")
    for page in pages[-2:]:
        numbered = any(PAGE_NO.match(x.text.strip()) for x in page.footer)
        if numbered and (page is last or not page.body):
            found.append(f"p.{page.number}: a page number on the 版记's page or its blank")
    return found


def _closing_alone(page: Page) -> list[str]:
    """A page after the first that holds the 署名/成文日期 with less than two lines of the body
    (the closing block ends with a date line; blank lines leave no text)."""
    body = page.body
    dated = [i for i, x in enumerate(body) if DATE.search(x.text.replace(" ", ""))]
    if page.number == 1 or not dated:
        return []
    closing = dated[-1]
    while closing > 0 and is_closing(body[closing - 1], page):
        closing -= 1
    before = len(body[:closing])
    if before == 0:
        return ["holds only the 署名/成文日期"]
    if before == 1:
        return [f"holds the 署名/成文日期 with one line (“{body[0].text}”)"]
    return []
