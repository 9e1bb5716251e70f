"""Country profiles: currency, locale, course language and sourced, dated figures.

The data live in TOML files under ``data/`` (one per country, plus
``italy.toml`` for the cost of sending money from Italy). This package
imports nothing from Jupyter.

Examples
--------
>>> from ritorno.countries import get_country, COUNTRY_CODES
>>> COUNTRY_CODES
('GH', 'SN', 'TN', 'BO', 'PE', 'EC')
>>> tn = get_country("tn")
>>> tn.currency, tn.locale
('TND', 'fr_TN')
>>> tn.fact("average_effective_rate").value
0.257
"""

from ._profiles import (
    COUNTRY_CODES,
    FACT_UNITS,
    ITALY_REMITTANCE_FACTS,
    Country,
    Fact,
    all_countries,
    get_country,
)

__all__ = [
    "COUNTRY_CODES",
    "FACT_UNITS",
    "ITALY_REMITTANCE_FACTS",
    "Country",
    "Fact",
    "all_countries",
    "get_country",
]
