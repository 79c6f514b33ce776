"""The site's settings with the benchmark's comparison pages (``bench.baseline``) added."""

from migra_hub.settings import *  # noqa: F403

ROOT_URLCONF = "bench.baseline"
