from migra_hub.ratelimit import is_rate_limited


def test_hits_within_the_limit_pass_and_the_next_one_is_limited() -> None:
    results = [is_rate_limited("test", "1.2.3.4", limit=3, period=60) for _ in range(4)]
    assert results == [False, False, False, True]


def test_keys_and_scopes_are_counted_separately() -> None:
    for _ in range(3):
        is_rate_limited("test", "a@example.org", limit=3, period=60)
    assert is_rate_limited("test", "a@example.org", limit=3, period=60)
    assert not is_rate_limited("test", "b@example.org", limit=3, period=60)
    assert not is_rate_limited("other", "a@example.org", limit=3, period=60)
