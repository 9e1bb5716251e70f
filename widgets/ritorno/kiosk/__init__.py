"""The Voila kiosk: the course's apps for strangers at a shared terminal (`ritorno kiosk`).

Anonymous visitors keep nothing on disk; a trainee who signs in with a code saves
exercise answers under the data dir, where `ritorno trainer collect` picks them up.
"""
from ._app import DEFAULT_PREHEATED, KioskSettings, KioskVoila, kiosk_argv, run_kiosk
from ._codes import TraineeCodeRefused, check_trainee_code, read_roster
from ._sessions import KioskSession, SessionRegistry
from ._state import COOKIE, Kiosk

__all__ = ["DEFAULT_PREHEATED", "KioskSettings", "KioskVoila", "kiosk_argv", "run_kiosk", "TraineeCodeRefused",
           "check_trainee_code", "read_roster", "KioskSession", "SessionRegistry", "COOKIE", "Kiosk"]
