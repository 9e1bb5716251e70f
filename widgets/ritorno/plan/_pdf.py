"""The plan as a PDF, laid out with fpdf2 in DejaVu Sans (the TrueType font shipped inside matplotlib).

DejaVu Sans has every character the plan prints: the currency symbols (GH₵, F CFA, S/, DT,
Bs, $, €), the narrow no-break space French groups digits with (U+202F) and the marks
✔ ✘ ⚠. fpdf2 embeds only the glyphs used (font subsetting), so the file stays small.
"""
from __future__ import annotations

import functools
import io
import unicodedata
from pathlib import Path

from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from ..i18n import translator
from ._charts import chart_png
from ._document import Chart, CheckList, DocSection, Figures, Paragraph, PlanDocument, Table

__all__ = ["plan_pdf_bytes", "font_paths"]

_FONT = "DejaVu"
_BLUE, _GREY, _RED, _GREEN, _ORANGE, _INK = (27, 79, 114), (86, 101, 115), (176, 58, 46), (30, 132, 73), \
    (154, 91, 0), (28, 40, 51)
_LIGHT = (234, 242, 248)
_WIDTH = 174.0  # A4 (210 mm) minus 18 mm margins
_MISSING = "?"  # printed for a character the font does not have


@functools.lru_cache(maxsize=1)
def font_paths() -> dict[str, Path]:
    """DejaVu Sans regular and bold, from matplotlib's data folder."""
    import matplotlib

    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    return {"": folder / "DejaVuSans.ttf", "B": folder / "DejaVuSans-Bold.ttf"}


