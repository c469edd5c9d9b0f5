"""`python -m dissident_timeline` runs the `timeline` command."""

from .entry import main

main()
