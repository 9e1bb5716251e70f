"""Module 1: the trainee's profile (kept for every later module) and a readiness check.

Views over :class:`ProfileModel` and :class:`ReadinessModel`; the factories
:func:`profile_form` and :func:`readiness_check` are what lesson cells call.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ._env import unless_grading
from ._lazy import lazy_exports
from ._profile import profile_country
from ._session import notebook_store

if TYPE_CHECKING:
    from ._profile_form_view import ProfileForm, ReadinessCheck

__all__ = ["ProfileModel", "ReadinessModel", "BoundArea", "ProfileForm", "ReadinessCheck", "profile_form",
           "readiness_check"]

# views (ipywidgets, matplotlib) and models load on first use: never while nbgrader grades
__getattr__, __dir__ = lazy_exports(__name__, {
    "ProfileModel": "._profile_form_model",
    "ReadinessModel": "._profile_form_model",
    "BoundArea": "._profile_form_view",
    "ProfileForm": "._profile_form_view",
    "ReadinessCheck": "._profile_form_view",
})


@unless_grading
def profile_form(country: str | None = None, language: str | None = None, keep_work: bool = True) -> ProfileForm:
    """A :class:`ProfileForm` for a lesson cell (nothing while nbgrader grades).

    ``country`` None shows the saved profile's country (or the course's default).
    With ``keep_work`` the profile is saved beside the notebook as ``m01_profile``,
    where every later module reads the trainee's country.
    """
    from ._profile_form_view import ProfileForm

    store = notebook_store() if keep_work else None
    return ProfileForm(country if country is not None else profile_country(store), language, store)


@unless_grading
def readiness_check(language: str | None = None, keep_work: bool = True) -> ReadinessCheck:
    """A :class:`ReadinessCheck` for a lesson cell (nothing while nbgrader grades).

    With ``keep_work`` the answers are saved beside the notebook as ``m01_readiness``.
    """
    from ._profile_form_view import ReadinessCheck

    return ReadinessCheck(language, notebook_store() if keep_work else None)
