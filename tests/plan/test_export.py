"""Export: a real PDF (read back with pypdf, page 1 rendered with pypdfium2) and a self-contained HTML page."""
from __future__ import annotations

import base64
import io
import logging
import re
from pathlib import Path

import pypdf
import pypdfium2
import pytest

from ritorno.answers import AnswerStore
from ritorno.plan import build_plan, export_html, export_pdf, plan_html, plan_pdf_bytes
from ritorno.ui._loan_model import LoanModel
from ritorno.ui._plan_builder_model import NarrativeModel

from ..ui.ui_reference import plain
from . import answer_sets
from .conftest import TODAY

#: Pages of the complete plan: the cover, then the sections flowing over seven pages (the loan's
#: schedule and chart and the checks make the last ones). A change here means the layout changed: look at it.
COMPLETE_PAGES = 8


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text, with Babel's no-break spaces made plain."""
    return [plain(page.extract_text()) for page in pypdf.PdfReader(io.BytesIO(data)).pages]


@pytest.fixture
def complete_pdf(complete_store: AnswerStore, tmp_path: Path) -> Path:
    return export_pdf(build_plan(complete_store, today=TODAY), tmp_path / "business_plan.pdf")


class TestPdf:
    def test_is_a_pdf_with_the_plan_s_pages(self, complete_pdf: Path):
        data = complete_pdf.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
        reader = pypdf.PdfReader(complete_pdf)
        assert len(reader.pages) == COMPLETE_PAGES
        assert reader.metadata.title == "Business plan · Awa" and reader.metadata.creator == "Ritorno"

    def test_cover_page(self, complete_pdf: Path):
        cover = pdf_pages(complete_pdf.read_bytes())[0]
        for text in ("Business plan", "Awa", "Tailoring workshop in Thiès", "Senegal", "March 2, 2026",
                     "11 of 11 parts of the plan are done.", "Sources equal uses"):
            assert text in cover

    def test_sections_money_and_sources(self, complete_pdf: Path):
        pages = pdf_pages(complete_pdf.read_bytes())
        text = "\n".join(pages)
        for title in ("About you", "The business idea", "Market and sales forecast", "Costs and prices",
                      "Start-up capital and funding", "Profit plan and break-even", "Cash-flow plan for 12 months",
                      "Household budget", "The loan", "Repayment schedule", "Repayment capacity and checks",
                      "Action plan for the first months"):
            assert title in text
        assert "2 080 000 F CFA" in text and "IOM support in kind" in text  # money in the trainee's currency
        assert "APR (true yearly cost)" in text and "21,9 %" in text
        assert answer_sets.NARRATIVE["action_plan"] in text.replace("\n", " ")
        sources = pages[-1]
        assert "Sources" in sources and "BCEAO" in sources and "2014" in sources
        assert "Page 8 of 8" in sources

    def test_page_one_renders_to_a_non_blank_image(self, complete_pdf: Path, artifacts: Path):
        document = pypdfium2.PdfDocument(str(complete_pdf))
        try:
            image = document[0].render(scale=1.5).to_pil().convert("L")
            path = artifacts / "plan_page1.png"
            image.save(path)
            for number in range(1, len(document)):  # the other pages too, for people to look at
                document[number].render(scale=1.2).to_pil().save(artifacts / f"plan_page{number + 1}.png")
        finally:
            document.close()
        assert path.stat().st_size > 5_000
        inked = sum(count for level, count in enumerate(image.histogram()) if level < 200)
        assert inked > 0.005 * image.width * image.height, "page 1 looks blank"
        low, high = image.getextrema()
        assert low < 100 and high == 255

    def test_every_currency_symbol_prints(self, store: AnswerStore):
        for code, amount, expected in (("GH", "10 000", "GH₵"), ("TN", "5 000", "DT"), ("PE", "8 000", "S/"),
                                        ("BO", "20 000", "Bs"), ("EC", "3 000", "$")):
            model = LoanModel(store=store)
            model.country = code
            model.amount = amount
            text = "\n".join(pdf_pages(plan_pdf_bytes(build_plan(store))))
            assert expected in text, code

    @pytest.mark.parametrize("answers", ["nothing", "modules_1_and_9", "inconsistent"])
    def test_partial_and_inconsistent_plans_export(self, store: AnswerStore, answers: str):
        if answers == "modules_1_and_9":
            answer_sets.profile_and_runway(store, first_name="")
            answer_sets.loan(store)
        elif answers == "inconsistent":
            answer_sets.inconsistent(store)
        pages = pdf_pages(plan_pdf_bytes(build_plan(store)))
        text = "\n".join(pages)
        assert "Business plan" in pages[0] and "Your name" not in text
        assert "Not done yet: see module 4." in text
        if answers == "modules_1_and_9":
            assert "Tailoring workshop in Thiès" in pages[0]  # no name: the cover shows the business
        if answers == "inconsistent":
            assert "✘ Failed — No month below zero" in text and "Your cash runs out in month 3" in text

    def test_characters_the_font_lacks_print_as_a_question_mark(self, store: AnswerStore, caplog):
        narrative = NarrativeModel(store=store)
        narrative.business = "Good food 👍 in Thiès\tevery day"
        with caplog.at_level(logging.WARNING):
            text = "\n".join(pdf_pages(plan_pdf_bytes(build_plan(store))))
        assert "Good food ? in Thiès    every day" in text
        assert not [record for record in caplog.records if "glyph" in record.getMessage()]

    def test_a_folder_that_does_not_exist(self, complete_store: AnswerStore, tmp_path: Path):
        with pytest.raises(OSError):
            export_pdf(build_plan(complete_store), tmp_path / "missing" / "plan.pdf")
        assert not (tmp_path / "missing").exists()


class TestHtml:
    def test_sections_and_three_inline_charts(self, complete_store: AnswerStore, tmp_path: Path):
        path = export_html(build_plan(complete_store, today=TODAY), tmp_path / "business_plan.html")
        html = path.read_text(encoding="utf-8")
        assert html.startswith("<!DOCTYPE html>") and "<html lang='en'>" in html
        for key in ("about_you", "idea", "market", "costs", "capital", "break_even", "cash_flow", "household",
                    "loan", "capacity", "action_plan", "sources"):
            assert f"<section id='{key}'>" in html
        images = re.findall(r"<img src='data:image/png;base64,([A-Za-z0-9+/=]+)'", html)
        assert len(images) == 3
        assert all(base64.b64decode(image).startswith(b"\x89PNG") for image in images)
        assert "2\u202f080\u202f000\xa0F\u202fCFA" in html  # Babel's fr_SN money, kept as is
        assert "<script" not in html and "src='http" not in html  # nothing fetched, nothing run

    def test_charts_only_where_there_is_data(self, store: AnswerStore):
        answer_sets.profile_and_runway(store)
        answer_sets.loan(store)
        html = plan_html(build_plan(store))
        assert html.count("<img src='data:image/png;base64,") == 1  # the loan balance
        assert "Not done yet: see module 7." in html

    def test_trainee_text_is_escaped(self, store: AnswerStore):
        answer_sets.profile_and_runway(store, first_name="<b>Awa</b>")
        html = plan_html(build_plan(store))
        assert "&lt;b&gt;Awa&lt;/b&gt;" in html and "<b>Awa</b>" not in html
