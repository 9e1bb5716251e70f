"""Views and models load on first use, and every public name of the widget modules still resolves."""
from __future__ import annotations

import importlib

import pytest

from ritorno.ui import _exercise_form_view, _loan_views

PUBLIC_MODULES = ["ritorno.ui", "ritorno.ui.break_even", "ritorno.ui.cash_flow", "ritorno.ui.costing",
                  "ritorno.ui.household_budget", "ritorno.ui.idea_screening", "ritorno.ui.plan_builder",
                  "ritorno.ui.plan_overview", "ritorno.ui.profile_form", "ritorno.ui.remittances",
                  "ritorno.ui.repayment_check", "ritorno.ui.runway", "ritorno.ui.sales_forecast",
                  "ritorno.ui.startup_capital"]


@pytest.mark.parametrize("name", PUBLIC_MODULES)
def test_every_public_name_resolves_and_is_listed(name: str) -> None:
    module = importlib.import_module(name)
    missing = [public for public in module.__all__ if getattr(module, public, None) is None]
    assert missing == []
    assert set(module.__all__) <= set(dir(module))


def test_a_lazy_name_is_the_object_its_module_defines() -> None:
    import ritorno.ui

    assert ritorno.ui.ExerciseForm is _exercise_form_view.ExerciseForm
    assert ritorno.ui.LoanCalculator is _loan_views.LoanCalculator
    assert "ExerciseForm" in vars(ritorno.ui), "kept after the first use: imported once"


def test_an_unknown_name_is_an_attribute_error() -> None:
    import ritorno.ui.runway

    with pytest.raises(AttributeError, match="module 'ritorno.ui.runway' has no attribute 'RunwayWidget'"):
        ritorno.ui.runway.RunwayWidget  # noqa: B018 - the lookup is the test
    with pytest.raises(ImportError):
        from ritorno.ui import NoSuchWidget  # noqa: F401
