"""The kiosk's own pages: home (language, country, sign-in, module tiles) and "all seats busy".

Plain HTML with inline style and script: nothing is fetched from anywhere, so the pages
work on a terminal with no internet. Buttons and links are large, keyboard-focusable and
touch-sized.
"""
from __future__ import annotations

from html import escape
from pathlib import Path

from babel import Locale

from ..countries import COUNTRY_CODES
from ..curriculum import MODULES
from ..i18n import SUPPORTED_LANGUAGES, translator
from ..serve import app_links
from ._icons import module_icon
from ._sessions import KioskSession

__all__ = ["render_home", "render_busy"]

_STYLE = """
* { box-sizing: border-box; }
body { font-family: system-ui, sans-serif; margin: 0; background: #f4f6f7; color: #1c2833; font-size: 22px; line-height: 1.4; }
header { background: #1b4f72; color: white; padding: .8em 1.2em; display: flex; flex-wrap: wrap; gap: .6em 1.5em; align-items: center; justify-content: space-between; }
header h1 { margin: 0; font-size: 1.6em; }
form { margin: 0; display: inline; }
button, .button { font: inherit; min-height: 48px; padding: .45em 1em; border-radius: .45em; border: 2px solid #1b4f72;
  background: white; color: #1b4f72; cursor: pointer; text-decoration: none; display: inline-block; }
button.primary, .button.primary { background: #2874a6; border-color: #2874a6; color: white; }
button[aria-pressed="true"] { background: #f5b041; border-color: #f5b041; color: #1c2833; font-weight: bold; }
button:focus-visible, a:focus-visible, input:focus-visible { outline: 4px solid #f5b041; outline-offset: 2px; }
.end { background: #922b21; border-color: #922b21; color: white; }
section.choices { display: grid; gap: 1em; padding: 1em 1.2em 0; }
.choice-row { display: flex; flex-wrap: wrap; gap: .5em; align-items: center; }
.choice-row > span { min-width: 7em; font-weight: bold; }
input[type=text] { font: inherit; min-height: 48px; padding: .3em .6em; border: 2px solid #566573; border-radius: .4em; width: 12em; }
.message { margin: .6em 1.2em 0; padding: .6em 1em; border-radius: .4em; }
.message.error { background: #fadbd8; border: 2px solid #922b21; }
.message.ok { background: #d5f5e3; border: 2px solid #1e8449; }
main { display: grid; grid-template-columns: repeat(auto-fill, minmax(16em, 1fr)); gap: 1em; padding: 1.2em; }
.tile { background: white; border-radius: .6em; padding: 1em; box-shadow: 0 1px 3px #0003; display: flex; flex-direction: column; }
.tile .icon { color: #2874a6; }
.tile h2 { font-size: 1.1em; margin: .3em 0; }
.tile p { margin: 0 0 .8em; flex: 1; }
.tile .links { display: flex; flex-wrap: wrap; gap: .4em; }
footer { padding: 0 1.2em 1.2em; color: #566573; }
#still-there { position: fixed; inset: 0; background: #000a; display: none; align-items: center; justify-content: center; }
#still-there > div { background: white; padding: 1.5em; border-radius: .6em; max-width: 26em; text-align: center; }
"""



_SCRIPT = "<script src='/kiosk/static/kiosk.js'></script>"


def _language_name(language: str) -> str:
    return Locale.parse(language).get_display_name(language).capitalize()


def _country_name(code: str, language: str) -> str:
    return Locale.parse(language).territories.get(code, code)


def _pressed(flag: bool) -> str:
    return "true" if flag else "false"


def _still_there(_) -> str:
    question = escape(_("Are you still there? Without a touch, this session ends in a moment and your screen is cleared."))
    stay = escape(_("Yes, I am still here"))
    return (f"<div id='still-there' role='alertdialog' aria-labelledby='still-there-text'><div>"
            f"<p id='still-there-text'>{question}</p>"
            f"<button id='still-there-stay' class='primary' type='button'>{stay}</button></div></div>")


