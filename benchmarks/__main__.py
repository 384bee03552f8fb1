"""``python -m benchmarks``: print the table of every figure of the performance issue."""

import sys

from benchmarks.run import main

sys.exit(main())
