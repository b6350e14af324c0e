"""Red Heat: ``python main.py`` plays; ``python main.py sim LEVEL --bot`` runs the rules headless."""

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main())
