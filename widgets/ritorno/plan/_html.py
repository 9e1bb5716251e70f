"""The plan as one self-contained HTML file: styles inline, charts as ``data:`` PNG images, nothing fetched.

Every text comes from the document (already translated and formatted) and is escaped.
The file prints well too (A4, a page per main section).
"""
from __future__ import annotations

import base64
from html import escape

from ..i18n import translator
from ._charts import chart_png
from ._checks import CheckResult
from ._document import Chart, CheckList, DocSection, Figures, Paragraph, PlanDocument, Table

__all__ = ["plan_html"]

_STYLE = """
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#1c2833;max-width:52em;margin:2em auto;padding:0 1em;
line-height:1.45}
h1{font-size:2.1em;margin:.2em 0;color:#1b4f72}h2{font-size:1.35em;color:#1b4f72;border-bottom:2px solid #d6eaf8;
padding-bottom:.2em;margin-top:2em}h3{font-size:1.05em;margin:1.2em 0 .4em}
.cover{border-top:10px solid #1b4f72;padding:2em 0 1.5em;margin-bottom:1em}.cover .name{font-size:1.5em;margin:.4em 0}
.cover .business{font-size:1.25em;color:#2e4053}.cover dl{display:grid;grid-template-columns:max-content auto;
gap:.2em 1.2em;margin-top:1.2em}.cover dt{color:#566573}.cover dd{margin:0}
.module{font-size:.75em;color:#7f8c8d;font-weight:normal;margin-left:.6em}
table{border-collapse:collapse;margin:.4em 0 .8em;min-width:60%}
th,td{padding:.25em .7em;border-bottom:1px solid #e5e8e8;
vertical-align:top}th{background:#eaf2f8;text-align:left}td.num,th.num{text-align:right;white-space:nowrap}
table.figures td:first-child{color:#34495e}table.figures td:last-child{font-weight:bold}
tr.total td{font-weight:bold;border-top:1.5px solid #85929e}tr.alarm td{color:#b03a2e;font-weight:bold}
.missing{color:#b03a2e;font-weight:bold}.warning{color:#9a5b00}.note{color:#566573;font-size:.92em}
.narrative{white-space:pre-wrap;border-left:3px solid #d6eaf8;padding-left:.8em}
figure{margin:.6em 0}figure img{max-width:100%;height:auto}figcaption{font-size:.85em;color:#566573}
.check{margin:.5em 0;padding:.4em .7em;border-left:5px solid #aab7b8}.check.passed{border-color:#1e8449}
.check.failed{border-color:#b03a2e}.check b{margin-right:.4em}.check.passed b{color:#1e8449}
.check.failed b{color:#b03a2e}.sources li{margin:.3em 0}footer{margin-top:3em;font-size:.8em;color:#7f8c8d}
@media print{body{margin:0;max-width:none}h2,h3{break-after:avoid}
figure,table,.check{break-inside:avoid}}
"""


def _figures(part: Figures) -> str:
    rows = "".join(f"<tr><td>{escape(label)}</td><td>{escape(value)}</td></tr>" for label, value in part.rows)
    return f"<table class='figures'>{rows}</table>" if rows else ""


def _table(part: Table) -> str:
    def cls(column: int) -> str:
        return " class='num'" if part.numeric[column] else ""

    head = "".join(f"<th{cls(c)}>{escape(text)}</th>" for c, text in enumerate(part.columns))
    body = []
    for index, row in enumerate(part.rows):
        kind = " class='total'" if index in part.emphasis else " class='alarm'" if index in part.alarm else ""
        cells = "".join(f"<td{cls(c)}>{escape(text)}</td>" for c, text in enumerate(row))
        body.append(f"<tr{kind}>{cells}</tr>")
    return f"<table class='data'><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _paragraph(part: Paragraph) -> str:
    if part.kind == "subheading":
        return f"<h3>{escape(part.text)}</h3>"
    if part.kind == "warning":
        return f"<p class='warning'>⚠ {escape(part.text)}</p>"
    return f"<p class='{escape(part.kind)}'>{escape(part.text)}</p>"


