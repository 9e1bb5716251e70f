"""Gettext catalogs: loading translators and keeping the catalogs up to date.

The catalogs are ``locale/<lang>/LC_MESSAGES/ritorno.po`` files next to this
module, with the template ``locale/ritorno.pot``. No compiled ``.mo`` file is
committed: :func:`translator` compiles the ``.po`` in memory with Babel.
Adding a language is adding a ``.po`` file (``python -m ritorno.i18n init
it``); no code changes.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import NullTranslations, Translations

__all__ = [
    "DOMAIN",
    "KEYWORDS",
    "LOCALE_DIR",
    "PACKAGE_DIR",
    "SUPPORTED_LANGUAGES",
    "CatalogCheck",
    "N_",
    "available_languages",
    "check_catalogs",
    "extract_messages",
    "init_catalog",
    "translator",
    "update_catalogs",
]

DOMAIN = "ritorno"
#: Folder holding ``ritorno.pot`` and one ``<lang>/LC_MESSAGES/ritorno.po`` per language.
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
#: The ``ritorno`` package folder, scanned for messages.
PACKAGE_DIR = Path(__file__).resolve().parent.parent
#: Marker functions recognised when extracting messages (name -> argument spec).
KEYWORDS: dict[str, tuple[int, ...] | None] = {
    "_": None,
    "N_": None,
    "gettext": None,
    "ngettext": (1, 2),
}
_SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Mark *message* for translation without translating it now.

    Use it for module-level strings (labels, titles) that are translated
    later, when the trainee's language is known.

    Examples
    --------
    >>> N_("Monthly instalment")
    'Monthly instalment'
    """
    return message


def _pot_path() -> Path:
    return LOCALE_DIR / f"{DOMAIN}.pot"


def _po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def available_languages() -> tuple[str, ...]:
    """Languages that have a catalog, English first, then alphabetical.

    Examples
    --------
    >>> available_languages()[0]
    'en'
    """
    found = sorted(
        path.parent.parent.name
        for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    )
    return tuple(sorted(found, key=lambda lang: (lang != _SOURCE_LANGUAGE, lang)))


#: Languages with a catalog in ``locale/`` (discovered when the module loads).
SUPPORTED_LANGUAGES: tuple[str, ...] = available_languages()


def _candidates(language: str) -> list[str]:
    """``"fr-SN"`` -> ``["fr_SN", "fr"]``."""
    tag = language.strip().replace("-", "_")
    if "_" in tag:
        lang, _, region = tag.partition("_")
        return [f"{lang.lower()}_{region.upper()}", lang.lower()]
    return [tag.lower()]


@functools.lru_cache(maxsize=None)
def translator(language: str = "en") -> NullTranslations:
    """Return a gettext translator for *language* (cached per language).

    The ``.po`` catalog is compiled in memory. A language without a catalog
    falls back to English; English itself returns each message unchanged,
    since the messages are written in English.

    Parameters
    ----------
    language : str
        ``"en"``, ``"fr"``, ``"es"``… Region variants (``"fr_SN"``,
        ``"es-PE"``) use their language's catalog.

    Returns
    -------
    babel.support.Translations or babel.support.NullTranslations
        An object with ``gettext`` and ``ngettext``.

    Examples
    --------
    >>> t = translator("en")
    >>> t.gettext("This box is empty: please type an amount.")
    'This box is empty: please type an amount.'
    >>> t.ngettext("{n} month", "{n} months", 2).format(n=2)
    '2 months'
    >>> translator("xx") is translator("en")
    True
    """
    if not isinstance(language, str) or not language.strip():
        language = _SOURCE_LANGUAGE
    for candidate in _candidates(language):
        if _po_path(candidate).is_file():
            return _load_translator(candidate)
    if _po_path(_SOURCE_LANGUAGE).is_file():
        return _load_translator(_SOURCE_LANGUAGE)
    return _null_translator()


@functools.cache
def _null_translator() -> NullTranslations:
    return NullTranslations()


@functools.cache
def _load_translator(language: str) -> NullTranslations:
    with _po_path(language).open("rb") as handle:
        catalog = read_po(handle, locale=language, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer, domain=DOMAIN)


# --------------------------------------------------------------------------
# Catalog tooling (used by ``python -m ritorno.i18n``)
# --------------------------------------------------------------------------

def _directory_filter(dirpath: str) -> bool:
    name = Path(dirpath).name
    return not (name.startswith(".") or name == "__pycache__")


