"""`python -m checker`: the same commands as the `checker` program."""

from .cli import main

main()
