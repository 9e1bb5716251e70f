"""`python -m ritorno` runs the `ritorno` command."""
from .cli import main

main()
