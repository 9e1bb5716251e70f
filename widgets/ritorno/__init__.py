"""Ritorno: an interactive course for returnees from Italy who start a microenterprise."""

__version__ = "0.1.0"
