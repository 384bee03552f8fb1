"""``python -m episodeparse``."""

from episodeparse.launch import main

main()
