from django.db import models


class RateLimitCounter(models.Model):
    """Hits in the current window of one rate limit (``migra_hub.ratelimit``) when no Redis is
    configured: a table, so that counters are never culled like entries of the database cache,
    and counted with one atomic upsert each."""

    # SHA-256 of scope, period and key: no address in clear text.
    key = models.CharField(max_length=64, primary_key=True)
    hits = models.PositiveIntegerField()
    # Unix time at which the window ends and counting starts again.
    window_ends = models.BigIntegerField(db_index=True)

    def __str__(self) -> str:
        return f"{self.key[:12]}…: {self.hits}"
