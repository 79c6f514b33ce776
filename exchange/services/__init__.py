"""Writes of the peer exchange. Every change is a keyword-only function that runs in one
transaction, takes the post's row lock and queues its e-mails inside that transaction.
Callers import from here: ``from exchange import services``."""

from exchange.services.posts import (
    ExchangeError,
    PostData,
    answer_create,
    post_create,
    post_finish,
    post_hide,
)

__all__ = [
    "ExchangeError",
    "PostData",
    "answer_create",
    "post_create",
    "post_finish",
    "post_hide",
]
