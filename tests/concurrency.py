"""Running calls at the same moment, for the tests of row locks (PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.utils import translation


def race(*calls: Callable[[], Any]) -> list[Any]:
    """Run the calls at the same moment in threads with their own connections; each result
    is what the call returned or the exception it raised."""
    barrier = threading.Barrier(len(calls))
    results: list[Any] = [None] * len(calls)

    def run(index: int, call: Callable[[], Any]) -> None:
        try:
            barrier.wait()
            with translation.override("en"):  # threads do not inherit the active language
                results[index] = call()
        except Exception as error:  # the test inspects what happened
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results