def _chart(part: Chart) -> str:
    data = base64.b64encode(chart_png(part.spec)).decode("ascii")
    return (f"<figure class='chart chart-{escape(part.spec.key)}'><img src='data:image/png;base64,{data}' "
            f"alt='{escape(part.spec.alt)}'><figcaption>{escape(part.spec.alt)}</figcaption></figure>")


def check_html(result: CheckResult, _) -> str:
    """One check as a block: ✔ passed, ✘ failed or … not checked yet, and what it means."""
    marks = {"passed": "✔ " + _("Passed"), "failed": "✘ " + _("Failed")}
    mark = marks.get(result.status, "… " + _("Not checked yet"))
    return (f"<div class='check {escape(result.status)}'><b>{escape(mark)}</b><strong>{escape(result.title)}"
            f"</strong><br>{escape(result.explanation)}</div>")


def _section(section: DocSection, _) -> str:
    module = escape(_("module {number}").format(number=section.module))
    body = []
    for part in section.parts:
        if isinstance(part, Figures):
            body.append(_figures(part))
        elif isinstance(part, Table):
            body.append(_table(part))
        elif isinstance(part, Paragraph):
            body.append(_paragraph(part))
        elif isinstance(part, Chart):
            body.append(_chart(part))
        elif isinstance(part, CheckList):
            body.extend(check_html(result, _) for result in part.results)
    return (f"<section id='{escape(section.key)}'><h2>{escape(section.title)}<span class='module'>{module}</span>"
            f"</h2>{''.join(body)}</section>")


def _sources(document: PlanDocument, _) -> str:
    items = []
    for note in document.sources:
        value = f": {escape(note.value)}" if note.value else ""
        where = f" <a href='{escape(note.url)}'>{escape(note.url)}</a>" if note.url else ""
        unverified = " <em>({})</em>".format(escape(_("not verified: check before relying on it"))) if not note.verified else ""
        items.append(f"<li>{escape(_(note.label))}{value}. {escape(note.source)}, {note.year}.{where}{unverified}</li>")
    none_yet = escape(_("No figure from the world is used yet."))
    listed = f"<ul class='sources'>{''.join(items)}</ul>" if items else f"<p class='note'>{none_yet}</p>"
    credit = escape(_("The structure of this plan is adapted from the ILO's Start Your Business business plan "
                      "booklet (2015, CC BY-SA 3.0 IGO). This adaptation is not endorsed by the ILO."))
    heading = escape(_("Sources"))
    return f"<section id='sources'><h2>{heading}</h2>{listed}<p class='note'>{credit}</p></section>"


def plan_html(document: PlanDocument) -> str:
    """The plan as a complete HTML page (UTF-8 text), charts inline as ``data:`` URIs."""
    _ = translator(document.language).gettext
    cover_rows = [(_("Country"), document.country_name), (_("Date"), document.date_text)]
    cover_list = "".join(f"<dt>{escape(label)}</dt><dd>{escape(value)}</dd>" for label, value in cover_rows if value)
    name = f"<p class='name'>{escape(document.name)}</p>" if document.name else ""
    business = f"<p class='business'>{escape(document.business)}</p>" if document.business else ""
    title = " · ".join(part for part in (document.title, document.name or document.business) if part)
    contents = "".join(f"<li><a href='#{escape(section.key)}'>{escape(section.title)}</a></li>"
                       for section in document.sections)
    contents += "<li><a href='#sources'>{}</a></li>".format(escape(_("Sources")))
    contents_heading = escape(_("Contents"))
    sections = "".join(_section(section, _) for section in document.sections)
    footer = escape(_("Made with Ritorno, a course for people returning from Italy to start a business."))
    return (f"<!DOCTYPE html>\n<html lang='{escape(document.language)}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body>"
            f"<header class='cover'><h1>{escape(document.title)}</h1>{name}{business}<dl>{cover_list}</dl></header>"
            f"<nav><h3>{contents_heading}</h3><ol>{contents}</ol></nav>{sections}{_sources(document, _)}"
            f"<footer>{footer}</footer></body></html>\n")
