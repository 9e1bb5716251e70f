r"""Translations (gettext catalogs) and locale formatting for everything a trainee reads.

Words go through :func:`translator`; money, numbers and percentages through
the ``format_*`` helpers (Babel), and typed amounts through
:func:`parse_amount`. This package imports nothing from Jupyter.

Keep the catalog in step with the code after adding or changing messages::

    python -m ritorno.i18n update   # re-extract ritorno.pot, merge into each .po
    python -m ritorno.i18n check    # exit 1 if ritorno.pot is out of date

Examples
--------
>>> from ritorno.i18n import translator, N_, format_money, parse_amount
>>> TITLE = N_("Monthly instalment")          # marked, translated later
>>> translator("en").gettext(TITLE)
'Monthly instalment'
>>> format_money(91680, "XOF", "fr_SN").replace("\u202f", " ").replace("\xa0", " ")
'91 680 F CFA'
>>> parse_amount("91 680 F CFA", "fr_SN")
91680.0
"""

from ._catalog import N_, SUPPORTED_LANGUAGES, translator
from ._format import (
    InvalidAmount,
    format_money,
    format_number,
    format_percent,
    parse_amount,
)

__all__ = [
    "N_",
    "SUPPORTED_LANGUAGES",
    "InvalidAmount",
    "format_money",
    "format_number",
    "format_percent",
    "parse_amount",
    "translator",
]
