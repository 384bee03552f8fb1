"""``python -m episodeparse``."""

from episodeparse.cli import main

main()