def extract_messages(package_dir: Path | None = None) -> Catalog:
    """Extract translatable messages from every ``*.py`` file of the package and the country files.

    Strings passed to ``_``, ``N_``, ``gettext`` and ``ngettext`` (also as
    methods, ``t.gettext(...)``) are collected; locations are relative to the
    folder holding the package (``ritorno/i18n/_format.py``).
    """
    package_dir = Path(PACKAGE_DIR if package_dir is None else package_dir)
    template = Catalog(
        project="ritorno",
        msgid_bugs_address="",
        copyright_holder="Ritorno authors",
        fuzzy=False,
    )
    results = extract_from_dir(
        str(package_dir.parent),
        method_map=[(f"{package_dir.name}/**.py", "python"),
                    (f"{package_dir.name}/countries/data/*.toml", "ritorno.i18n._toml:extract_toml")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
        directory_filter=_directory_filter,
    )
    for filename, lineno, message, comments, context in results:
        template.add(
            message,
            None,
            [(Path(filename).as_posix(), lineno)],
            auto_comments=comments,
            context=context,
        )
    return template


def _message_keys(catalog: Iterable) -> set[tuple[str | None, object]]:
    """The identity of each message: (context, msgid) — plurals keep both ids."""
    return {(message.context, message.id) for message in catalog if message.id}


def _render(catalog: Catalog, **options) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, **options)
    return buffer.getvalue()


def _read(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale, domain=DOMAIN)


def update_catalogs() -> list[Path]:
    """Rewrite ``ritorno.pot`` from the code and merge it into every ``.po``.

    Existing translations are kept; messages gone from the code stay as
    obsolete entries (``#~``) in the ``.po`` files. Files whose content would
    only differ by a date are left untouched.

    Returns
    -------
    list of Path
        The files written.
    """
    written: list[Path] = []
    pot_path = _pot_path()
    template = extract_messages()
    if pot_path.is_file():
        # Keep the old creation date so an unchanged template is byte-identical.
        template.creation_date = _read(pot_path).creation_date
    rendered = _render(template, sort_by_file=True)
    if not pot_path.is_file() or pot_path.read_bytes() != rendered:
        LOCALE_DIR.mkdir(parents=True, exist_ok=True)
        pot_path.write_bytes(rendered)
        written.append(pot_path)
    template = _read(pot_path)
    for language in available_languages():
        path = _po_path(language)
        catalog = _read(path, locale=language)
        before = _render(catalog, sort_by_file=True)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        after = _render(catalog, sort_by_file=True)
        if after != before:
            path.write_bytes(after)
            written.append(path)
    return written


def init_catalog(language: str) -> Path:
    """Create ``locale/<language>/LC_MESSAGES/ritorno.po`` from the template.

    Raises
    ------
    ValueError
        If the catalog exists already or the template is missing.
    """
    path = _po_path(language)
    pot_path = _pot_path()
    if path.exists():
        raise ValueError(f"A catalog for {language!r} exists already: {path}")
    if not pot_path.is_file():
        raise ValueError(f"No template at {pot_path}: run 'python -m ritorno.i18n update' first")
    template = _read(pot_path)
    catalog = Catalog(locale=language, domain=DOMAIN, project="ritorno", fuzzy=False)
    catalog.update(template, no_fuzzy_matching=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_render(catalog, sort_by_file=True))
    return path


@dataclass(frozen=True)
class CatalogCheck:
    """Result of :func:`check_catalogs`: ``ok`` and the problems found."""

    ok: bool
    problems: tuple[str, ...]
    message_count: int


def _describe(keys: set) -> str:
    def show(key) -> str:
        context, msgid = key
        text = " / ".join(msgid) if isinstance(msgid, tuple) else msgid
        return f"{text!r}" + (f" (context {context!r})" if context else "")

    return ", ".join(sorted(show(key) for key in keys))


def check_catalogs() -> CatalogCheck:
    """Compare the messages in the code with ``ritorno.pot`` and each ``.po``.

    Only message ids are compared (not line numbers, dates or headers).
    """
    code_keys = _message_keys(extract_messages())
    pot_path = _pot_path()
    problems: list[str] = []
    if not pot_path.is_file():
        problems.append(f"{pot_path.name} is missing.")
        return CatalogCheck(False, tuple(problems), len(code_keys))
    pot_keys = _message_keys(_read(pot_path))
    if new := code_keys - pot_keys:
        problems.append(f"{pot_path.name} lacks {len(new)} message(s) found in the code: {_describe(new)}")
    if gone := pot_keys - code_keys:
        problems.append(f"{pot_path.name} has {len(gone)} message(s) no longer in the code: {_describe(gone)}")
    for language in available_languages():
        po_keys = _message_keys(_read(_po_path(language), locale=language))
        if po_keys != code_keys:
            problems.append(f"{language}/LC_MESSAGES/{DOMAIN}.po is not in step with the code.")
    return CatalogCheck(not problems, tuple(problems), len(code_keys))
