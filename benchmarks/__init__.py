"""episodeparse's benchmarks: ``python -m benchmarks`` (see ``run.py``)."""
