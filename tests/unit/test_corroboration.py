from briefings.corroboration import match, wording_differences


def test_same_quote_with_changed_wording_and_cut() -> None:
    a = (
        "Just generally being a small firm in the city, we have to be very careful. "
        "For example, we don't sell much there."
    )
    b = "Just generally being a small firm in the city, we must be very careful"
    m = match(a, b)
    assert m is not None
    assert m.differences == [("have to", "must")]


def test_identical_quotes_have_no_differences() -> None:
    q = "We sold over $60 billion of goods to buyers abroad every single year"
    m = match(q, q + " and more.")
    assert m is not None and m.identical


def test_different_quotes_do_not_match() -> None:
    assert (
        match(
            "The economy will recover strongly next year, I believe",
            "We will never sell the company to anyone",
        )
        is None
    )


def test_short_quotes_never_match() -> None:
    assert match("trial mode", "trial mode") is None


def test_differences_ignore_extra_context() -> None:
    assert wording_differences("one two three four five", "zero one two three four five six") == []