class _PlanPDF(FPDF):
    """A4 pages with a footer naming the plan and the page number (none on the cover)."""

    def __init__(self, document: PlanDocument) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.document = document
        self._ = translator(document.language).gettext
        for style, path in font_paths().items():
            self.add_font(_FONT, style, str(path))
        self._printable = set(self.fonts[_FONT.lower()].cmap) & set(self.fonts[_FONT.lower() + "B"].cmap)
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.set_text_color(*_INK)

    def normalize_text(self, text: str) -> str:
        """Text the fonts can print: a tab becomes spaces, control characters go, and a character DejaVu Sans
        lacks (an emoji, Chinese) becomes "?" instead of a blank and a warning on stderr."""
        if not all(ord(char) in self._printable or char == "\n" for char in text):
            kept = []
            for char in text:
                if char == "\t":
                    kept.append("    ")
                elif char == "\n" or ord(char) in self._printable:
                    kept.append(char)
                elif not unicodedata.category(char).startswith("C"):
                    kept.append(_MISSING)
            text = "".join(kept)
        return super().normalize_text(text)

    def footer(self) -> None:
        if self.page_no() == 1:
            return
        self.set_y(-13)
        self.set_font(_FONT, "", 8)
        self.set_text_color(*_GREY)
        who = self.document.name or self.document.business
        left = " · ".join(part for part in (self.document.title, who, self.document.date_text) if part)
        self.cell(_WIDTH * 0.75, 5, left, new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.cell(_WIDTH * 0.25, 5, self._("Page {page} of {pages}").format(page=self.page_no(), pages="{nb}"),
                  align="R")
        self.set_text_color(*_INK)

    # -------------------------------------------------------------------------------------------- blocks
    def text_block(self, text: str, size: float = 10, style: str = "", colour=_INK, height: float = 5.2,
                   indent: float = 0) -> None:
        self.set_font(_FONT, style, size)
        self.set_text_color(*colour)
        self.set_x(self.l_margin + indent)
        self.multi_cell(_WIDTH - indent, height, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*_INK)

    def keep_room(self, height: float) -> None:
        """Start a new page unless ``height`` mm are left on this one."""
        if self.will_page_break(height):
            self.add_page()

    def heading(self, section: DocSection) -> None:
        self.keep_room(40)
        self.ln(4)
        self.start_section(section.title)
        self.set_font(_FONT, "B", 15)
        self.set_text_color(*_BLUE)
        title_width = _WIDTH - 30
        self.multi_cell(title_width, 7.5, section.title, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.set_font(_FONT, "", 8.5)
        self.set_text_color(*_GREY)
        self.cell(30, 7.5, self._("module {number}").format(number=section.module), align="R",
                  new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(214, 234, 248)
        self.set_line_width(0.6)
        self.line(self.l_margin, self.get_y() + 0.5, self.l_margin + _WIDTH, self.get_y() + 0.5)
        self.ln(2.5)
        self.set_text_color(*_INK)

    def figures(self, part: Figures) -> None:
        if not part.rows:
            return
        self.set_font(_FONT, "", 9.5)
        self.set_draw_color(229, 232, 232)
        self.set_line_width(0.2)
        with self.table(col_widths=(58, 42), width=_WIDTH, text_align=("LEFT", "LEFT"), first_row_as_headings=False,
                        borders_layout="HORIZONTAL_LINES", line_height=5, padding=(1, 1.5)) as table:
            for label, value in part.rows:
                row = table.row()
                row.cell(label)
                row.cell(value, style=FontFace(emphasis="BOLD"))
        self.ln(1.5)

    def data_table(self, part: Table) -> None:
        columns = len(part.columns)
        widths = (2.2,) + (1.0,) * (columns - 1) if columns > 2 and not part.numeric[0] else (1.0,) * columns
        if columns == 2:
            widths = (3.0, 1.2)
        if columns == 3 and not part.numeric[0]:
            widths = (2.4, 1.1, 1.1)
        width = _WIDTH if columns > 2 else _WIDTH * 0.8
        self.set_font(_FONT, "", 8.5 if columns > 3 else 9.5)
        self.set_draw_color(213, 216, 220)
        self.set_line_width(0.2)
        heading = FontFace(emphasis="BOLD", fill_color=_LIGHT)
        with self.table(col_widths=widths, width=width, align="LEFT", headings_style=heading,
                        text_align=tuple("RIGHT" if numeric else "LEFT" for numeric in part.numeric),
                        borders_layout="HORIZONTAL_LINES", line_height=4.6, padding=(0.8, 1.5)) as table:
            header = table.row()
            for text in part.columns:
                header.cell(text)
            for index, values in enumerate(part.rows):
                style = FontFace(emphasis="BOLD") if index in part.emphasis else \
                    FontFace(emphasis="BOLD", color=_RED) if index in part.alarm else None
                row = table.row()
                for text in values:
                    row.cell(text, style=style)
        self.ln(2)

    def paragraph(self, part: Paragraph) -> None:
        if part.kind == "subheading":
            self.keep_room(25)
            self.ln(1.5)
            self.text_block(part.text, 11, "B", _BLUE, 6)
            self.ln(0.5)
        elif part.kind == "missing":
            self.text_block(part.text, 10, "B", _RED)
            self.ln(1)
        elif part.kind == "warning":
            self.text_block("⚠ " + part.text, 9.5, "", _ORANGE)
            self.ln(1)
        elif part.kind == "note":
            self.text_block(part.text, 8.5, "", _GREY, 4.5)
            self.ln(1)
        else:
            self.text_block(part.text, 10, "", _INK, 5.2, indent=2 if part.kind == "narrative" else 0)
            self.ln(1.5)

    def chart(self, part: Chart) -> None:
        width = _WIDTH * 0.92
        height = width * part.spec.size[1] / part.spec.size[0]
        self.keep_room(height + 4)
        self.image(io.BytesIO(chart_png(part.spec)), x=self.l_margin + (_WIDTH - width) / 2, w=width, h=height,
                   alt_text=part.spec.alt)
        self.ln(3)

    def check(self, status: str, title: str, explanation: str) -> None:
        _ = self._
        mark, colour = {"passed": ("✔ " + _("Passed"), _GREEN), "failed": ("✘ " + _("Failed"), _RED)}.get(
            status, ("… " + _("Not checked yet"), _GREY))
        self.keep_room(18)
        self.set_font(_FONT, "B", 10)
        self.set_text_color(*colour)
        self.multi_cell(_WIDTH, 5.4, f"{mark} — {title}", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.text_block(explanation, 9.5, "", _INK, 4.8, indent=5)
        self.ln(1.5)

    # -------------------------------------------------------------------------------------------- pages
    def cover(self) -> None:
        document, _ = self.document, self._
        self.add_page()
        self.set_fill_color(*_BLUE)
        self.rect(0, 0, 210, 14, style="F")
        self.set_fill_color(255, 255, 255)  # tables fill their cells with the current colour
        self.set_y(62)
        self.text_block(document.title, 30, "B", _BLUE, 13)
        self.ln(3)
        if document.name:
            self.text_block(document.name, 20, "", _INK, 10)
        if document.business:
            self.text_block(document.business, 15, "", (46, 64, 83), 8)
        self.ln(10)
        for label, value in ((_("Country"), document.country_name), (_("Date"), document.date_text)):
            self.set_font(_FONT, "", 11)
            self.set_text_color(*_GREY)
            self.cell(30, 7, label, new_x=XPos.RIGHT, new_y=YPos.TOP)
            self.set_font(_FONT, "B", 11)
            self.set_text_color(*_INK)
            self.cell(_WIDTH - 30, 7, value, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        done = sum(section.done for section in document.sections)
        self.ln(10)
        self.text_block(_("{done} of {total} parts of the plan are done.").format(
            done=done, total=len(document.sections)), 10.5, "B")
        self.ln(1)
        marks = {"passed": ("✔", _GREEN), "failed": ("✘", _RED)}
        for result in document.checks:
            mark, colour = marks.get(result.status, ("…", _GREY))
            self.text_block(f"{mark}  {result.title}", 10, "", colour, 5.6)
        self.set_y(-34)
        self.text_block(_("Made with Ritorno, a course for people returning from Italy to start a business."), 8.5,
                        "", _GREY, 4.5)

    def body(self) -> None:
        self.add_page()
        for section in self.document.sections:
            self.heading(section)
            for part in section.parts:
                if isinstance(part, Figures):
                    self.figures(part)
                elif isinstance(part, Table):
                    self.data_table(part)
                elif isinstance(part, Paragraph):
                    self.paragraph(part)
                elif isinstance(part, Chart):
                    self.chart(part)
                elif isinstance(part, CheckList):
                    for result in part.results:
                        self.check(result.status, result.title, result.explanation)
        self.sources()

    def sources(self) -> None:
        _ = self._
        self.keep_room(40)
        self.ln(4)
        self.start_section(_("Sources"))
        self.set_font(_FONT, "B", 15)
        self.set_text_color(*_BLUE)
        self.cell(_WIDTH, 7.5, _("Sources"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)
        if not self.document.sources:
            self.text_block(_("No figure from the world is used yet."), 9.5, "", _GREY)
        for note in self.document.sources:
            value = f": {note.value}" if note.value else ""
            line = f"• {_(note.label)}{value}. {note.source}, {note.year}."
            if note.url:
                line += f" {note.url}"
            if not note.verified:
                line += " (" + _("not verified: check before relying on it") + ")"
            self.text_block(line, 9, "", _INK, 4.8)
            self.ln(1)
        self.ln(2)
        self.text_block(_("The structure of this plan is adapted from the ILO's Start Your Business business plan "
                          "booklet (2015, CC BY-SA 3.0 IGO). This adaptation is not endorsed by the ILO."), 8.5, "",
                        _GREY, 4.5)


def plan_pdf_bytes(document: PlanDocument) -> bytes:
    """The plan as PDF bytes: a cover page, then every section, the checks and the sources."""
    pdf = _PlanPDF(document)
    who = document.name or document.business
    pdf.set_title(" · ".join(part for part in (document.title, who) if part))
    pdf.set_author(document.name)
    pdf.set_subject(document.business)
    pdf.set_creator("Ritorno")
    pdf.set_lang(document.language)
    pdf.cover()
    pdf.body()
    return bytes(pdf.output())
