"""The home page: every module as a tile with its lesson and its exercise."""
from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote

from ..curriculum import MODULES, ModuleInfo
from ..i18n import translator

__all__ = ["render_home", "app_url", "app_links"]

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f7; color: #1c2833; font-size: 20px; }
header { background: #1b4f72; color: white; padding: 1em 1.5em; }
header h1 { margin: 0; font-size: 1.8em; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(17em, 1fr)); gap: 1em; padding: 1.5em; }
.tile { background: white; border-radius: .6em; padding: 1em; box-shadow: 0 1px 3px #0003; }
.tile h2 { font-size: 1.15em; margin: .2em 0 .4em; }
.badge { display: inline-block; width: 2.2em; height: 2.2em; line-height: 2.2em; border-radius: 50%;
         background: #f5b041; color: #1c2833; font-weight: bold; text-align: center; }
.tile p { margin: 0 0 .8em; }
.tile a { display: inline-block; margin: .2em .4em .2em 0; padding: .5em .9em; border-radius: .4em;
          background: #2874a6; color: white; text-decoration: none; }
.tile a:focus, .tile a:hover { background: #1b4f72; outline: 3px solid #f5b041; }
.soon { color: #7b7d7d; font-style: italic; }
"""


def app_url(relative_path: str) -> str:
    """Voila URL that renders a notebook of the workspace as an app."""
    return "/voila/render/" + quote(relative_path)


def app_links(workspace: Path, module: ModuleInfo, _, lesson_class: str = "", exercise_class: str = "") -> list[str]:
    """Links to the module's lesson and exercise apps that exist in ``workspace``."""
    links = []
    for path, label, css in ((module.lesson_path, _("Lesson"), lesson_class),
                             (module.exercise_path, _("Exercise"), exercise_class)):
        if (workspace / path).is_file():
            links.append(f"<a class='{css}' href='{app_url(path)}'>{escape(label)}</a>" if css
                         else f"<a href='{app_url(path)}'>{escape(label)}</a>")
    return links


def render_home(workspace: Path, language: str = "en") -> str:
    """HTML of the home page, listing modules whose notebooks exist in ``workspace``."""
    _ = translator(language).gettext
    tiles, soon = [], escape(_("Coming soon"))
    for module in MODULES:
        actions = "".join(app_links(workspace, module, _)) or f"<span class='soon'>{soon}</span>"
        tiles.append(
            # a number badge, not the emoji icon: a kiosk without emoji fonts would show empty boxes
            f"<section class='tile' id='module-{module.number}'><div class='badge' aria-hidden='true'>{module.number}</div>"
            f"<h2>{module.number}. {escape(_(module.title))}</h2><p>{escape(_(module.summary))}</p>{actions}</section>"
        )
    title = _("Ritorno: start your business back home")
    intro = _("Choose a module and open its lesson. Graded exercises appear beside the lessons that have one.")
    return (f"<!DOCTYPE html><html lang='{escape(language)}'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><header><h1>{escape(title)}</h1><p>{escape(intro)}</p></header>"
            f"<main>{''.join(tiles)}</main></body></html>")
