"""`python -m summarizer`: the same command line as `summarizer`."""

from summarizer.cli import main

main()
