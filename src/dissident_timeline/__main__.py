"""`python -m dissident_timeline` runs the `timeline` command."""

from .cli import main

main()