def render_home(workspace: Path, session: KioskSession | None, default_language: str, *, message: str = "",
                message_is_error: bool = True) -> str:
    """The home page for ``session`` (``None``: a new visitor)."""
    language = session.language if session else default_language
    _ = translator(language).gettext
    languages = "".join(
        f"<button name='language' value='{lang}' lang='{lang}' aria-pressed='{_pressed(lang == language)}'>"
        f"{escape(_language_name(lang))}</button>" for lang in SUPPORTED_LANGUAGES)
    chosen_country = session.country if session else None
    countries = "".join(
        f"<button name='country' value='{code}' aria-pressed='{_pressed(code == chosen_country)}'>"
        f"{escape(_country_name(code, language))}</button>" for code in COUNTRY_CODES)
    your_code = escape(_("Your code"))
    if session and session.trainee:
        signed_in = escape(_("Signed in as {code}: your exercises are saved for your trainer.").format(code=session.trainee))
        sign_in = f"<div class='choice-row'><span>{your_code}</span><span id='signed-in'>{signed_in}</span></div>"
    else:
        button, why = escape(_("Sign in")), escape(_("Have a code from your trainer? Sign in to save your exercises."))
        sign_in = (f"<form method='post' action='/kiosk/sign-in' class='choice-row'>"
                   f"<label for='code'><span>{your_code}</span></label>"
                   f"<input id='code' name='code' type='text' autocomplete='off' autocapitalize='none' spellcheck='false' maxlength='64'>"
                   f"<button class='primary' type='submit'>{button}</button><span>{why}</span></form>")
    notice = ""
    if message:
        kind, role = ("error", "alert") if message_is_error else ("ok", "status")
        notice = f"<p class='message {kind}' role='{role}'>{escape(message)}</p>"
    tiles = []
    for module in MODULES:
        links = app_links(workspace, module, _, lesson_class="button primary", exercise_class="button")
        tiles.append(
            f"<section class='tile' id='module-{module.number}'>{module_icon(module.number)}"
            f"<h2>{module.number}. {escape(_(module.title))}</h2><p>{escape(_(module.summary))}</p>"
            f"<div class='links'>{''.join(links)}</div></section>")
    title = _("Ritorno: start your business back home")
    end_label = escape(_("End session"))
    end = f"<form method='post' action='/kiosk/end'><button id='kiosk-end' class='end' type='submit'>{end_label}</button></form>"
    choices, language_label, country_label = escape(_("Your choices")), escape(_("Language")), escape(_("Country"))
    privacy = (_("Your exercises are saved under your code. Press End session when you leave.") if session and session.trainee
               else _("Nothing you type is kept after you leave. Press End session when you leave."))
    return (f"<!DOCTYPE html><html lang='{escape(language)}'><head><meta charset='utf-8'><link rel='icon' href='data:,'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{_STYLE}</style></head><body><header><h1>{escape(title)}</h1>{end}</header>"
            f"<section class='choices' aria-label='{choices}'>"
            f"<form method='post' action='/kiosk/preferences' class='choice-row'><span>{language_label}</span>{languages}</form>"
            f"<form method='post' action='/kiosk/preferences' class='choice-row'><span>{country_label}</span>{countries}</form>"
            f"{sign_in}</section>{notice}<main>{''.join(tiles)}</main><footer>{escape(privacy)}</footer>"
            f"{_still_there(_) if session else ''}"
            f"{_SCRIPT if session else ''}</body></html>")


def render_busy(language: str) -> str:
    """The friendly page shown when every seat is taken (it retries by itself)."""
    _ = translator(language).gettext
    title = _("All seats are busy")
    wait = escape(_("Everybody is using the course right now. Please try again in a minute: this page tries again by itself."))
    back = escape(_("Back to the start"))
    return (f"<!DOCTYPE html><html lang='{escape(language)}'><head><meta charset='utf-8'><link rel='icon' href='data:,'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><meta http-equiv='refresh' content='60'>"
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body><header><h1>{escape(title)}</h1></header>"
            f"<p class='message ok' role='status'>{wait}</p>"
            f"<p style='padding: 0 1.2em'><a class='button primary' href='/'>{back}</a></p></body></html>")
