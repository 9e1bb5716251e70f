"""Which country a trainee returns to: module 1's profile, read by every later module."""
from __future__ import annotations

from ..answers import AnswerStatus, AnswerStore
from ..countries import COUNTRY_CODES
from ._session import current_session, notebook_store

__all__ = ["PROFILE_RECORD", "DEFAULT_COUNTRY", "profile_country"]

PROFILE_RECORD = "m01_profile"
DEFAULT_COUNTRY = "SN"


def profile_country(store: AnswerStore | None = None, fallback: str = DEFAULT_COUNTRY) -> str:
    """The country saved in the trainee's profile, else the one a kiosk visitor picked, else ``fallback``.

    >>> import tempfile
    >>> profile_country(AnswerStore(tempfile.mkdtemp()), fallback="PE")
    'PE'
    """
    saved = (store or notebook_store()).load(PROFILE_RECORD)
    country = saved.get("country") if saved.status is AnswerStatus.SAVED else None
    return country if country in COUNTRY_CODES else (current_session().country or fallback)
